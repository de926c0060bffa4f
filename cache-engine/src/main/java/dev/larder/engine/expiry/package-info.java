/**
 * Active expiry: reclaiming expired keys nobody reads again.
 */
@NullMarked
package dev.larder.engine.expiry;

import org.jspecify.annotations.NullMarked;

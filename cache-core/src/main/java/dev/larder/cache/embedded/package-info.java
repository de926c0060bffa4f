/**
 * The embedded backend: Larder's own Redis-compatible engine, in process.
 */
@NullMarked
package dev.larder.cache.embedded;

import org.jspecify.annotations.NullMarked;

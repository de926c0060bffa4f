/**
 * A rate-limited endpoint.
 */
@NullMarked
package dev.larder.sample.quotes;

import org.jspecify.annotations.NullMarked;

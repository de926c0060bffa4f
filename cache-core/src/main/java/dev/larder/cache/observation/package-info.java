/**
 * Micrometer {@code Observation}s of cache loads and, when asked for, of every get, so
 * that tracing shows a span per cache miss that reached the loader.
 */
@NullMarked
package dev.larder.cache.observation;

import org.jspecify.annotations.NullMarked;

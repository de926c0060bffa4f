/**
 * Micrometer meters for Larder's caches.
 */
@NullMarked
package dev.larder.cache.metrics;

import org.jspecify.annotations.NullMarked;

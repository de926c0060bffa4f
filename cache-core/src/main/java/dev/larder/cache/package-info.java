/**
 * Larder's Spring {@link org.springframework.cache.Cache} and cache manager, one
 * implementation over every backend.
 */
@NullMarked
package dev.larder.cache;

import org.jspecify.annotations.NullMarked;

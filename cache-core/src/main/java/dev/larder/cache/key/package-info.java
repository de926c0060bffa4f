/**
 * Rendering of cache keys as the stable strings remote backends store.
 */
@NullMarked
package dev.larder.cache.key;

import org.jspecify.annotations.NullMarked;

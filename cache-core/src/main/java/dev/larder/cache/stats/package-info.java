/**
 * Per-cache hit, miss and load statistics.
 */
@NullMarked
package dev.larder.cache.stats;

import org.jspecify.annotations.NullMarked;

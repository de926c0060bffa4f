/**
 * Scored sets: the API, its members, bounds and ranges.
 */
@NullMarked
package dev.larder.cache.structure.sortedset;

import org.jspecify.annotations.NullMarked;

/**
 * The structures a backend carries beyond caching (sorted sets, locks, rate limiters) and
 * their shared settings.
 */
@NullMarked
package dev.larder.cache.structure;

import org.jspecify.annotations.NullMarked;

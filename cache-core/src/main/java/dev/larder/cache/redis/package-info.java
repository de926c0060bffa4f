/**
 * The Redis backend over Lettuce: standalone, Sentinel and Cluster connections and their
 * stores.
 */
@NullMarked
package dev.larder.cache.redis;

import org.jspecify.annotations.NullMarked;

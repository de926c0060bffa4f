/**
 * The Memcached backend over XMemcached: cache stores, and locks and rate limiters built
 * on CAS.
 */
@NullMarked
package dev.larder.cache.memcached;

import org.jspecify.annotations.NullMarked;

/**
 * What a cache does when its backend fails or many threads load one key: circuit breaker,
 * failure policy, single flight.
 */
@NullMarked
package dev.larder.cache.support;

import org.jspecify.annotations.NullMarked;

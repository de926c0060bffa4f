/**
 * Larder's embedded engine as the Redis of Spring Boot tests:
 * {@link dev.larder.test.spring.EmbeddedRedisConnection} registers it as Boot's
 * {@code DataRedisConnectionDetails}, the contract {@code @ServiceConnection} uses.
 */
@NullMarked
package dev.larder.test.spring;

import org.jspecify.annotations.NullMarked;

/**
 * Larder's embedded engine as the Redis of JUnit 5 tests:
 * {@link dev.larder.test.EmbeddedRedis} starts it on a free loopback port and injects it,
 * its port and its URI.
 */
@NullMarked
package dev.larder.test;

import org.jspecify.annotations.NullMarked;

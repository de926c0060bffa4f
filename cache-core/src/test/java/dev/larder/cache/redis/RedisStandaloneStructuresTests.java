package dev.larder.cache.redis;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.conformance.LockConformanceTests;
import dev.larder.cache.structure.conformance.LockWatchdogTests;
import dev.larder.cache.structure.conformance.RateLimiterConformanceTests;
import dev.larder.cache.structure.conformance.SortedSetConformanceTests;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The structures contract on a real standalone redis-server; each instance is its own
 * connection.
 */
class RedisStandaloneStructuresTests {

	private static RedisProcess redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	private static CacheBackend backend(StructureSettings settings) {
		return RedisTestBackends.standalone(redis, settings);
	}

	@Nested
	class SortedSets extends SortedSetConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

	@Nested
	class Locks extends LockConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

	@Nested
	class RateLimiters extends RateLimiterConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

	@Nested
	class Watchdog extends LockWatchdogTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

}

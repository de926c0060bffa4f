package dev.larder.cache.memcached;

import java.util.List;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The cache contract on real memcached: one node and a 3-node pool, each in both
 * protocols.
 */
class MemcachedConformanceTests {

	private static MemcachedProcess single;

	private static List<MemcachedProcess> pool;

	@BeforeAll
	static void start() {
		single = MemcachedProcess.start();
		pool = MemcachedProcess.pool(3);
	}

	@AfterAll
	static void stop() {
		single.stop();
		pool.forEach(MemcachedProcess::stop);
	}

	@Nested
	class SingleNodeTextProtocol extends SharedBackendConformanceTests {

		@Override
		protected CacheBackend createBackend() {
			return MemcachedTestBackends.backend(List.of(single), false, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE);
		}

	}

	@Nested
	class SingleNodeBinaryProtocol extends SharedBackendConformanceTests {

		@Override
		protected CacheBackend createBackend() {
			return MemcachedTestBackends.backend(List.of(single), true, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE);
		}

	}

	@Nested
	class ThreeNodePoolTextProtocol extends SharedBackendConformanceTests {

		@Override
		protected CacheBackend createBackend() {
			return MemcachedTestBackends.backend(pool, false, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE);
		}

	}

	@Nested
	class ThreeNodePoolBinaryProtocol extends SharedBackendConformanceTests {

		@Override
		protected CacheBackend createBackend() {
			return MemcachedTestBackends.backend(pool, true, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE);
		}

	}

}

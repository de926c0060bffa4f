package dev.larder.cache.redis;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.conformance.LockConformanceTests;
import dev.larder.cache.structure.conformance.RateLimiterConformanceTests;
import dev.larder.cache.structure.conformance.SortedSetConformanceTests;
import dev.larder.cache.testing.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The structures contract on a real 3-master Redis Cluster: commands and scripts routed
 * by their key's slot.
 */
class RedisClusterStructuresTests {

	private static RedisCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = RedisCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	private static CacheBackend backend(StructureSettings settings) {
		return RedisTestBackends.cluster(cluster, settings);
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

}

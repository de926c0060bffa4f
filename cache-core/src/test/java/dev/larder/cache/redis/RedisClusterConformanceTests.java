package dev.larder.cache.redis;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.cache.testing.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cache contract on a real 3-master Redis Cluster: keys of one cache span all slots.
 */
class RedisClusterConformanceTests extends SharedBackendConformanceTests {

	private static RedisCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = RedisCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@Override
	protected CacheBackend createBackend() {
		return RedisTestBackends.cluster(cluster);
	}

}

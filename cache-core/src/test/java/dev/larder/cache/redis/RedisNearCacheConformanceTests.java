package dev.larder.cache.redis;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cache contract on a real standalone redis-server with a near cache in front. */
class RedisNearCacheConformanceTests extends SharedBackendConformanceTests {

	private static RedisProcess redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@Override
	protected CacheBackend createBackend() {
		return RedisTestBackends.standalone(redis);
	}

	@Override
	protected LarderCacheManager.Builder customize(LarderCacheManager.Builder builder) {
		return builder.nearCache(NearCacheSettings.enabledWithDefaults());
	}

}

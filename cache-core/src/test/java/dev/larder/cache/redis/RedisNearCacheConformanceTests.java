package dev.larder.cache.redis;

import java.time.InstantSource;
import java.util.List;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
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
	protected LarderCacheManager manager(CacheSettings defaults, InstantSource clock) {
		LarderCacheManager manager = LarderCacheManager.builder(createBackend())
			.defaultSettings(defaults)
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(new JsonValueSerializer(TypeAllowList.of(List.of("dev.larder.cache.testtypes"))))
			.keyPrefix("conformance:")
			.clock(clock)
			.build();
		closeAfterTest(manager);
		return manager;
	}

}

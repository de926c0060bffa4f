package dev.larder.sample;

import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Cache and structures on a real redis-server. */
@DirtiesContext
class RedisSampleHttpTests extends AllStructuresSampleHttpTests {

	private static RedisProcess redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@DynamicPropertySource
	static void onRedis(DynamicPropertyRegistry registry) {
		registry.add("larder.backend", () -> "redis");
		registry.add("larder.redis.url", () -> redis.uri());
	}

}

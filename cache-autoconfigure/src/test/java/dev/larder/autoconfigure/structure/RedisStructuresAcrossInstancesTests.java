package dev.larder.autoconfigure.structure;

import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two instances on one real redis-server. */
class RedisStructuresAcrossInstancesTests extends StructuresAcrossInstancesTests {

	private static RedisProcess redis;

	@BeforeAll
	static void start() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stop() {
		redis.stop();
	}

	@Override
	protected String[] backendProperties() {
		return new String[] { "larder.backend=redis", "larder.redis.url=" + redis.uri() };
	}

}

package dev.larder.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.support.caching.CacheAccessor;
import io.lettuce.core.support.caching.CacheFrontend;
import io.lettuce.core.support.caching.ClientSideCaching;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lettuce's ClientSideCaching over a RESP3 connection with CLIENT TRACKING: a value it
 * cached is invalidated when another connection writes the key.
 */
class LettuceClientSideCachingTest {

	private static Engine engine;

	private static RedisClient client;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		client = RedisClient.create(RedisURI.builder()
			.withHost("127.0.0.1")
			.withPort(engine.port())
			.withTimeout(Duration.ofSeconds(10))
			.build());
		client.setOptions(ClientOptions.builder().protocolVersion(ProtocolVersion.RESP3).build());
	}

	@AfterAll
	static void stop() {
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		engine.close();
	}

	@Test
	void cachedValueIsInvalidatedByAnotherConnectionsWrite() throws Exception {
		Map<String, String> cache = new ConcurrentHashMap<>();
		try (StatefulRedisConnection<String, String> tracked = client.connect();
				StatefulRedisConnection<String, String> writer = client.connect()) {
			writer.sync().set("csc:key", "v1");
			CacheFrontend<String, String> frontend = ClientSideCaching.enable(CacheAccessor.forMap(cache), tracked,
					TrackingArgs.Builder.enabled());
			try {
				assertThat(frontend.get("csc:key")).isEqualTo("v1");
				assertThat(cache).containsEntry("csc:key", "v1");
				// served from the cache: the connection sends nothing
				assertThat(frontend.get("csc:key")).isEqualTo("v1");

				writer.sync().set("csc:key", "v2");
				awaitEvicted(cache, "csc:key");
				assertThat(frontend.get("csc:key")).isEqualTo("v2");

				// tracked again after the new read
				writer.sync().del("csc:key");
				awaitEvicted(cache, "csc:key");
				assertThat(frontend.get("csc:key")).isNull();
			}
			finally {
				frontend.close();
			}
		}
	}

	private static void awaitEvicted(Map<String, String> cache, String key) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (cache.containsKey(key)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(key + " still cached: " + cache);
			}
			Thread.sleep(5);
		}
	}

}

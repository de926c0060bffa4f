package dev.larder.autoconfigure.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code larder.backend=redis} with {@code larder.near-cache.enabled=true} against a real
 * redis-server: a write from another connection reaches the near cache through
 * {@code CLIENT TRACKING}; where Redis cannot report changed keys (a Cluster, reads from
 * replicas) a near cache without a ttl stops startup with a message naming the property
 * and saying why.
 */
class RedisNearCacheAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static RedisProcess redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
		.withUserConfiguration(RedisBackendAutoConfigurationTests.CachingConfiguration.class)
		.withPropertyValues("larder.backend=redis");

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@Test
	void aWriteFromAnotherConnectionIsSeenThroughTheNearCache() {
		this.runner
			.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.near-cache.enabled=true",
					"larder.key-prefix=nearauto:")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
				assertThat(cache.getNearCache()).isNotNull();
				cache.put("k", "v1");
				cache.put("other", "v2");
				// Until the reports of these own writes arrive, a report may still drop
				// the
				// entry once more: read until a read is a near hit.
				Eventually.await(WAIT, "a near-cache hit of v1", () -> {
					long hits = cache.getStatistics().nearHitCount();
					return "v1".equals(cache.get("k", String.class))
							&& cache.getStatistics().nearHitCount() == hits + 1;
				});
				RedisClient client = RedisClient.create(RedisURI.create(redis.uri()));
				try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
					RedisCommands<byte[], byte[]> writer = connection.sync();
					// the bytes Larder stored for "v2", written over k's from outside
					writer.set(bytes("nearauto:products::k"), writer.get(bytes("nearauto:products::other")));
					Eventually.await(WAIT, "the write seen through the near cache",
							() -> "v2".equals(cache.get("k", String.class)));
				}
				finally {
					client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
				}
			});
	}

	@Test
	void aClusterWithANearCacheButNoTtlIsRefusedNamingThePropertyAndWhy() {
		this.runner
			.withPropertyValues("larder.redis.cluster.nodes=127.0.0.1:" + redis.port(),
					"larder.near-cache.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("larder.near-cache.ttl")
					.hasMessageContaining("Redis Cluster")
					.hasMessageContaining("CLIENT TRACKING");
			});
	}

	@Test
	void readsFromReplicasWithANearCacheButNoTtlAreRefusedNamingThePropertyAndWhy() {
		this.runner
			.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.read-from=replicaPreferred",
					"larder.caches.products.near-cache.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("larder.caches.products.near-cache.ttl")
					.hasMessageContaining("larder.redis.read-from");
			});
	}

	@Test
	void aClusterAcceptsANearCacheWithATtl() {
		this.runner
			.withPropertyValues("larder.redis.cluster.nodes=127.0.0.1:" + redis.port(),
					"larder.near-cache.enabled=true", "larder.near-cache.ttl=2s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(manager.getBackend().keyInvalidations()).isNull();
				assertThat(manager.nearCacheSettingsFor("products").ttl()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

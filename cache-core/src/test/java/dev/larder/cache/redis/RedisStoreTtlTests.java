package dev.larder.cache.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.near.NearCache;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The remaining ttl a near cache reads when it fills: Redis's own PTTL. */
class RedisStoreTtlTests {

	private final RedisProcess redis = RedisProcess.start();

	private final RedisBackend backend = RedisTestBackends.standalone(this.redis);

	private final CacheStore store = this.backend
		.createStore(StoreContext.of("ttl", "ttl::", CacheSettings.defaults()));

	@AfterEach
	void stop() {
		this.backend.close();
		this.redis.stop();
	}

	@Test
	void remainingTtlIsRedisPttl() {
		byte[] value = "v".getBytes(StandardCharsets.UTF_8);
		this.store.put("ttl::expiring", value, Duration.ofSeconds(30));
		this.store.put("ttl::persistent", value, Duration.ZERO);
		assertThat(this.store.remainingTtlMillis("ttl::expiring")).isBetween(1L, 30_000L);
		assertThat(this.store.remainingTtlMillis("ttl::persistent")).isEqualTo(NearCache.PERSISTENT);
		assertThat(this.store.remainingTtlMillis("ttl::absent")).isEqualTo(NearCache.ABSENT);
		assertThat(this.store.remainingTtlMillisAsync("ttl::expiring")).succeedsWithin(Duration.ofSeconds(10))
			.satisfies((ttl) -> assertThat(ttl).isBetween(1L, 30_000L));
	}

}

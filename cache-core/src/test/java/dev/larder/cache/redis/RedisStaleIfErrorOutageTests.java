package dev.larder.cache.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.conformance.TestClock;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache.ValueRetrievalException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stale-if-error and refresh-ahead while a real redis-server is down. The expired value
 * lives in Redis, so with Redis down there is nothing to serve stale: the cache fails
 * open to the loader, and only a local copy (the near cache) could answer when the loader
 * fails too. These tests pin that behaviour so a change to it is deliberate.
 */
class RedisStaleIfErrorOutageTests {

	private final RedisProcess redis = RedisProcess.start();

	private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));

	private LarderCacheManager manager;

	private LarderCache cache;

	@BeforeEach
	void start() {
		this.manager = LarderCacheManager.builder(RedisTestBackends.standalone(this.redis))
			.defaultSettings(CacheSettings.defaults()
				.withTtl(Duration.ofMinutes(10))
				.withStaleIfError(Duration.ofMinutes(10))
				.withRefreshAhead(RefreshAhead.fraction(0.5)))
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.clock(this.clock)
			.build();
		this.cache = this.manager.getCache("outage");
	}

	@AfterEach
	void stop() {
		this.manager.close();
		this.redis.stop();
	}

	private static Callable<String> failing() {
		return () -> {
			throw new IllegalStateException("source down");
		};
	}

	@Test
	void withRedisDownTheLoaderAnswersAndAFailingLoaderHasNoStaleValueToFallBackOn() {
		this.cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.cache.<String>get("k", failing())).as("Redis up: the expired value is served").isEqualTo("v1");
		this.redis.kill();
		assertThat(this.cache.get("k", () -> "v2")).as("fail-open: the loader answers").isEqualTo("v2");
		assertThatExceptionOfType(ValueRetrievalException.class).isThrownBy(() -> this.cache.get("k", failing()))
			.withRootCauseInstanceOf(IllegalStateException.class);
		assertThat(this.cache.getStatistics().staleCount()).isEqualTo(1);
	}

	@Test
	void withRedisDownNoRefreshRunsAndTheLoaderAnswers() {
		this.cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(6));
		this.redis.kill();
		assertThat(this.cache.get("k", () -> "v2")).as("a miss while Redis is down: the loader answers")
			.isEqualTo("v2");
		assertThat(this.cache.refreshesInFlight()).isZero();
		assertThat(this.cache.getStatistics().refreshSuccessCount()).isZero();
	}

}

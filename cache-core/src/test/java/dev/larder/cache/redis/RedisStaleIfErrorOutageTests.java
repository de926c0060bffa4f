package dev.larder.cache.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.near.NearCache;
import dev.larder.cache.near.NearCacheSettings;
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
 * lives in Redis, so with Redis down and no near cache there is nothing to serve stale:
 * the cache fails open to the loader. With a near cache, what it held when the connection
 * was lost is the copy a failing loader falls back on.
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

	private final List<LarderCacheManager> others = new ArrayList<>();

	@AfterEach
	void stop() {
		this.others.forEach(LarderCacheManager::close);
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

	@Test
	void withANearCacheWhatItHeldWhenRedisWentDownIsServedStaleWhenTheLoaderFails() {
		// Written before the near cache listens: a write of its own would be reported
		// back
		// and could drop the entry just read.
		this.manager.getCache("outage-near").get("k", () -> "v1");
		LarderCache cache = nearCache("outage-near");
		assertThat(cache.get("k", String.class)).as("read once: the near cache holds it").isEqualTo("v1");
		assertThat(cache.get("never-read", () -> "x")).isEqualTo("x");
		this.redis.kill();
		awaitOutageCopy(cache, "k");
		assertThat(cache.<String>get("k", failing())).as("Redis down, loader failing, still fresh").isEqualTo("v1");
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.<String>get("k", failing())).as("expired, within stale-if-error").isEqualTo("v1");
		assertThat(cache.getStatistics().staleCount()).isEqualTo(2);
		assertThatExceptionOfType(ValueRetrievalException.class).as("a key the near cache never held has no copy")
			.isThrownBy(() -> cache.get("never-read", failing()));
		this.clock.advance(Duration.ofMinutes(10));
		assertThatExceptionOfType(ValueRetrievalException.class).as("past stale-if-error")
			.isThrownBy(() -> cache.get("k", failing()));
		assertThat(cache.retrieve("k", () -> CompletableFuture.<String>failedFuture(new IllegalStateException("down"))))
			.as("async loader, past stale-if-error")
			.failsWithin(Duration.ofSeconds(10));
	}

	@Test
	void withANearCacheAnAsyncLoaderFallsBackOnTheCopyToo() {
		this.manager.getCache("outage-near-async").retrieve("k", () -> CompletableFuture.completedFuture("v1")).join();
		LarderCache cache = nearCache("outage-near-async");
		assertThat(cache.get("k", String.class)).isEqualTo("v1");
		this.redis.kill();
		awaitOutageCopy(cache, "k");
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.retrieve("k", () -> CompletableFuture.<String>failedFuture(new IllegalStateException("down"))))
			.succeedsWithin(Duration.ofSeconds(10))
			.isEqualTo("v1");
		assertThat(cache.getStatistics().staleCount()).isEqualTo(1);
	}

	/**
	 * A cache with a near cache, once Redis confirmed the tracking of its namespace
	 * (until then the near cache neither serves nor fills).
	 */
	private LarderCache nearCache(String name) {
		LarderCacheManager near = LarderCacheManager.builder(RedisTestBackends.standalone(this.redis))
			.defaultSettings(
					CacheSettings.defaults().withTtl(Duration.ofMinutes(10)).withStaleIfError(Duration.ofMinutes(10)))
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.clock(this.clock)
			.build();
		this.others.add(near);
		LarderCache cache = near.getCache(name);
		KeyInvalidations reports = near.getBackend().keyInvalidations();
		assertThat(reports).isNotNull();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!reports.live()) {
			assertThat(System.nanoTime() - deadline).as("tracking confirmed within 10 s").isNegative();
			Thread.onSpinWait();
		}
		return cache;
	}

	/** Waits until the near cache noticed the lost connection and set its copy aside. */
	private static void awaitOutageCopy(LarderCache cache, String key) {
		NearCache near = cache.getNearCache();
		assertThat(near).isNotNull();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (near.outageCopy(key) == null) {
			assertThat(System.nanoTime() - deadline).as("the lost connection noticed within 10 s").isNegative();
			Thread.onSpinWait();
		}
	}

}

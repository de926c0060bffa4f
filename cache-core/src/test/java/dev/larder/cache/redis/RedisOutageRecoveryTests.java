package dev.larder.cache.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.support.CircuitBreaker;
import dev.larder.cache.testing.CacheLoad;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real redis-server killed (SIGKILL) or hung (SIGSTOP) under {@code @Cacheable}-style
 * load: callers never see an exception, never wait long, and hits resume within a probe
 * interval of Redis coming back, whatever Lettuce's reconnect back-off.
 */
class RedisOutageRecoveryTests {

	private static final Duration FAIL_FAST = RedisBackend.DEFAULT_FAIL_FAST_TIMEOUT;

	/** Scheduling slack for a loaded 2-core CI machine. */
	private static final Duration MARGIN = Duration.ofMillis(750);

	/** Hits resume within about a probe interval (1 s); asserted generously. */
	private static final Duration HITS_RESUME_WITHIN = Duration.ofSeconds(5);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final int KEYS = 50;

	private static final Duration OUTAGE = Duration.ofSeconds(4);

	private final RedisProcess redis = RedisProcess.start();

	private LarderCacheManager manager;

	@AfterEach
	void stop() {
		if (this.manager != null) {
			this.manager.close();
		}
		this.redis.resume();
		this.redis.stop();
	}

	private LarderCache cache(ClientOptions options) {
		RedisURI uri = RedisURI.create(this.redis.uri());
		uri.setTimeout(RedisTestBackends.TIMEOUT);
		RedisBackend backend = new RedisBackend(LettuceConnectors.standalone(uri, options, null),
				new CircuitBreaker(3, Duration.ofSeconds(1)), StructureSettings.defaults(), FAIL_FAST);
		this.manager = LarderCacheManager.builder(backend)
			.defaultSettings(CacheSettings.defaults())
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.build();
		return this.manager.getCache("outage");
	}

	@Test
	void aKilledRedisCostsCallersNothingAndHitsResumeWithinAProbeIntervalEvenWithoutLettucesReconnect()
			throws Exception {
		// Lettuce's own reconnect off, as if its back-off had grown without bound: the
		// cache can only come back through the breaker's probe.
		LarderCache cache = cache(RedisTestBackends.clientOptions().mutate().autoReconnect(false).build());
		Object connectionBefore = this.manager.nativeClient();
		try (CacheLoad load = CacheLoad.start(cache, 4, KEYS)) {
			awaitAllCached(cache);
			int loadsBefore = load.loads();

			this.redis.kill();
			// The outage itself: a few probe intervals.
			Thread.sleep(OUTAGE.toMillis());
			assertThat(load.loads() - loadsBefore).as("loads from the source of truth during the outage")
				.isGreaterThan(KEYS);

			this.redis.restart();
			long back = System.nanoTime();
			Eventually.await(HITS_RESUME_WITHIN, "hits resume", () -> hit(cache));
			long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);

			assertServedFromTheCacheAgain(load);
			assertThat(this.manager.getBackend().health().up()).isTrue();
			assertThat(this.manager.nativeClient()).as("the connection the probe opened").isNotSameAs(connectionBefore);
			System.out.printf("Redis killed (SIGKILL) for %d s, Lettuce's reconnect off: hits resumed %d ms "
					+ "after it answered again%n", OUTAGE.toSeconds(), recoveredMillis);
			assertThat(load.exceptions()).as("exceptions seen by callers").isEmpty();
		}
	}

	@Test
	void aHungRedisCostsEachCallerAtMostTheFailFastBudgetAfterTheFirstTimeout() throws Exception {
		LarderCache cache = cache(RedisTestBackends.clientOptions());
		try (CacheLoad load = CacheLoad.start(cache, 4, KEYS)) {
			awaitAllCached(cache);

			this.redis.pause();
			long pausedAt = System.nanoTime();
			// The hang itself: the first calls time out after the 2 s command timeout,
			// then
			// a few probe intervals pass.
			Thread.sleep(4_500);
			long healthStart = System.nanoTime();
			BackendHealth hung = this.manager.getBackend().health();
			long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healthStart);
			assertThat(hung.up()).isFalse();
			assertThat(String.valueOf(hung.details().get("error"))).contains("did not answer within");
			assertThat(healthMillis).as("health answers within its budget")
				.isLessThanOrEqualTo(FAIL_FAST.plus(MARGIN).toMillis());

			this.redis.resume();
			long back = System.nanoTime();
			Eventually.await(HITS_RESUME_WITHIN, "hits resume", () -> hit(cache));
			long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
			assertThat(this.manager.getBackend().health().up()).isTrue();

			List<CacheLoad.Call> calls = load.calls();
			long firstTimeout = calls.stream()
				.filter((call) -> call.end() > pausedAt
						&& call.millis() >= RedisTestBackends.TIMEOUT.minusMillis(100).toMillis())
				.mapToLong(CacheLoad.Call::end)
				.min()
				.orElseThrow(() -> new AssertionError("no call waited for the command timeout"));
			long longestAfter = calls.stream()
				.filter((call) -> call.end() > firstTimeout)
				.mapToLong((call) -> call.end() - Math.max(call.start(), firstTimeout))
				.max()
				.orElse(0);
			long longestAfterMillis = TimeUnit.NANOSECONDS.toMillis(longestAfter);
			System.out.printf("Redis hung (SIGSTOP) 4.5 s: first timeout %d ms after the hang; longest wait of a "
					+ "call after it %d ms (fail-fast budget %d ms); health answered DOWN in %d ms; hits resumed "
					+ "%d ms after SIGCONT%n", TimeUnit.NANOSECONDS.toMillis(firstTimeout - pausedAt),
					longestAfterMillis, FAIL_FAST.toMillis(), healthMillis, recoveredMillis);
			assertThat(longestAfterMillis).as("the longest any caller waited after the first timeout")
				.isLessThanOrEqualTo(FAIL_FAST.plus(MARGIN).toMillis());
			assertThat(load.exceptions()).as("exceptions seen by callers").isEmpty();
		}
	}

	private static void awaitAllCached(LarderCache cache) {
		Eventually.await(WAIT, "every key cached", () -> {
			for (int key = 0; key < KEYS; key++) {
				if (cache.get(key, String.class) == null) {
					return false;
				}
			}
			return true;
		});
	}

	private static boolean hit(LarderCache cache) {
		cache.put("marker", "m");
		return "m".equals(cache.get("marker", String.class));
	}

	/**
	 * Once Redis is back (empty after a restart) each key is loaded at most once more:
	 * everything else is a hit.
	 */
	private static void assertServedFromTheCacheAgain(CacheLoad load) {
		int loads = load.loads();
		int calls = load.callCount();
		Eventually.await(WAIT, "a thousand more calls", () -> load.callCount() >= calls + 1000);
		assertThat(load.loads() - loads).as("loads in the thousand calls after recovery").isLessThanOrEqualTo(KEYS);
	}

}

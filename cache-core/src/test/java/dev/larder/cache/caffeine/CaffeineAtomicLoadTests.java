package dev.larder.cache.caffeine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache.ValueRetrievalException;
import org.springframework.cache.support.NullValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code get(key, Callable)} on a miss loads inside Caffeine's own atomic compute,
 * keeping Larder's semantics: nulls, {@link ValueRetrievalException}, statistics,
 * store-by-value.
 */
class CaffeineAtomicLoadTests {

	private static final long WAIT_SECONDS = 10;

	private final ExecutorService pool = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopPool() throws InterruptedException {
		this.pool.shutdownNow();
		assertThat(this.pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	private static LarderCache cache(boolean storeByValue, CacheSettings settings) {
		return LarderCacheManager.builder(new CaffeineBackend(null, storeByValue))
			.defaultSettings(settings)
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.build()
			.getCache("c");
	}

	@SuppressWarnings("unchecked")
	private static Cache<Object, Object> nativeCache(LarderCache cache) {
		return (Cache<Object, Object>) cache.getNativeCache();
	}

	@Test
	void concurrentCallersRunTheLoaderOnceAndANativeReaderWaitsForIt() throws Exception {
		assertOneLoadUnderConcurrency(cache(false, CacheSettings.defaults()));
	}

	@Test
	void aJitteredCacheLoadsOnceAndGivesTheLoadedEntryItsOwnTtl() throws Exception {
		LarderCache cache = cache(false, CacheSettings.defaults().withTtl(Duration.ofMinutes(1)).withTtlJitter(0.5));
		assertOneLoadUnderConcurrency(cache);
		var expiry = nativeCache(cache).policy().expireVariably().orElseThrow();
		assertThat(expiry.getExpiresAfter("hot").orElseThrow()).isBetween(Duration.ofSeconds(29),
				Duration.ofMinutes(1));
	}

	/**
	 * Eight callers through Larder and one straight to the Caffeine cache: the native
	 * {@code get(key, function)} blocks while Larder's loader runs and answers its value,
	 * which only holds if the load runs inside Caffeine's compute for the key.
	 */
	private void assertOneLoadUnderConcurrency(LarderCache cache) throws Exception {
		AtomicInteger loads = new AtomicInteger();
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(this.pool.submit(() -> cache.get("hot", () -> {
				loads.incrementAndGet();
				loading.countDown();
				assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
				return "loaded";
			})));
		}
		assertThat(loading.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
		AtomicReference<Object> nativeAnswer = new AtomicReference<>();
		Thread nativeReader = new Thread(() -> nativeAnswer.set(nativeCache(cache).get("hot", (key) -> "native")));
		nativeReader.start();
		awaitBlockedOrDone(nativeReader);
		assertThat(nativeReader.getState()).as("the native reader waits for the load in progress")
			.isNotEqualTo(Thread.State.TERMINATED);
		release.countDown();
		for (Future<String> result : results) {
			assertThat(result.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("loaded");
		}
		nativeReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		assertThat(nativeAnswer.get()).isEqualTo("loaded");
		assertThat(loads).hasValue(1);
		assertThat(cache.getStatistics().loadSuccessCount()).isEqualTo(1);
		assertThat(cache.getStatistics().putCount()).isEqualTo(1);
		// Each get counts once: a miss if it came before the load ended, a hit if the
		// pool
		// only started it after (the release does not wait for all eight to arrive).
		long misses = cache.getStatistics().missCount();
		assertThat(misses).isBetween(1L, 8L);
		assertThat(cache.getStatistics().hitCount()).isEqualTo(8 - misses);
		assertThat(cache.get("hot", () -> "again")).isEqualTo("loaded");
		assertThat(cache.getStatistics().hitCount()).isEqualTo(8 - misses + 1);
	}

	private static void awaitBlockedOrDone(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			Thread.State state = thread.getState();
			if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
					|| state == Thread.State.TERMINATED) {
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("the native reader neither blocked nor finished");
	}

	@Test
	void aLoaderExceptionPropagatesAsValueRetrievalExceptionAndNothingIsStored() {
		LarderCache cache = cache(false, CacheSettings.defaults());
		IOException checked = new IOException("source down");
		assertThatExceptionOfType(ValueRetrievalException.class).isThrownBy(() -> cache.get("k", () -> {
			throw checked;
		})).withCause(checked).satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("k"));
		IllegalStateException unchecked = new IllegalStateException("bad data");
		assertThatExceptionOfType(ValueRetrievalException.class).isThrownBy(() -> cache.get("k", () -> {
			throw unchecked;
		})).withCause(unchecked);
		assertThat(nativeCache(cache).asMap()).isEmpty();
		assertThat(cache.getStatistics().loadFailureCount()).isEqualTo(2);
		assertThat(cache.getStatistics().putCount()).isZero();
		assertThat(cache.get("k", () -> "recovered")).isEqualTo("recovered");
	}

	@Test
	void aFailedLoadReachesItsWaitersWhoLoadAgainAfterIt() throws Exception {
		LarderCache cache = cache(false, CacheSettings.defaults());
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger loads = new AtomicInteger();
		Future<Object> failing = this.pool.submit(() -> cache.get("k", () -> {
			loads.incrementAndGet();
			loading.countDown();
			assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
			throw new IllegalStateException("source down");
		}));
		assertThat(loading.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
		Future<Object> waiter = this.pool.submit(() -> cache.get("k", () -> "loaded" + loads.incrementAndGet()));
		release.countDown();
		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> failing.get(WAIT_SECONDS, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(ValueRetrievalException.class)
			.withRootCauseInstanceOf(IllegalStateException.class);
		assertThat(waiter.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("loaded2");
		assertThat(cache.get("k", () -> "not called")).isEqualTo("loaded2");
	}

	@Test
	void aLoadedNullIsCachedWhenNullsAreAllowed() {
		LarderCache cache = cache(false, CacheSettings.defaults());
		AtomicInteger loads = new AtomicInteger();
		assertThat(cache.<String>get("none", () -> {
			loads.incrementAndGet();
			return null;
		})).isNull();
		assertThat(nativeCache(cache).getIfPresent("none")).isSameAs(NullValue.INSTANCE);
		assertThat(cache.get("none", () -> "loaded" + loads.incrementAndGet())).isNull();
		assertThat(loads).hasValue(1);
	}

	@Test
	void aLoadedNullIsAnsweredButNotCachedWhenNullsAreOff() {
		LarderCache cache = cache(false, CacheSettings.defaults().withAllowNullValues(false));
		AtomicInteger loads = new AtomicInteger();
		for (int i = 0; i < 2; i++) {
			assertThat(cache.<String>get("none", () -> {
				loads.incrementAndGet();
				return null;
			})).isNull();
		}
		assertThat(loads).hasValue(2);
		assertThat(nativeCache(cache).asMap()).isEmpty();
		assertThat(cache.getStatistics().putCount()).isZero();
	}

	@Test
	void storeByValueStoresTheLoadedValueSerializedAndAnswersCopies() {
		LarderCache cache = cache(true, CacheSettings.defaults());
		List<String> loaded = new ArrayList<>(List.of("a"));
		assertThat(cache.get("k", () -> loaded)).isEqualTo(loaded);
		assertThat(nativeCache(cache).getIfPresent("k")).isInstanceOf(byte[].class);
		assertThat(cache.get("k", () -> List.of("not called"))).isEqualTo(loaded).isNotSameAs(loaded);
	}

}

package dev.larder.cache.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.conformance.TestClock;
import dev.larder.cache.testtypes.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache;
import org.springframework.cache.Cache.ValueRetrievalException;
import org.springframework.cache.Cache.ValueWrapper;
import org.springframework.cache.interceptor.SimpleKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract every Larder backend keeps, stated once. A backend's test extends this
 * class and says how to make its {@link CacheBackend}; every test here then runs against
 * the real thing.
 */
public abstract class CacheConformanceTests {

	protected static final Duration WAIT = Duration.ofSeconds(10);

	private final List<LarderCacheManager> managers = new ArrayList<>();

	private final ExecutorService pool = Executors.newCachedThreadPool();

	/**
	 * The wall clock logical expiries (refresh-ahead, stale-if-error) follow; tests move
	 * it instead of waiting. Backends expire entries by their own clock, so ttls in those
	 * tests are long enough that no entry physically expires while a test runs.
	 */
	protected final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));

	/** A fresh backend, connected to a clean keyspace. */
	protected abstract CacheBackend createBackend();

	protected LarderCacheManager manager(CacheSettings defaults) {
		return manager(defaults, this.clock);
	}

	protected LarderCacheManager manager(CacheSettings defaults, java.time.InstantSource clock) {
		LarderCacheManager manager = customize(LarderCacheManager.builder(createBackend())
			.defaultSettings(defaults)
			.serializer(new JsonValueSerializer(TypeAllowList.of(List.of("dev.larder.cache.testtypes"))))
			.keyPrefix("conformance:")
			.clock(clock)).build();
		this.managers.add(manager);
		return manager;
	}

	/** What a variant of the suite adds to every manager it builds, e.g. a near cache. */
	protected LarderCacheManager.Builder customize(LarderCacheManager.Builder builder) {
		return builder;
	}

	/** Closes a manager a subclass built after the test. */
	protected void closeAfterTest(LarderCacheManager manager) {
		this.managers.add(manager);
	}

	protected LarderCache cache(String name) {
		return cache(name, CacheSettings.defaults());
	}

	protected LarderCache cache(String name, CacheSettings settings) {
		LarderCache cache = manager(settings).getCache(name);
		assertThat(cache).isNotNull();
		cache.clear();
		return cache;
	}

	@AfterEach
	void closeManagers() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
		this.managers.forEach(LarderCacheManager::close);
	}

	@Test
	void missThenHit() {
		LarderCache cache = cache("products");
		assertThat(cache.get("p1")).isNull();
		cache.put("p1", new Product(1, "Tea", 3.5));
		ValueWrapper hit = cache.get("p1");
		assertThat(hit).isNotNull();
		assertThat(hit.get()).isEqualTo(new Product(1, "Tea", 3.5));
		assertThat(cache.get("p1", Product.class)).isEqualTo(new Product(1, "Tea", 3.5));
		assertThat(cache.getStatistics().hitCount()).isEqualTo(2);
		assertThat(cache.getStatistics().missCount()).isEqualTo(1);
		assertThat(cache.getStatistics().putCount()).isEqualTo(1);
	}

	@Test
	void typedGetRefusesAnotherType() {
		LarderCache cache = cache("typed");
		cache.put("k", "a string");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> cache.get("k", Integer.class))
			.withMessageContaining("not of required type");
	}

	@Test
	void keysOfManyShapesAreDistinct() {
		LarderCache cache = cache("keys");
		cache.put(1L, "long");
		cache.put("1", "string");
		cache.put(new SimpleKey("a", 2), "simple");
		cache.put(SimpleKey.EMPTY, "empty");
		assertThat(cache.get(new SimpleKey("a", 2), String.class)).isEqualTo("simple");
		assertThat(cache.get(SimpleKey.EMPTY, String.class)).isEqualTo("empty");
		assertThat(cache.get("1", String.class)).isEqualTo("string");
	}

	@Test
	void valuesOfManyTypesComeBackAsTheyWent() {
		LarderCache cache = cache("values");
		Map<String, Object> values = Map.of("long", 42L, "list", List.of(new Product(1, "Tea", 1.0)), "set",
				Set.of("a", "b"), "decimal", new java.math.BigDecimal("12.50"), "date",
				java.time.LocalDate.of(2026, 11, 25));
		values.forEach(cache::put);
		values.forEach((key, value) -> assertThat(cache.get(key).get()).isEqualTo(value));
	}

	@Test
	void nullIsCachedAsAValueWhenAllowed() {
		LarderCache cache = cache("nulls");
		cache.put("none", null);
		ValueWrapper wrapper = cache.get("none");
		assertThat(wrapper).isNotNull();
		assertThat(wrapper.get()).isNull();
		AtomicInteger loads = new AtomicInteger();
		assertThat(cache.get("none", () -> "loaded" + loads.incrementAndGet())).isNull();
		assertThat(loads).hasValue(0);
	}

	@Test
	void nullIsRefusedOnPutAndNotCachedFromALoaderWhenNullsAreOff() {
		LarderCache cache = cache("no-nulls", CacheSettings.defaults().withAllowNullValues(false));
		assertThatIllegalArgumentException().isThrownBy(() -> cache.put("k", null))
			.withMessageContaining("not allow null values");
		AtomicInteger loads = new AtomicInteger();
		assertThat(cache.<String>get("k", () -> {
			loads.incrementAndGet();
			return null;
		})).isNull();
		assertThat(cache.get("k")).isNull();
		cache.get("k", () -> {
			loads.incrementAndGet();
			return null;
		});
		assertThat(loads).hasValue(2);
	}

	@Test
	void entriesExpireAfterTheirTtl() {
		LarderCache cache = cache("short", CacheSettings.defaults().withTtl(Duration.ofMillis(300)));
		cache.put("k", "v");
		assertThat(cache.get("k")).isNotNull();
		Eventually.await(WAIT, "entry expired", () -> cache.get("k") == null);
	}

	@Test
	void jitteredEntriesExpireNoLaterThanTheTtl() {
		LarderCache cache = cache("jittered",
				CacheSettings.defaults().withTtl(Duration.ofMillis(400)).withTtlJitter(0.5));
		for (int i = 0; i < 20; i++) {
			cache.put("k" + i, i);
		}
		Eventually.await(WAIT, "all jittered entries expired", () -> {
			for (int i = 0; i < 20; i++) {
				if (cache.get("k" + i) != null) {
					return false;
				}
			}
			return true;
		});
	}

	@Test
	void entriesWithoutTtlStay() {
		LarderCache cache = cache("forever");
		cache.put("k", "v");
		LarderCache other = cache("forever-too", CacheSettings.defaults().withTtl(Duration.ofMillis(200)));
		other.put("k", "v");
		Eventually.await(WAIT, "the ttl'd entry expired", () -> other.get("k") == null);
		assertThat(cache.get("k", String.class)).isEqualTo("v");
	}

	@Test
	void loaderRunsOncePerKeyUnderConcurrency() throws Exception {
		LarderCache cache = cache("single-flight");
		AtomicInteger loads = new AtomicInteger();
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		int callers = 16;
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			results.add(this.pool.submit(() -> cache.get("hot", () -> {
				loads.incrementAndGet();
				loading.countDown();
				assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
				return "loaded";
			})));
		}
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
		release.countDown();
		for (Future<String> result : results) {
			assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
		}
		assertThat(loads).hasValue(1);
		assertThat(cache.getStatistics().loadSuccessCount()).isEqualTo(1);
	}

	@Test
	void aFailedLoadReachesEveryWaiterAndIsNotCached() throws Exception {
		LarderCache cache = cache("failing-load");
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Future<Object>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(this.pool.submit(() -> cache.get("k", () -> {
				loading.countDown();
				release.await(10, TimeUnit.SECONDS);
				throw new IllegalStateException("source down");
			})));
		}
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
		release.countDown();
		for (Future<Object> result : results) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> result.get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(ValueRetrievalException.class)
				.withRootCauseInstanceOf(IllegalStateException.class);
		}
		assertThat(cache.get("k")).isNull();
		assertThat(cache.get("k", () -> "recovered")).isEqualTo("recovered");
	}

	@Test
	void putIfAbsentHasExactlyOneWinner() throws Exception {
		LarderCache cache = cache("race");
		int racers = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ValueWrapper>> results = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			String value = "v" + i;
			results.add(this.pool.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return cache.putIfAbsent("k", value);
			}));
		}
		start.countDown();
		int winners = 0;
		Set<Object> seen = new HashSet<>();
		for (Future<ValueWrapper> result : results) {
			ValueWrapper existing = result.get(10, TimeUnit.SECONDS);
			if (existing == null) {
				winners++;
			}
			else {
				seen.add(existing.get());
			}
		}
		assertThat(winners).isEqualTo(1);
		Object stored = cache.get("k").get();
		assertThat(seen).containsOnly(stored);
	}

	@Test
	void evictRemovesOneKeyAndSaysWhetherItWasThere() {
		LarderCache cache = cache("evict");
		cache.put("a", 1);
		cache.put("b", 2);
		assertThat(cache.evictIfPresent("a")).isTrue();
		assertThat(cache.evictIfPresent("a")).isFalse();
		cache.evict("missing");
		assertThat(cache.get("a")).isNull();
		assertThat(cache.get("b", Integer.class)).isEqualTo(2);
		assertThat(cache.getStatistics().removalCount()).isEqualTo(1);
	}

	@Test
	void clearEmptiesOnlyItsOwnCache() {
		LarderCacheManager manager = manager(CacheSettings.defaults());
		Cache first = manager.getCache("first");
		Cache second = manager.getCache("second");
		first.clear();
		second.clear();
		for (int i = 0; i < 50; i++) {
			first.put(i, "first" + i);
			second.put(i, "second" + i);
		}
		first.clear();
		for (int i = 0; i < 50; i++) {
			assertThat(first.get(i)).isNull();
			assertThat(second.get(i, String.class)).isEqualTo("second" + i);
		}
		first.put(1, "again");
		assertThat(first.get(1, String.class)).isEqualTo("again");
	}

	@Test
	void invalidateMakesEveryEntryInvisibleAtOnce() {
		LarderCache cache = cache("invalidate");
		cache.put("a", 1);
		cache.invalidate();
		assertThat(cache.get("a")).isNull();
	}

	@Test
	void retrieveCompletesEmptyOnAMissAndWithAWrapperOnAHit() {
		LarderCache cache = cache("async");
		assertThat(cache.retrieve("k").join()).isNull();
		cache.put("k", new Product(7, "Jam", 4));
		Object hit = cache.retrieve("k").join();
		assertThat(hit).isInstanceOf(ValueWrapper.class);
		assertThat(((ValueWrapper) hit).get()).isEqualTo(new Product(7, "Jam", 4));
		cache.put("null", null);
		assertThat(((ValueWrapper) cache.retrieve("null").join()).get()).isNull();
	}

	@Test
	void retrieveWithLoaderLoadsOncePerKey() throws Exception {
		LarderCache cache = cache("async-load");
		AtomicInteger loads = new AtomicInteger();
		CompletableFuture<String> source = new CompletableFuture<>();
		List<CompletableFuture<String>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(cache.retrieve("k", () -> {
				loads.incrementAndGet();
				return source;
			}));
		}
		source.complete("async value");
		for (CompletableFuture<String> result : results) {
			assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("async value");
		}
		assertThat(loads).hasValue(1);
		assertThat(cache.get("k", String.class)).isEqualTo("async value");
		assertThat(cache.retrieve("k", () -> CompletableFuture.completedFuture("other")).get(10, TimeUnit.SECONDS))
			.isEqualTo("async value");
	}

	@Test
	void retrieveWithAFailingLoaderFailsAndCachesNothing() {
		LarderCache cache = cache("async-fail");
		CompletableFuture<String> result = cache.retrieve("k",
				() -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
		assertThat(result).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withRootCauseInstanceOf(IllegalStateException.class);
		assertThat(cache.get("k")).isNull();
	}

	@Test
	void cacheNamesAreReported() {
		LarderCacheManager manager = manager(CacheSettings.defaults());
		manager.getCache("one");
		manager.getCache("two");
		assertThat(manager.getCacheNames()).containsExactly("one", "two");
	}

	// Refresh-ahead and stale-if-error. Logical time moves with the test clock; the ttls
	// are minutes so that the backend keeps every entry while a test runs.

	protected static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	protected static CacheSettings staleIfError() {
		return CacheSettings.defaults().withTtl(TEN_MINUTES).withStaleIfError(TEN_MINUTES);
	}

	protected static CacheSettings refreshAhead(RefreshAhead refreshAhead) {
		return CacheSettings.defaults().withTtl(TEN_MINUTES).withRefreshAhead(refreshAhead);
	}

	protected static <T> java.util.concurrent.Callable<T> failingLoader() {
		return () -> {
			throw new IllegalStateException("source down");
		};
	}

	@Test
	void staleIfErrorServesTheExpiredValueWhenTheLoaderFailsAndCountsIt() {
		LarderCache cache = cache("stale-sync", staleIfError());
		assertThat(cache.get("k", () -> new Product(1, "Tea", 3.5))).isEqualTo(new Product(1, "Tea", 3.5));
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.get("k")).as("expired: a plain get misses").isNull();
		assertThat(cache.<Object>get("k", failingLoader())).isEqualTo(new Product(1, "Tea", 3.5));
		assertThat(cache.getStatistics().staleCount()).isEqualTo(1);
		assertThat(cache.getStatistics().loadFailureCount()).isEqualTo(1);
	}

	@Test
	void anExpiredEntryStaysInTheBackendForStaleIfErrorInRealTime() {
		// The system clock, and a ttl short enough to pass: the backend must keep the
		// entry past its ttl, or there is nothing to serve.
		LarderCache cache = manager(
				CacheSettings.defaults().withTtl(Duration.ofMillis(300)).withStaleIfError(Duration.ofMinutes(5)),
				java.time.InstantSource.system())
			.getCache("stale-real-time");
		cache.clear();
		cache.get("k", () -> "v1");
		Eventually.await(WAIT, "the entry expired", () -> cache.get("k") == null);
		assertThat(cache.<Object>get("k", failingLoader())).isEqualTo("v1");
		assertThat(cache.getStatistics().staleCount()).isEqualTo(1);
	}

	@Test
	void staleIfErrorEndsAfterItsDuration() {
		LarderCache cache = cache("stale-ends", staleIfError());
		cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(21));
		assertThatExceptionOfType(ValueRetrievalException.class).isThrownBy(() -> cache.get("k", failingLoader()))
			.withRootCauseInstanceOf(IllegalStateException.class);
		assertThat(cache.getStatistics().staleCount()).isZero();
		assertThat(cache.get("k", () -> "v2")).isEqualTo("v2");
	}

	@Test
	void anExpiredEntryIsReloadedWhenTheLoaderWorks() {
		LarderCache cache = cache("stale-reload", staleIfError());
		cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.get("k", () -> "v2")).isEqualTo("v2");
		assertThat(cache.<Object>get("k", failingLoader())).as("fresh again").isEqualTo("v2");
		assertThat(cache.getStatistics().staleCount()).isZero();
		assertThat(cache.get("k", String.class)).isEqualTo("v2");
	}

	@Test
	void staleIfErrorServesACachedNull() {
		LarderCache cache = cache("stale-null", staleIfError());
		cache.put("k", null);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.<String>get("k", failingLoader())).isNull();
		assertThat(cache.getStatistics().staleCount()).isEqualTo(1);
	}

	@Test
	void staleIfErrorServesTheExpiredValueWhenAnAsyncLoaderFails() {
		LarderCache cache = cache("stale-async", staleIfError());
		assertThat(cache.retrieve("k", () -> CompletableFuture.completedFuture("v1"))).succeedsWithin(WAIT)
			.isEqualTo("v1");
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.retrieve("k").join()).as("expired: retrieve without a loader misses").isNull();
		assertThat(cache.retrieve("k", () -> CompletableFuture.<String>failedFuture(new IllegalStateException("down"))))
			.succeedsWithin(WAIT)
			.isEqualTo("v1");
		assertThat(cache.getStatistics().staleCount()).isEqualTo(1);
		this.clock.advance(TEN_MINUTES);
		assertThat(cache.retrieve("k", () -> CompletableFuture.<String>failedFuture(new IllegalStateException("down"))))
			.failsWithin(WAIT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withRootCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void putIfAbsentTreatsAnExpiredEntryAsAbsent() {
		LarderCache cache = cache("stale-put-if-absent", staleIfError());
		cache.put("k", "old");
		assertThat(cache.putIfAbsent("k", "other").get()).isEqualTo("old");
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(cache.putIfAbsent("k", "new")).isNull();
		assertThat(cache.get("k", String.class)).isEqualTo("new");
	}

	@Test
	void refreshAheadReloadsInTheBackgroundWhileCallersGetTheCurrentValue() throws Exception {
		LarderCache cache = cache("refresh-sync", refreshAhead(RefreshAhead.fraction(0.5)));
		cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(cache.get("k", () -> "not yet")).as("before the refresh point").isEqualTo("v1");
		assertThat(cache.refreshesInFlight()).isZero();
		this.clock.advance(Duration.ofMinutes(2));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger loads = new AtomicInteger();
		java.util.concurrent.Callable<String> slowLoader = () -> {
			loads.incrementAndGet();
			assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
			return "v2";
		};
		// The loader blocks until released, so these calls return without waiting for it.
		assertThat(cache.get("k", slowLoader)).isEqualTo("v1");
		assertThat(cache.get("k", slowLoader)).isEqualTo("v1");
		release.countDown();
		Eventually.await(WAIT, "the refreshed value is stored", () -> "v2".equals(cache.get("k", String.class)));
		Eventually.await(WAIT, "the refresh finished", () -> cache.refreshesInFlight() == 0);
		assertThat(loads).hasValue(1);
		assertThat(cache.getStatistics().refreshSuccessCount()).isEqualTo(1);
	}

	@Test
	void refreshAheadReloadsThroughAnAsyncLoader() {
		LarderCache cache = cache("refresh-async", refreshAhead(RefreshAhead.fraction(0.5)));
		cache.retrieve("k", () -> CompletableFuture.completedFuture("v1")).join();
		this.clock.advance(Duration.ofMinutes(6));
		CompletableFuture<String> source = new CompletableFuture<>();
		assertThat(cache.retrieve("k", () -> source)).succeedsWithin(WAIT).isEqualTo("v1");
		source.complete("v2");
		Eventually.await(WAIT, "the refreshed value is stored",
				() -> "v2".equals(cache.retrieve("k", () -> CompletableFuture.completedFuture("x")).join()));
		assertThat(cache.getStatistics().refreshSuccessCount()).isEqualTo(1);
	}

	@Test
	void aFailedRefreshKeepsTheCurrentValueUntilItExpires() {
		LarderCache cache = cache("refresh-fails", refreshAhead(RefreshAhead.fraction(0.5)));
		cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(cache.<Object>get("k", failingLoader())).isEqualTo("v1");
		Eventually.await(WAIT, "the refresh failed", () -> cache.getStatistics().refreshFailureCount() == 1);
		assertThat(cache.get("k", String.class)).isEqualTo("v1");
	}

	@Test
	void aPlainGetDoesNotRefresh() {
		LarderCache cache = cache("refresh-plain-get", refreshAhead(RefreshAhead.fraction(0.5)));
		cache.put("k", "v1");
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(cache.get("k", String.class)).isEqualTo("v1");
		assertThat(cache.refreshesInFlight()).isZero();
		assertThat(cache.getStatistics().refreshSuccessCount()).isZero();
	}

	@Test
	void xfetchRefreshesAheadOfExpiry() {
		// A huge beta makes an early refresh all but certain one minute before expiry,
		// however fast the load was.
		LarderCache cache = cache("refresh-xfetch", refreshAhead(RefreshAhead.xfetch(1e12)));
		cache.get("k", () -> "v1");
		this.clock.advance(Duration.ofMinutes(9));
		AtomicInteger reads = new AtomicInteger();
		Eventually.await(WAIT, "an early refresh", () -> {
			reads.incrementAndGet();
			cache.get("k", () -> "v2");
			return "v2".equals(cache.get("k", String.class));
		});
		// At this beta the refreshed entry is due again at once, so a read racing the
		// check may start a second refresh.
		assertThat(cache.getStatistics().refreshSuccessCount()).isPositive();
	}

}

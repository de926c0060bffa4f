package dev.larder.cache.near;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The near cache's own rules, against a map standing in for the backend: the placeholder
 * closes the race between a read and its invalidation, nothing leaks when a read throws,
 * and entries never outlive what the backend said.
 */
class NearCacheTests {

	private final Map<String, Object> backend = new ConcurrentHashMap<>();

	private final Reports reports = new Reports();

	private final NearCache near = new NearCache(NearCacheSettings.enabledWithDefaults(), this.reports, Duration.ZERO);

	@Test
	void aReadIsKeptAndServedUntilItsKeyIsInvalidated() {
		this.backend.put("c::k", "v1");
		assertThat(read("k")).isEqualTo("v1");
		this.backend.put("c::k", "v2");
		assertThat(this.near.get("k")).as("kept").isEqualTo("v1");
		this.near.invalidate("c::k");
		assertThat(this.near.get("k")).isNull();
		assertThat(read("k")).isEqualTo("v2");
		assertThat(this.near.get("k")).isEqualTo("v2");
	}

	@Test
	void aChangeDuringTheReadKeepsTheReadOutOfTheNearCache() {
		this.backend.put("c::k", "old");
		Object read = this.near.readThrough("k", "c::k", (rendered) -> {
			Object value = this.backend.get(rendered);
			// another writer changes the key after our read and reports it before we fill
			this.backend.put(rendered, "new");
			this.near.invalidate(rendered);
			return value;
		}, (rendered) -> NearCache.PERSISTENT);
		assertThat(read).isEqualTo("old");
		assertThat(this.near.get("k")).as("the stale read was not kept").isNull();
		assertThat(read("k")).isEqualTo("new");
	}

	@Test
	void anInvalidateAllDuringTheReadKeepsTheReadOutOfTheNearCache() {
		this.backend.put("c::k", "old");
		this.near.readThrough("k", "c::k", (rendered) -> {
			Object value = this.backend.get(rendered);
			this.backend.clear();
			this.near.invalidateAll();
			return value;
		}, (rendered) -> NearCache.PERSISTENT);
		assertThat(this.near.get("k")).isNull();
	}

	@Test
	void aFillThatBeganBeforeAnInvalidateAllFailsEvenIfItsPlaceholderSurvived() {
		this.backend.put("c::k", "old");
		this.near.readThrough("k", "c::k", (rendered) -> {
			Object value = this.backend.get(rendered);
			this.near.invalidateAll();
			// a second read of another key reserved after the clear is unaffected
			return value;
		}, (rendered) -> NearCache.PERSISTENT);
		assertThat(this.near.get("k")).isNull();
		this.backend.put("c::j", "j");
		assertThat(read("j")).isEqualTo("j");
		assertThat(this.near.get("j")).isEqualTo("j");
	}

	@Test
	void aReadThatThrowsLeavesNoPlaceholder() {
		assertThatThrownBy(() -> this.near.readThrough("k", "c::k", (rendered) -> {
			throw new IllegalStateException("backend down");
		}, (rendered) -> NearCache.PERSISTENT)).isInstanceOf(IllegalStateException.class);
		assertThat(this.near.reserved("k")).isFalse();
		assertThatThrownBy(() -> this.near.readThrough("k", "c::k", (rendered) -> {
			throw new OutOfMemoryError("simulated");
		}, (rendered) -> NearCache.PERSISTENT)).isInstanceOf(OutOfMemoryError.class);
		assertThat(this.near.reserved("k")).isFalse();
		assertThat(this.near.estimatedSize()).isZero();
		this.backend.put("c::k", "v");
		assertThat(read("k")).isEqualTo("v");
		assertThat(this.near.get("k")).as("the key can be filled again").isEqualTo("v");
	}

	@Test
	void anAsyncReadThatFailsLeavesNoPlaceholder() {
		CompletableFuture<Object> read = this.near.readThroughAsync("k", "c::k",
				(rendered) -> CompletableFuture.failedFuture(new IllegalStateException("down")),
				(rendered) -> CompletableFuture.completedFuture(NearCache.PERSISTENT));
		assertThat(read).isCompletedExceptionally();
		assertThat(this.near.reserved("k")).isFalse();
		assertThatThrownBy(() -> this.near.readThroughAsync("k", "c::k", (rendered) -> {
			throw new StackOverflowError("simulated");
		}, (rendered) -> CompletableFuture.completedFuture(NearCache.PERSISTENT)))
			.isInstanceOf(StackOverflowError.class);
		assertThat(this.near.reserved("k")).isFalse();
	}

	@Test
	void anAsyncReadIsKept() {
		this.backend.put("c::k", "v");
		assertThat(this.near.readThroughAsync("k", "c::k",
				(rendered) -> CompletableFuture.completedFuture(this.backend.get(rendered)),
				(rendered) -> CompletableFuture.completedFuture(NearCache.PERSISTENT)))
			.isCompletedWithValue("v");
		assertThat(this.near.get("k")).isEqualTo("v");
	}

	@Test
	void aMissLeavesNothingBehind() {
		assertThat(read("absent")).isNull();
		assertThat(this.near.estimatedSize()).isZero();
		// Caffeine tells the removal listener, which drops the mapping, on its executor.
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.near.mappedKeys() != 0) {
			assertThat(System.nanoTime() - deadline).as("mapping dropped within 10s").isNegative();
			Thread.onSpinWait();
		}
	}

	@Test
	void anEntryDoesNotOutliveTheBackendsTtl() {
		this.backend.put("c::k", "v");
		this.near.readThrough("k", "c::k", this.backend::get, (rendered) -> 1);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.near.get("k") != null) {
			assertThat(System.nanoTime() - deadline).as("expired within 10s").isNegative();
			Thread.onSpinWait();
		}
		this.near.readThrough("k", "c::k", this.backend::get, (rendered) -> NearCache.ABSENT);
		assertThat(this.near.get("k")).as("a key gone by the time its ttl was read is not kept").isNull();
	}

	@Test
	void whileReportsDoNotFlowTheNearCacheNeitherServesNorFills() {
		this.backend.put("c::k", "v");
		assertThat(read("k")).isEqualTo("v");
		this.reports.live.set(false);
		assertThat(this.near.get("k")).isNull();
		assertThat(read("j")).isNull();
		this.backend.put("c::j", "j");
		assertThat(read("j")).isEqualTo("j");
		this.reports.live.set(true);
		assertThat(this.near.get("j")).as("not filled while reports were down").isNull();
	}

	@Test
	void twoKeysThatRenderAlikeShareOneEntry() {
		this.backend.put("c::1", "one");
		assertThat(read("1")).isEqualTo("one");
		this.near.readThrough(1, "c::1", this.backend::get, (rendered) -> NearCache.PERSISTENT);
		assertThat(this.near.get(1)).isEqualTo("one");
		this.near.invalidate("c::1");
		assertThat(this.near.get(1)).isNull();
		assertThat(this.near.get("1")).isNull();
	}

	@Test
	void reverseMappingsAreDroppedWithTheirEntries() {
		NearCache small = new NearCache(NearCacheSettings.enabledWithDefaults().withMaxSize(10), this.reports,
				Duration.ZERO);
		for (int i = 0; i < 1_000; i++) {
			this.backend.put("c::" + i, i);
			small.readThrough(i, "c::" + i, this.backend::get, (rendered) -> NearCache.PERSISTENT);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (small.mappedKeys() > 20) {
			assertThat(System.nanoTime() - deadline).as("mappings dropped within 10s").isNegative();
			Thread.onSpinWait();
		}
		assertThat(small.estimatedSize()).isLessThanOrEqualTo(10);
	}

	@Test
	void aBackendWithoutReportsNeedsATtl() {
		assertThatThrownBy(() -> new NearCache(NearCacheSettings.enabledWithDefaults(), null, Duration.ZERO))
			.hasMessageContaining("needs a ttl");
		NearCache expiring = new NearCache(NearCacheSettings.enabledWithDefaults().withTtl(Duration.ofMillis(1)), null,
				Duration.ZERO);
		this.backend.put("c::k", "v");
		expiring.readThrough("k", "c::k", this.backend::get, (rendered) -> NearCache.UNKNOWN);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (expiring.get("k") != null) {
			assertThat(System.nanoTime() - deadline).as("expired within 10s").isNegative();
			Thread.onSpinWait();
		}
	}

	/**
	 * With asynchronous reports (Redis), a read beside the one in flight could answer a
	 * newer value while the one in flight fills the older one, which later hits would
	 * answer: a value older than one already answered. Reads of a key in flight share one
	 * backend read.
	 */
	@Test
	void aReadWhileAnotherIsInFlightSharesItsResult() throws Exception {
		this.backend.put("c::k", "old");
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger backendReads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> first = pool.submit(() -> this.near.readThrough("k", "c::k", (rendered) -> {
				backendReads.incrementAndGet();
				Object value = this.backend.get(rendered);
				reading.countDown();
				await(release);
				return value;
			}, (rendered) -> NearCache.PERSISTENT));
			assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
			// a write whose report has not arrived yet
			this.backend.put("c::k", "new");
			Future<Object> second = pool.submit(() -> this.near.readThrough("k", "c::k", (rendered) -> {
				backendReads.incrementAndGet();
				return this.backend.get(rendered);
			}, (rendered) -> NearCache.PERSISTENT));
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("old");
			assertThat(second.get(10, TimeUnit.SECONDS)).as("the read in flight, not a newer one beside it")
				.isEqualTo("old");
			assertThat(backendReads).hasValue(1);
			assertThat(this.near.get("k")).isEqualTo("old");
			this.near.invalidate("c::k");
			assertThat(read("k")).isEqualTo("new");
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aReadWhoseSharedReadFailedReadsItself() throws Exception {
		this.backend.put("c::k", "v");
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> first = pool.submit(() -> this.near.readThrough("k", "c::k", (rendered) -> {
				reading.countDown();
				await(release);
				throw new IllegalStateException("backend down");
			}, (rendered) -> NearCache.PERSISTENT));
			assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Object> second = pool.submit(() -> read("k"));
			release.countDown();
			assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("backend down");
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("v");
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void anAsyncReadWhileAnotherIsInFlightSharesItsResult() {
		this.backend.put("c::k", "old");
		CompletableFuture<Object> backendRead = new CompletableFuture<>();
		CompletableFuture<Object> first = this.near.readThroughAsync("k", "c::k", (rendered) -> backendRead,
				(rendered) -> CompletableFuture.completedFuture(NearCache.PERSISTENT));
		this.backend.put("c::k", "new");
		CompletableFuture<Object> second = this.near.readThroughAsync("k", "c::k",
				(rendered) -> CompletableFuture.completedFuture(this.backend.get(rendered)),
				(rendered) -> CompletableFuture.completedFuture(NearCache.PERSISTENT));
		assertThat(second).isNotDone();
		backendRead.complete("old");
		assertThat(first).isCompletedWithValue("old");
		assertThat(second).isCompletedWithValue("old");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Object read(String key) {
		return this.near.readThrough(key, "c::" + key, this.backend::get, (rendered) -> NearCache.PERSISTENT);
	}

	private static final class Reports implements KeyInvalidations {

		final AtomicBoolean live = new AtomicBoolean(true);

		@Override
		public Registration listen(String keyPrefix, InvalidationListener listener) {
			return () -> {
			};
		}

		@Override
		public boolean live() {
			return this.live.get();
		}

	}

}

package dev.larder.cache.memcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.conformance.TestClock;
import dev.larder.cache.testing.MemcachedProcess;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.command.BinaryCommandFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Memcached's locks and rate limiters against a real memcached: what only Memcached has
 * to get right (no server clock, second-grained expiry, text-protocol delete without cas,
 * an evictable fence counter), plus contention from many threads through two clients, as
 * two instances would.
 */
class MemcachedStructuresTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static MemcachedProcess memcached;

	private final List<MemcachedBackend> backends = new ArrayList<>();

	private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

	@BeforeAll
	static void start() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stop() {
		memcached.stop();
	}

	@AfterEach
	void close() {
		this.backends.forEach(MemcachedBackend::close);
	}

	private Structures structures(boolean binary, InstantSource clock) {
		List<InetSocketAddress> servers = List.of(new InetSocketAddress("127.0.0.1", memcached.port()));
		XMemcachedClientBuilder builder = new XMemcachedClientBuilder(servers);
		if (binary) {
			builder.setCommandFactory(new BinaryCommandFactory());
		}
		builder.setOpTimeout(5000);
		try {
			MemcachedBackend backend = new MemcachedBackend(builder.build(), servers,
					MemcachedBackend.DEFAULT_MAX_ITEM_SIZE,
					StructureSettings.defaults().withKeyPrefix("test:").withClock(clock));
			this.backends.add(backend);
			return backend.structures();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Structures structures() {
		return structures(false, this.clock);
	}

	private static String unique(String name) {
		return name + "-" + System.nanoTime();
	}

	@Test
	void sortedSetsAreRefusedNamingTheBackendsThatCarryThem() {
		assertThatExceptionOfType(UnsupportedStructureException.class).isThrownBy(() -> structures().sortedSets())
			.withMessageContaining("Memcached has no sorted sets")
			.withMessageContaining("embedded, redis and caffeine")
			.withMessageContaining("larder.backend=");
	}

	@ParameterizedTest(name = "binary protocol: {0}")
	@ValueSource(booleans = { false, true })
	void aHeldLockIsRefusedToOthersAndFreedByRelease(boolean binary) {
		DistributedLock lock = structures(binary, this.clock).locks().lock(unique("report"));
		DistributedLock sameLock = structures(binary, this.clock).locks().lock(lock.name());
		LockHandle first = lock.tryAcquire(Duration.ZERO, Duration.ofSeconds(30)).orElseThrow();
		assertThat(first.isHeld()).isTrue();
		assertThat(sameLock.isLocked()).isTrue();
		assertThat(sameLock.tryAcquire(Duration.ZERO, Duration.ofSeconds(30))).isEmpty();
		assertThat(first.release()).isTrue();
		assertThat(first.release()).as("a second release frees nothing").isFalse();
		assertThat(sameLock.isLocked()).isFalse();
		try (LockHandle second = sameLock.tryAcquire(Duration.ZERO, Duration.ofSeconds(30)).orElseThrow()) {
			assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
			assertThat(first.isHeld()).isFalse();
			assertThat(first.extend(Duration.ofSeconds(30))).as("only the holder extends").isFalse();
		}
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void aDeadHoldersLockFreesWithItsLeaseAndItsLateReleaseFreesNothing() {
		DistributedLock lock = structures().locks().lock(unique("lease"));
		LockHandle dead = lock.tryAcquire(Duration.ZERO, Duration.ofSeconds(1)).orElseThrow();
		// The waiter gets the lock once the lease runs out, well within its wait.
		LockHandle next = lock.tryAcquire(WAIT, Duration.ofSeconds(30)).orElseThrow();
		assertThat(next.fencingToken()).isGreaterThan(dead.fencingToken());
		assertThat(dead.isHeld()).isFalse();
		assertThat(dead.release()).isFalse();
		assertThat(next.isHeld()).as("the expired holder's release did not free the new holder's lock").isTrue();
		assertThat(next.extend(Duration.ofSeconds(60))).isTrue();
		next.close();
	}

	@Test
	void fencingTokensKeepIncreasingWhenTheFenceCounterIsEvicted() {
		String name = unique("fence");
		DistributedLock lock = structures().locks().lock(name);
		long before;
		try (LockHandle held = lock.tryAcquire(Duration.ZERO, Duration.ofSeconds(30)).orElseThrow()) {
			before = held.fencingToken();
		}
		assertThat(memcached.command("delete test:lock:{" + name + "}:fence")).isEqualTo("DELETED");
		try (LockHandle held = lock.tryAcquire(Duration.ZERO, Duration.ofSeconds(30)).orElseThrow()) {
			assertThat(held.fencingToken()).isGreaterThan(before);
		}
	}

	@Test
	void theWatchdogKeepsTheLockPastItsLeaseUntilClosed() {
		DistributedLock lock = structures().locks().lock(unique("watched"));
		DistributedLock other = structures().locks().lock(lock.name());
		LockHandle held = lock.tryAcquireWithWatchdog(Duration.ZERO, Duration.ofSeconds(1)).orElseThrow();
		// Waiting three leases (and Memcached's extra second) without getting it: the
		// watchdog extended.
		assertThat(other.tryAcquire(Duration.ofSeconds(5), Duration.ofSeconds(30))).isEmpty();
		assertThat(held.isHeld()).isTrue();
		held.close();
		assertThat(other.tryAcquire(Duration.ZERO, Duration.ofSeconds(30))).isPresent();
	}

	@Test
	void longAndSpacedNamesAreLegalKeys() {
		DistributedLock lock = structures().locks().lock("a name with spaces " + "x".repeat(300));
		try (LockHandle held = lock.tryAcquire(Duration.ZERO, Duration.ofSeconds(30)).orElseThrow()) {
			assertThat(held.isHeld()).isTrue();
		}
		RateLimiter limiter = structures().rateLimiters()
			.limiter("spaced name", RateLimit.tokenBucket(1, Duration.ofHours(1)));
		assertThat(limiter.tryAcquire("client with spaces " + "y".repeat(300)).allowed()).isTrue();
		assertThat(limiter.tryAcquire("client with spaces " + "y".repeat(300)).allowed()).isFalse();
	}

	@ParameterizedTest(name = "binary protocol: {0}")
	@ValueSource(booleans = { false, true })
	void manyThreadsOnTwoClientsNeverHoldTheLockTogether(boolean binary) throws Exception {
		String name = unique("contended");
		List<DistributedLock> locks = List.of(structures(binary, this.clock).locks().lock(name),
				structures(binary, this.clock).locks().lock(name));
		int threads = 8;
		int grantsPerThread = 15;
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicLong lastToken = new AtomicLong(Long.MIN_VALUE);
		AtomicInteger outOfOrder = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				DistributedLock lock = locks.get(t % 2);
				workers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < grantsPerThread; i++) {
						try (LockHandle held = lock.tryAcquire(WAIT, Duration.ofSeconds(60)).orElseThrow()) {
							if (inside.incrementAndGet() != 1) {
								overlaps.incrementAndGet();
							}
							// Inside the lock, tokens are seen in grant order.
							if (held.fencingToken() <= lastToken.getAndSet(held.fencingToken())) {
								outOfOrder.incrementAndGet();
							}
							inside.decrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(overlaps).hasValue(0);
		assertThat(outOfOrder).hasValue(0);
	}

	@ParameterizedTest(name = "binary protocol: {0}")
	@ValueSource(booleans = { false, true })
	void tokenBucketGrantsExactlyItsPermitsUnderContentionAndRefillsWithTheClock(boolean binary) throws Exception {
		RateLimit limit = RateLimit.tokenBucket(40, Duration.ofHours(1));
		String name = unique("bucket");
		List<RateLimiter> limiters = List.of(structures(binary, this.clock).rateLimiters().limiter(name, limit),
				structures(binary, this.clock).rateLimiters().limiter(name, limit));
		for (int window = 0; window < 3; window++) {
			assertThat(contend(limiters, "client", 8, 20)).as("window %d", window).isEqualTo(40);
			RateLimitDecision denied = limiters.get(0).tryAcquire("client");
			assertThat(denied.allowed()).isFalse();
			assertThat(denied.remaining()).isZero();
			assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(90));
			assertThat(limiters.get(1).tryAcquire("another client").allowed()).as("keys are separate").isTrue();
			this.clock.advance(Duration.ofHours(1));
		}
	}

	@Test
	void tokenBucketRefillsContinuously() {
		RateLimiter limiter = structures().rateLimiters()
			.limiter(unique("smooth"), RateLimit.tokenBucket(10, Duration.ofSeconds(10)));
		RateLimitDecision first = limiter.tryAcquire("k", 4);
		assertThat(first.allowed()).isTrue();
		assertThat(first.remaining()).isEqualTo(6);
		assertThat(limiter.tryAcquire("k", 6).remaining()).isZero();
		RateLimitDecision denied = limiter.tryAcquire("k", 3);
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(3));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(limiter.tryAcquire("k", 3).allowed()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		RateLimitDecision later = limiter.tryAcquire("k", 3);
		assertThat(later.allowed()).isTrue();
		assertThat(later.remaining()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.tryAcquire("k", 11))
			.withMessageContaining("can never be granted");
	}

	@ParameterizedTest(name = "binary protocol: {0}")
	@ValueSource(booleans = { false, true })
	void slidingWindowGrantsExactlyItsPermitsInAnyWindow(boolean binary) throws Exception {
		RateLimit limit = RateLimit.slidingWindow(30, Duration.ofMinutes(10));
		String name = unique("window");
		List<RateLimiter> limiters = List.of(structures(binary, this.clock).rateLimiters().limiter(name, limit),
				structures(binary, this.clock).rateLimiters().limiter(name, limit));
		assertThat(contend(limiters, "client", 8, 20)).isEqualTo(30);
		this.clock.advance(Duration.ofMinutes(4));
		RateLimitDecision denied = limiters.get(1).tryAcquire("client");
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isEqualTo(Duration.ofMinutes(6));
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(contend(limiters, "client", 8, 20)).as("the whole window slid out").isEqualTo(30);
	}

	@Test
	void slidingWindowFreesPermitsAsTheirGrantsLeaveTheWindow() {
		RateLimiter limiter = structures().rateLimiters()
			.limiter(unique("log"), RateLimit.slidingWindow(5, Duration.ofSeconds(10)));
		assertThat(limiter.tryAcquire("k", 2).remaining()).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(limiter.tryAcquire("k", 3).remaining()).isZero();
		RateLimitDecision denied = limiter.tryAcquire("k", 3);
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.remaining()).isZero();
		assertThat(denied.retryAfter()).as("until the 3 granted at t=4s leave").isEqualTo(Duration.ofSeconds(10));
		this.clock.advance(Duration.ofSeconds(6));
		RateLimitDecision afterFirst = limiter.tryAcquire("k", 2);
		assertThat(afterFirst.allowed()).as("the 2 granted at t=0 left at t=10s").isTrue();
		assertThat(afterFirst.remaining()).isZero();
	}

	@Test
	void aSlidingWindowTooLargeForOneItemIsRefusedWithTheAlternatives() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> structures().rateLimiters()
				.limiter("huge", RateLimit.slidingWindow(1_000_000, Duration.ofMinutes(1))))
			.withMessageContaining("TOKEN_BUCKET")
			.withMessageContaining("larder.memcached.max-item-size");
	}

	/**
	 * Threads split over the limiters each try {@code attempts} times; returns how many
	 * were allowed.
	 */
	private static int contend(List<RateLimiter> limiters, String key, int threads, int attempts) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<RateLimitDecision> allowed = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				RateLimiter limiter = limiters.get(t % limiters.size());
				workers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < attempts; i++) {
						Optional.of(limiter.tryAcquire(key)).filter(RateLimitDecision::allowed).ifPresent(allowed::add);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(allowed.stream().map(RateLimitDecision::remaining).distinct().count())
			.as("each grant saw a different number of permits left")
			.isEqualTo(allowed.size());
		return allowed.size();
	}

}

package dev.larder.cache.structure.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitAlgorithm;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rate limiters count exactly: under contention from many threads of two instances, each
 * window or bucket grants exactly its limit; denied requests consume nothing; retry-after
 * is exact. Time comes from a {@link TestClock} shared by the instances, moved by hand,
 * so windows are exact and nothing depends on how fast the machine is. Periods are long
 * (the backend's own expiry of the keys runs on real time), and the clock jumps whole
 * periods.
 */
public abstract class RateLimiterConformanceTests extends StructureConformanceSupport {

	private static final Duration HOUR = Duration.ofHours(1);

	private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

	private Structures clocked() {
		return instance(settings().withClock(this.clock));
	}

	private RateLimiter limiter(Structures structures, String name, RateLimit limit) {
		return structures.rateLimiters().limiter(name, limit);
	}

	private static RateLimit limit(RateLimitAlgorithm algorithm, long permits, Duration period) {
		return new RateLimit(algorithm, permits, period);
	}

	@ParameterizedTest
	@EnumSource(RateLimitAlgorithm.class)
	void grantsTheLimitThenDenies(RateLimitAlgorithm algorithm) {
		RateLimiter limiter = limiter(clocked(), unique("api"), limit(algorithm, 3, HOUR));
		assertThat(limiter.tryAcquire("client")).isEqualTo(new RateLimitDecision(true, 2, Duration.ZERO));
		assertThat(limiter.tryAcquire("client")).isEqualTo(new RateLimitDecision(true, 1, Duration.ZERO));
		assertThat(limiter.tryAcquire("client")).isEqualTo(new RateLimitDecision(true, 0, Duration.ZERO));
		RateLimitDecision denied = limiter.tryAcquire("client");
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.remaining()).isZero();
		assertThat(denied.retryAfter()).isPositive();
		// Each key has its own budget.
		assertThat(limiter.tryAcquire("other").allowed()).isTrue();
	}

	@Test
	void tokenBucketRefillsOnePermitPerIntervalAndSaysWhen() {
		// 4 per 4s: one permit a second, a burst of 4.
		RateLimiter limiter = limiter(clocked(), unique("bucket"), RateLimit.tokenBucket(4, Duration.ofSeconds(4)));
		assertThat(limiter.tryAcquire("k", 4).allowed()).isTrue();
		assertThat(limiter.tryAcquire("k")).isEqualTo(new RateLimitDecision(false, 0, Duration.ofSeconds(1)));
		this.clock.advance(Duration.ofMillis(999));
		assertThat(limiter.tryAcquire("k")).isEqualTo(new RateLimitDecision(false, 0, Duration.ofMillis(1)));
		this.clock.advance(Duration.ofMillis(1));
		assertThat(limiter.tryAcquire("k")).isEqualTo(new RateLimitDecision(true, 0, Duration.ZERO));
		this.clock.advance(Duration.ofMillis(2500));
		// Two and a half intervals: two permits back; asking for three waits for the
		// third half interval.
		assertThat(limiter.tryAcquire("k", 3)).isEqualTo(new RateLimitDecision(false, 2, Duration.ofMillis(500)));
		assertThat(limiter.tryAcquire("k", 2)).isEqualTo(new RateLimitDecision(true, 0, Duration.ZERO));
		this.clock.advance(Duration.ofHours(5));
		// A full bucket holds no more than its capacity, however long it rested.
		assertThat(limiter.tryAcquire("k", 4)).isEqualTo(new RateLimitDecision(true, 0, Duration.ZERO));
	}

	@Test
	void slidingWindowFreesEachGrantAPeriodAfterIt() {
		RateLimiter limiter = limiter(clocked(), unique("window"), RateLimit.slidingWindow(3, Duration.ofSeconds(10)));
		assertThat(limiter.tryAcquire("k").allowed()).isTrue(); // t=0
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(limiter.tryAcquire("k").allowed()).isTrue(); // t=2
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(limiter.tryAcquire("k").allowed()).isTrue(); // t=5
		this.clock.advance(Duration.ofSeconds(1)); // t=6
		assertThat(limiter.tryAcquire("k")).isEqualTo(new RateLimitDecision(false, 0, Duration.ofSeconds(4)));
		assertThat(limiter.tryAcquire("k", 2)).isEqualTo(new RateLimitDecision(false, 0, Duration.ofSeconds(6)));
		this.clock.advance(Duration.ofSeconds(4)); // t=10: the grant of t=0 has left the
													// window
		assertThat(limiter.tryAcquire("k", 2)).isEqualTo(new RateLimitDecision(false, 1, Duration.ofSeconds(2)));
		assertThat(limiter.tryAcquire("k")).isEqualTo(new RateLimitDecision(true, 0, Duration.ZERO));
	}

	@ParameterizedTest
	@EnumSource(RateLimitAlgorithm.class)
	void deniedRequestsConsumeNothing(RateLimitAlgorithm algorithm) {
		RateLimiter limiter = limiter(clocked(), unique("consume"), limit(algorithm, 5, HOUR));
		assertThat(limiter.tryAcquire("k", 4).allowed()).isTrue();
		for (int i = 0; i < 20; i++) {
			RateLimitDecision denied = limiter.tryAcquire("k", 2);
			assertThat(denied.allowed()).isFalse();
			assertThat(denied.remaining()).isEqualTo(1);
		}
		assertThat(limiter.tryAcquire("k")).isEqualTo(new RateLimitDecision(true, 0, Duration.ZERO));
	}

	@ParameterizedTest
	@EnumSource(RateLimitAlgorithm.class)
	void refusesRequestsThatCouldNeverPass(RateLimitAlgorithm algorithm) {
		RateLimiter limiter = limiter(clocked(), unique("arguments"), limit(algorithm, 5, HOUR));
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.tryAcquire("k", 6)).withMessageContaining("5");
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.tryAcquire("k", 0));
		assertThat(limiter.tryAcquire("k", 5).allowed()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(RateLimitAlgorithm.class)
	void grantsExactlyTheLimitPerWindowUnderContentionFromTwoInstances(RateLimitAlgorithm algorithm) throws Exception {
		List<Structures> instances = twoInstances(settings().withClock(this.clock));
		String name = unique("contended");
		int permits = 50;
		int threadsPerInstance = 4;
		int attemptsPerThread = 25; // 200 attempts per window for 50 permits
		RateLimit limit = limit(algorithm, permits, HOUR);
		int threads = threadsPerInstance * instances.size();
		for (int window = 0; window < 3; window++) {
			AtomicLong allowed = new AtomicLong();
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<?>> done = new ArrayList<>();
			for (Structures structures : instances) {
				RateLimiter limiter = limiter(structures, name, limit);
				for (int t = 0; t < threadsPerInstance; t++) {
					done.add(this.pool.submit(() -> {
						start.await();
						for (int i = 0; i < attemptsPerThread; i++) {
							if (limiter.tryAcquire("shared-key").allowed()) {
								allowed.incrementAndGet();
							}
						}
						return null;
					}));
				}
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			assertThat(allowed).as("window " + window).hasValue(permits);
			this.clock.advance(HOUR);
		}
	}

	@ParameterizedTest
	@EnumSource(RateLimitAlgorithm.class)
	void instancesShareEachKeysBudget(RateLimitAlgorithm algorithm) {
		List<Structures> instances = twoInstances(settings().withClock(this.clock));
		String name = unique("shared");
		RateLimit limit = limit(algorithm, 2, HOUR);
		assertThat(limiter(instances.get(0), name, limit).tryAcquire("k").remaining()).isEqualTo(1);
		assertThat(limiter(instances.get(1), name, limit).tryAcquire("k").remaining()).isZero();
		assertThat(limiter(instances.get(0), name, limit).tryAcquire("k").allowed()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(RateLimitAlgorithm.class)
	void countsOnTheBackendsClockByDefault(RateLimitAlgorithm algorithm) throws Exception {
		// An hour per 10 permits: nothing refills while the test runs, so the count is
		// exact on real time too.
		List<Structures> instances = twoInstances(settings());
		String name = unique("server-time");
		RateLimit limit = limit(algorithm, 10, Duration.ofHours(10));
		AtomicLong allowed = new AtomicLong();
		List<Future<?>> done = new ArrayList<>();
		for (Structures structures : instances) {
			RateLimiter limiter = limiter(structures, name, limit);
			for (int t = 0; t < 3; t++) {
				done.add(this.pool.submit(() -> {
					for (int i = 0; i < 10; i++) {
						if (limiter.tryAcquire("k").allowed()) {
							allowed.incrementAndGet();
						}
					}
				}));
			}
		}
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		assertThat(allowed).hasValue(10);
		RateLimitDecision denied = limiter(instances.get(0), name, limit).tryAcquire("k");
		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(10));
	}

}

package dev.larder.autoconfigure.structure;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.larder.autoconfigure.StructureSettingsConfiguration;
import dev.larder.cache.structure.annotation.RateLimited;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitExceededException;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.conformance.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts on one server, as two instances of an application: many
 * threads in each contend for one lock and one rate limit. No two holders ever overlap,
 * fencing tokens rise in grant order, a dead instance's lock frees with its lease, and
 * each window grants exactly its limit. Time for the limits is a clock both instances
 * share and the test moves. Run on Memcached and on Redis.
 */
abstract class StructuresAcrossInstancesTests {

	private static final int THREADS_PER_INSTANCE = 4;

	private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderStructuresAutoConfiguration.class))
		.withBean(StructureSettingsConfiguration.STRUCTURE_CLOCK, InstantSource.class, () -> this.clock)
		.withUserConfiguration(LimitedApi.class);

	/** The properties that point an instance at the shared server. */
	protected abstract String[] backendProperties();

	private ApplicationContextRunner instance() {
		return this.runner.withPropertyValues(backendProperties())
			.withPropertyValues("larder.key-prefix=two-instances:");
	}

	private void twoInstances(Consumer<List<AssertableApplicationContext>> test) {
		ApplicationContextRunner instance = instance();
		instance.run((first) -> instance.run((second) -> test.accept(List.of(first, second))));
	}

	@Test
	void locksNeverHaveTwoHoldersAndTheirTokensRiseInGrantOrder() {
		String name = "contended-" + System.nanoTime();
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicLong lastToken = new AtomicLong(Long.MIN_VALUE);
		AtomicInteger outOfOrder = new AtomicInteger();
		AtomicInteger grants = new AtomicInteger();
		twoInstances((instances) -> contend(instances, (context) -> {
			Locks locks = context.getBean(Locks.class);
			for (int i = 0; i < 10; i++) {
				try (LockHandle held = locks.lock(name)
					.tryAcquire(Duration.ofMinutes(1), Duration.ofMinutes(1))
					.orElseThrow()) {
					if (inside.incrementAndGet() != 1) {
						overlaps.incrementAndGet();
					}
					if (held.fencingToken() <= lastToken.getAndSet(held.fencingToken())) {
						outOfOrder.incrementAndGet();
					}
					grants.incrementAndGet();
					inside.decrementAndGet();
				}
			}
		}));
		assertThat(grants).hasValue(2 * THREADS_PER_INSTANCE * 10);
		assertThat(overlaps).hasValue(0);
		assertThat(outOfOrder).hasValue(0);
	}

	@Test
	void aDeadInstancesLockFreesWithItsLease() {
		String name = "dead-holder-" + System.nanoTime();
		ApplicationContextRunner instance = instance();
		AtomicLong deadToken = new AtomicLong();
		// The first instance takes the lock and stops without releasing it, as a crashed
		// one would.
		instance.run((dying) -> deadToken.set(dying.getBean(Locks.class)
			.lock(name)
			.tryAcquire(Duration.ZERO, Duration.ofSeconds(1))
			.orElseThrow()
			.fencingToken()));
		instance.run((survivor) -> {
			try (LockHandle held = survivor.getBean(Locks.class)
				.lock(name)
				.tryAcquire(Duration.ofSeconds(30), Duration.ofMinutes(1))
				.orElseThrow()) {
				assertThat(held.fencingToken()).isGreaterThan(deadToken.get());
			}
		});
	}

	@Test
	void rateLimitsGrantExactlyTheirLimitPerWindowAcrossInstances() {
		for (RateLimit limit : List.of(RateLimit.tokenBucket(25, Duration.ofHours(1)),
				RateLimit.slidingWindow(25, Duration.ofHours(1)))) {
			String name = "exact-" + limit.algorithm() + "-" + System.nanoTime();
			twoInstances((instances) -> {
				for (int window = 0; window < 3; window++) {
					AtomicInteger allowed = new AtomicInteger();
					contend(instances, (context) -> {
						RateLimiter limiter = context.getBean(RateLimiters.class).limiter(name, limit);
						for (int i = 0; i < 15; i++) {
							if (limiter.tryAcquire("client").allowed()) {
								allowed.incrementAndGet();
							}
						}
					});
					assertThat(allowed).as("%s window %d", limit.algorithm(), window).hasValue(25);
					this.clock.advance(limit.period());
				}
			});
		}
	}

	@Test
	void rateLimitedMethodsAcrossInstancesRunExactlyTheirLimit() {
		twoInstances((instances) -> {
			for (int window = 0; window < 3; window++) {
				AtomicInteger rejected = new AtomicInteger();
				contend(instances, (context) -> {
					LimitedApi api = context.getBean(LimitedApi.class);
					for (int i = 0; i < 10; i++) {
						try {
							api.call();
						}
						catch (RateLimitExceededException ex) {
							rejected.incrementAndGet();
						}
					}
				});
				int calls = 2 * THREADS_PER_INSTANCE * 10;
				int ran = instances.stream()
					.mapToInt((context) -> context.getBean(LimitedApi.class).ranAndReset())
					.sum();
				assertThat(ran).as("window %d", window).isEqualTo(20);
				assertThat(rejected).hasValue(calls - 20);
				this.clock.advance(Duration.ofHours(1));
			}
		});
	}

	/**
	 * Runs {@code work} on {@link #THREADS_PER_INSTANCE} threads per instance, all
	 * released at once.
	 */
	private static void contend(List<AssertableApplicationContext> instances,
			Consumer<AssertableApplicationContext> work) {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (AssertableApplicationContext instance : instances) {
				for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
					workers.add(pool.submit(() -> {
						start.await();
						work.accept(instance);
						return null;
					}));
				}
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(2, TimeUnit.MINUTES);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class LimitedApi {

		private final AtomicInteger ran = new AtomicInteger();

		@RateLimited(name = "limited-api", permits = 20, period = "1h")
		public void call() {
			this.ran.incrementAndGet();
		}

		public int ranAndReset() {
			return this.ran.getAndSet(0);
		}

	}

}

package dev.larder.cache.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.conformance.TestClock;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts, as two instances of one application, caching in one real
 * redis-server: a hot key read through {@code @Cacheable(sync = true)} in both is
 * reloaded once, by one of them, while both keep answering the current value at once.
 */
class RefreshAheadAcrossTwoContextsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static RedisProcess redis;

	/** Shared by the instances, as NTP-synchronized clocks are. */
	private static final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));

	/** The source of truth both instances read, counting its loads. */
	private static final Source source = new Source();

	private AnnotationConfigApplicationContext one;

	private AnnotationConfigApplicationContext two;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@BeforeEach
	void start() {
		this.one = new AnnotationConfigApplicationContext(Instance.class);
		this.two = new AnnotationConfigApplicationContext(Instance.class);
	}

	@AfterEach
	void stop() {
		this.one.close();
		this.two.close();
	}

	@Test
	void aHotKeyIsReloadedOnceAcrossBothInstancesAndNobodyWaits() {
		Prices first = this.one.getBean(Prices.class);
		Prices second = this.two.getBean(Prices.class);
		source.release(2);
		assertThat(first.price("tea")).isEqualTo("tea@1");
		assertThat(second.price("tea")).as("a hit for the second instance").isEqualTo("tea@1");
		assertThat(second.priceAsync("tea").join()).isEqualTo("tea-async@2");
		clock.advance(Duration.ofMinutes(6));
		// Due for refresh. The source holds every load until released, so answers that
		// come back now did not wait for it.
		assertThat(first.price("tea")).isEqualTo("tea@1");
		assertThat(second.price("tea")).isEqualTo("tea@1");
		assertThat(first.priceAsync("tea").join()).isEqualTo("tea-async@2");
		assertThat(second.priceAsync("tea").join()).isEqualTo("tea-async@2");
		// Each instance queued a reload of each key; for each key one took the lock in
		// Redis and waits for the source, the other found the lock taken and gave up.
		Eventually.await(WAIT, "one reload per key left",
				() -> inFlight(this.one, "prices") + inFlight(this.two, "prices") == 1
						&& inFlight(this.one, "prices-async") + inFlight(this.two, "prices-async") == 1);
		source.release(2);
		Eventually.await(WAIT, "the reloads finished", () -> inFlight(this.one, "prices") + inFlight(this.two, "prices")
				+ inFlight(this.one, "prices-async") + inFlight(this.two, "prices-async") == 0);
		assertThat(source.loads()).as("two first loads and one reload per key").isEqualTo(4);
		assertThat(first.price("tea")).isEqualTo(second.price("tea")).matches("tea@[34]");
		assertThat(first.priceAsync("tea").join()).isEqualTo(second.priceAsync("tea").join()).matches("tea-async@[34]");
	}

	private static int inFlight(AnnotationConfigApplicationContext context, String cache) {
		LarderCache larderCache = context.getBean(LarderCacheManager.class).getCache(cache);
		return larderCache.refreshesInFlight();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Instance {

		@Bean
		LarderCacheManager cacheManager() {
			return LarderCacheManager.builder(RedisTestBackends.standalone(redis))
				.defaultSettings(CacheSettings.defaults()
					.withTtl(Duration.ofMinutes(10))
					.withRefreshAhead(RefreshAhead.fraction(0.5)))
				.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
				.keyPrefix("two-contexts:")
				.clock(clock)
				.build();
		}

		@Bean
		Prices prices() {
			return new Prices();
		}

	}

	static class Prices {

		@Cacheable(cacheNames = "prices", sync = true)
		public String price(String item) {
			return item + "@" + source.load();
		}

		@Cacheable(cacheNames = "prices-async", sync = true)
		public CompletableFuture<String> priceAsync(String item) {
			return CompletableFuture.supplyAsync(() -> item + "-async@" + source.load());
		}

	}

	/** Counts loads, each of which waits for a permit the test hands out. */
	static final class Source {

		private final AtomicInteger loads = new AtomicInteger();

		private final Semaphore permits = new Semaphore(0);

		void release(int count) {
			this.permits.release(count);
		}

		int load() {
			int number = this.loads.incrementAndGet();
			try {
				if (!this.permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("load " + number + " was never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return number;
		}

		int loads() {
			return this.loads.get();
		}

	}

}

package dev.larder.autoconfigure.structure;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.redis.LarderLettuceCustomizer;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.caffeine.CaffeineBackend;
import dev.larder.cache.embedded.EmbeddedBackend;
import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;
import dev.larder.cache.testing.MemcachedProcess;
import dev.larder.cache.testing.RedisProcess;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code larder.structures.backend}: the cache in one backend, the structures in another,
 * on real servers.
 */
class SeparateStructuresBackendTests {

	private static MemcachedProcess memcached;

	private static RedisProcess redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class, CacheAutoConfiguration.class,
				LarderStructuresAutoConfiguration.class))
		.withUserConfiguration(Caching.class);

	@BeforeAll
	static void start() {
		memcached = MemcachedProcess.start();
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stop() {
		memcached.stop();
		redis.stop();
	}

	@Test
	void cacheOnMemcachedStructuresOnAnEmbeddedEngineOfTheirOwn() {
		this.runner
			.withPropertyValues("larder.backend=memcached", "larder.memcached.servers=" + memcached.address(),
					"larder.structures.backend=embedded", "larder.key-prefix=shop:")
			.run((context) -> {
				assertThat(context).hasSingleBean(CacheBackend.class).hasSingleBean(SeparateStructuresBackend.class);
				assertThat(context.getBean(LarderCacheManager.class).getBackend()).isInstanceOf(MemcachedBackend.class);
				SeparateStructuresBackend structures = context.getBean(SeparateStructuresBackend.class);
				assertThat(structures.backend()).isInstanceOf(EmbeddedBackend.class);
				Engine engine = (Engine) structures.backend().nativeClient();
				ScoredSet<String> board = context.getBean(SortedSets.class).set("board");
				board.add("ana", 42);
				assertThat(board.top(1)).singleElement().satisfies((top) -> assertThat(top.member()).isEqualTo("ana"));
				assertThat(engine.execute("ZCARD", "shop:zset:board")).isEqualTo(new Reply.IntegerReply(1));
				try (LockHandle held = context.getBean(Locks.class)
					.lock("job")
					.tryAcquire(Duration.ZERO, Duration.ofMinutes(1))
					.orElseThrow()) {
					assertThat(held.isHeld()).isTrue();
					assertThat(engine.execute("EXISTS", "shop:lock:{job}")).isEqualTo(new Reply.IntegerReply(1));
					assertThat(memcached.command("get shop:lock:{job}")).as("not in memcached").isEqualTo("END");
				}
				HealthIndicator health = context.getBean("larderStructuresHealthIndicator", HealthIndicator.class);
				assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
				assertThat(health.health(true).getDetails()).containsEntry("backend", "embedded");
			});
	}

	@Test
	void cacheOnCaffeineStructuresOnAnEmbeddedEngine() {
		this.runner.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=embedded")
			.run((context) -> {
				assertThat(context.getBean(CacheBackend.class)).isInstanceOf(CaffeineBackend.class);
				SeparateStructuresBackend structures = context.getBean(SeparateStructuresBackend.class);
				assertThat(structures.type()).isEqualTo("embedded");
				context.getBean(SortedSets.class).set("board").add("ana", 1);
				Engine engine = (Engine) structures.backend().nativeClient();
				assertThat(engine.execute("EXISTS", "zset:board")).isEqualTo(new Reply.IntegerReply(1));
			});
	}

	@Test
	void structuresOnRedisUseLarderRedisPropertiesAndTheLettuceCustomizers() {
		this.runner.withUserConfiguration(CountingLettuceCustomizer.class)
			.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=redis",
					"larder.redis.url=" + redis.uri(), "larder.key-prefix=app:")
			.run((context) -> {
				assertThat(context.getBean(CacheBackend.class)).isInstanceOf(CaffeineBackend.class);
				assertThat(context.getBean(SeparateStructuresBackend.class).type()).isEqualTo("redis");
				context.getBean(SortedSets.class).set("board").add("ana", 3);
				assertThat(redis.command("ZSCORE app:zset:board ana")).isEqualTo("$1");
				assertThat(context.getBean(RateLimiters.class)
					.limiter("api", RateLimit.tokenBucket(1, Duration.ofHours(1)))
					.tryAcquire("client")
					.allowed()).isTrue();
				assertThat(context.getBean(CountingLettuceCustomizer.class).calls).hasValue(1);
				assertThat(context.getBean("larderStructuresHealthIndicator", HealthIndicator.class)
					.health(true)
					.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void theStructuresEngineTakesLarderEmbeddedSettingsAndClosesWithTheApplication() {
		int[] port = new int[1];
		this.runner
			.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=embedded",
					"larder.embedded.port=0")
			.run((context) -> {
				port[0] = ((Engine) context.getBean(SeparateStructuresBackend.class).backend().nativeClient()).port();
				assertThat(port[0]).isPositive();
				try (Socket open = new Socket("127.0.0.1", port[0])) {
					assertThat(open.isConnected()).isTrue();
				}
			});
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.1", port[0]).close());
	}

	@Test
	void structureMetersNameTheBackendThatCarriesTheStructures() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=embedded")
			.run((context) -> {
				RateLimiters limiters = context.getBean(RateLimiters.class);
				limiters.limiter("api", RateLimit.tokenBucket(1, Duration.ofHours(1))).tryAcquire("client");
				limiters.limiter("api", RateLimit.tokenBucket(1, Duration.ofHours(1))).tryAcquire("client");
				context.getBean(Locks.class).lock("job").tryAcquire(Duration.ZERO, Duration.ofMinutes(1));
				SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
				assertThat(meters.get(MicrometerStructureMeters.RATE_LIMIT_DECISIONS)
					.tags("limiter", "api", "backend", "embedded", "result", "allowed")
					.counter()
					.count()).isEqualTo(1);
				assertThat(meters.get(MicrometerStructureMeters.RATE_LIMIT_DECISIONS)
					.tags("limiter", "api", "backend", "embedded", "result", "rejected")
					.counter()
					.count()).isEqualTo(1);
				assertThat(meters.get(MicrometerStructureMeters.LOCK_ATTEMPTS)
					.tags("lock", "job", "backend", "embedded", "result", "acquired")
					.counter()
					.count()).isEqualTo(1);
				assertThat(meters.find(MicrometerStructureMeters.LOCK_ATTEMPTS).tag("backend", "caffeine").counter())
					.as("not the cache's backend")
					.isNull();
			});
	}

	@Test
	void withoutMicrometerTheStructuresWorkUncounted() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=embedded")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(StructureMeters.class);
				assertThat(context.getBean(Locks.class).lock("job").tryAcquire(Duration.ZERO, Duration.ofMinutes(1)))
					.isPresent();
			});
	}

	@Test
	void withoutCachingOnlyTheStructuresBackendIsCreated() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LarderStructuresAutoConfiguration.class))
			.withPropertyValues("larder.structures.backend=redis", "larder.redis.url=" + redis.uri())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(CacheBackend.class).doesNotHaveBean(Engine.class);
				ScoredSet<String> board = context.getBean(SortedSets.class).set("no-caching");
				board.add("ana", 1);
				assertThat(redis.command("EXISTS zset:no-caching")).isEqualTo(":1");
			});
	}

	@Test
	void theSameBackendAsTheCacheCreatesNothingMore() {
		this.runner.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=caffeine")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SeparateStructuresBackend.class)
					.doesNotHaveBean("larderStructuresHealthIndicator");
				context.getBean(SortedSets.class).set("board").add("ana", 1);
			});
	}

	@Test
	void anUnknownStructuresBackendFailsStartupNamingThePropertyAndTheAllowedValues() {
		this.runner.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=hazelcast")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("larder.structures.backend")
					.hasMessageContaining("hazelcast")
					.hasMessageContaining("embedded, redis, memcached, caffeine");
			});
	}

	@Test
	void aStructuresBackendWhoseClientIsMissingFailsStartupNamingTheProperty() {
		this.runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.withPropertyValues("larder.backend=caffeine", "larder.structures.backend=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("larder.structures.backend=redis")
					.hasMessageContaining("io.lettuce:lettuce-core");
			});
	}

	@Test
	void onMemcachedAloneSortedSetHandlesRefuseEachUseNamingTheProperty() {
		this.runner.withPropertyValues("larder.backend=memcached", "larder.memcached.servers=" + memcached.address())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SeparateStructuresBackend.class);
				ScoredSet<String> board = context.getBean(SortedSets.class).set("board");
				assertThat(board.name()).isEqualTo("board");
				assertThatExceptionOfType(UnsupportedStructureException.class).isThrownBy(() -> board.add("ana", 1))
					.withMessageContaining("Memcached has no sorted sets")
					.withMessageContaining("larder.structures.backend=embedded");
				assertThatExceptionOfType(UnsupportedStructureException.class).isThrownBy(board::size);
				assertThat(context.getBean(Locks.class).lock("job").isLocked()).as("locks are carried").isFalse();
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Caching {

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingLettuceCustomizer {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		LarderLettuceCustomizer countingCustomizer() {
			return (options) -> this.calls.incrementAndGet();
		}

	}

}

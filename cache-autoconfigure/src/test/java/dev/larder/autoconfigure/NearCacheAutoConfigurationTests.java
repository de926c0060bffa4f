package dev.larder.autoconfigure;

import java.time.Duration;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.testing.MemcachedProcess;
import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code larder.near-cache.*} and {@code larder.caches.<name>.near-cache.*}: on by
 * default for the embedded backend only, per-cache values over global ones, never on
 * caffeine, and refused on memcached without a ttl.
 */
class NearCacheAutoConfigurationTests {

	private static MemcachedProcess memcached;

	private static RedisProcess redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class);

	@BeforeAll
	static void startServers() {
		memcached = MemcachedProcess.start();
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopServers() {
		memcached.stop();
		redis.stop();
	}

	@Test
	void theEmbeddedBackendHasANearCacheByDefault() {
		this.runner.run((context) -> {
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			assertThat(manager.nearCacheSettingsFor("any"))
				.isEqualTo(new NearCacheSettings(true, NearCacheSettings.DEFAULT_MAX_SIZE, Duration.ZERO));
			LarderCache cache = manager.getCache("products");
			assertThat(cache.getNearCache()).isNotNull();
			cache.put("k", "v");
			cache.get("k");
			assertThat(cache.get("k").get()).isEqualTo("v");
			assertThat(cache.getStatistics().nearHitCount()).isEqualTo(1);
		});
	}

	@Test
	void globalValuesApplyAndEachCacheCanOverrideThem() {
		this.runner
			.withPropertyValues("larder.near-cache.max-size=500", "larder.near-cache.ttl=30s",
					"larder.caches.prices.near-cache.ttl=2s", "larder.caches.huge.near-cache.max-size=100000",
					"larder.caches.raw.near-cache.enabled=false")
			.run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(manager.nearCacheSettingsFor("other"))
					.isEqualTo(new NearCacheSettings(true, 500, Duration.ofSeconds(30)));
				assertThat(manager.nearCacheSettingsFor("prices"))
					.isEqualTo(new NearCacheSettings(true, 500, Duration.ofSeconds(2)));
				assertThat(manager.nearCacheSettingsFor("huge"))
					.isEqualTo(new NearCacheSettings(true, 100_000, Duration.ofSeconds(30)));
				assertThat(manager.nearCacheSettingsFor("raw").enabled()).isFalse();
				assertThat(manager.getCache("raw").getNearCache()).isNull();
				assertThat(manager.getCache("prices").getNearCache()).isNotNull();
			});
	}

	@Test
	void itCanBeSwitchedOffForEveryCacheAndOnForOne() {
		this.runner.withPropertyValues("larder.near-cache.enabled=false", "larder.caches.hot.near-cache.enabled=true")
			.run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(manager.getCache("cold").getNearCache()).isNull();
				assertThat(manager.getCache("hot").getNearCache()).isNotNull();
			});
	}

	@Test
	void redisHasNoNearCacheByDefault() {
		this.runner.withPropertyValues("larder.backend=redis", "larder.redis.url=" + redis.uri()).run((context) -> {
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			assertThat(manager.nearCacheSettingsFor("any").enabled()).isFalse();
			assertThat(manager.getCache("products").getNearCache()).isNull();
		});
	}

	@Test
	void caffeineNeverHasANearCache() {
		this.runner.withPropertyValues("larder.backend=caffeine", "larder.near-cache.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(LarderCacheManager.class).getCache("products").getNearCache()).isNull();
		});
	}

	@Test
	void memcachedHasNoNearCacheByDefault() {
		memcachedRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(LarderCacheManager.class).getCache("products").getNearCache()).isNull();
		});
	}

	@Test
	void memcachedRefusesANearCacheWithoutATtl() {
		memcachedRunner().withPropertyValues("larder.near-cache.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("larder.near-cache.ttl")
				.hasMessageContaining("memcached backend reports no changed keys");
		});
		memcachedRunner().withPropertyValues("larder.caches.products.near-cache.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("larder.caches.products.near-cache.ttl");
		});
	}

	@Test
	void memcachedAcceptsANearCacheWithATtl() {
		memcachedRunner().withPropertyValues("larder.near-cache.enabled=true", "larder.near-cache.ttl=5s")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
				assertThat(cache.getNearCache()).isNotNull();
				cache.put("k", "v");
				assertThat(cache.get("k").get()).isEqualTo("v");
				assertThat(cache.get("k").get()).isEqualTo("v");
				assertThat(cache.getStatistics().nearHitCount()).isEqualTo(1);
				cache.evict("k");
				assertThat(cache.get("k")).as("a write through the cache drops the near entry").isNull();
			});
	}

	@Test
	void aNonPositiveMaxSizeIsRefusedNamingTheProperty() {
		this.runner.withPropertyValues("larder.caches.products.near-cache.max-size=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("larder.caches.products.near-cache.max-size")
				.hasStackTraceContaining("must be positive");
		});
		this.runner.withPropertyValues("larder.near-cache.max-size=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("larder.near-cache.max-size");
		});
	}

	private ApplicationContextRunner memcachedRunner() {
		return this.runner.withPropertyValues("larder.backend=memcached",
				"larder.memcached.servers=" + memcached.address());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

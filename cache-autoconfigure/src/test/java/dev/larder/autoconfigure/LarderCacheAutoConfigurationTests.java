package dev.larder.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.larder.autoconfigure.caffeine.LarderCaffeineCustomizer;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.caffeine.CaffeineBackend;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.serialization.JdkValueSerializer;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.UntrustedTypeException;
import dev.larder.cache.serialization.ValueSerializer;
import dev.larder.cache.testing.BrokenBackend;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LarderCacheAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class, CacheAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withPropertyValues("larder.backend=caffeine");

	@Test
	void cachingEnabledGetsALarderCacheManagerOnTheEmbeddedEngineByDefault() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class, CacheAutoConfiguration.class))
			.withUserConfiguration(CachingConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(CacheManager.class);
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(manager.getBackend()).isInstanceOf(dev.larder.cache.embedded.EmbeddedBackend.class);
				assertThat(context).hasSingleBean(dev.larder.engine.Engine.class);
				assertThat(context.getBean(dev.larder.engine.Engine.class).port()).as("no socket unless asked")
					.isEqualTo(-1);
			});
	}

	@Test
	void caffeineIsChosenByProperty() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CacheManager.class);
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			assertThat(manager.getBackend()).isInstanceOf(CaffeineBackend.class);
			assertThat(manager.isDynamic()).isTrue();
			LarderCache cache = manager.getCache("anything");
			assertThat(cache.getSettings()).isEqualTo(CacheSettings.defaults());
			assertThat(context.getBean(ValueSerializer.class)).isInstanceOf(JsonValueSerializer.class);
		});
	}

	@Test
	void withoutEnableCachingNothingIsConfigured() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CacheManager.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesACacheManager() {
		this.runner.withUserConfiguration(OwnCacheManagerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CacheManager.class);
			assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
			assertThat(context).doesNotHaveBean(LarderCacheManager.class);
		});
	}

	@Test
	void stepsAsideWhenSpringCacheTypeIsSet() {
		this.runner.withPropertyValues("spring.cache.type=none").run((context) -> {
			assertThat(context).doesNotHaveBean(LarderCacheManager.class);
			assertThat(context.getBean(CacheManager.class)).isInstanceOf(NoOpCacheManager.class);
		});
	}

	@Test
	void defaultsApplyToEveryCache() {
		this.runner
			.withPropertyValues("larder.default-ttl=10m", "larder.default-ttl-jitter=0.2", "larder.null-values=false")
			.run((context) -> {
				CacheSettings settings = context.getBean(LarderCacheManager.class).getCache("any").getSettings();
				assertThat(settings.ttl()).isEqualTo(Duration.ofMinutes(10));
				assertThat(settings.ttlJitter()).isEqualTo(0.2);
				assertThat(settings.allowNullValues()).isFalse();
			});
	}

	@Test
	void perCacheSettingsOverrideTheDefaults() {
		this.runner
			.withPropertyValues("larder.default-ttl=10m", "larder.caches.products.ttl=30s",
					"larder.caches.products.ttl-jitter=0.1", "larder.caches.products.null-values=false",
					"larder.caches.products.max-size=500")
			.run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(manager.getCacheNames()).containsExactly("products");
				assertThat(manager.getCache("products").getSettings())
					.isEqualTo(new CacheSettings(Duration.ofSeconds(30), 0.1, false, 500));
				assertThat(manager.getCache("other").getSettings().ttl()).isEqualTo(Duration.ofMinutes(10));
			});
	}

	@Test
	void statisticsCanBeSwitchedOff() {
		this.runner.withPropertyValues("larder.statistics=false").run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("quiet");
			cache.put("k", "v");
			cache.get("k");
			cache.get("missing");
			assertThat(cache.getStatistics().isEnabled()).isFalse();
			assertThat(cache.getStatistics().hitCount() + cache.getStatistics().missCount()
					+ cache.getStatistics().putCount())
				.isZero();
		});
	}

	@Test
	void cacheNamesFixTheSetOfCaches() {
		this.runner.withPropertyValues("larder.cache-names=products,prices").run((context) -> {
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			assertThat(manager.getCacheNames()).containsExactly("products", "prices");
			assertThat(manager.getCache("unknown")).isNull();
		});
	}

	@Test
	void caffeineSpecAndMaxSizeShapeTheCaffeineCaches() {
		this.runner.withPropertyValues("larder.caffeine.spec=maximumSize=2", "larder.caches.big.max-size=1000")
			.run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(((CaffeineBackend) manager.getBackend()).getSpec()).isEqualTo("maximumSize=2");
				var small = (com.github.benmanes.caffeine.cache.Cache<?, ?>) manager.getCache("small").getNativeCache();
				var big = (com.github.benmanes.caffeine.cache.Cache<?, ?>) manager.getCache("big").getNativeCache();
				assertThat(small.policy().eviction().orElseThrow().getMaximum()).isEqualTo(2);
				assertThat(big.policy().eviction().orElseThrow().getMaximum()).isEqualTo(1000);
			});
	}

	@Test
	void storeByValueGivesCopies() {
		this.runner.withPropertyValues("larder.caffeine.store-by-value=true").run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("copies");
			java.util.ArrayList<String> value = new java.util.ArrayList<>(java.util.List.of("a"));
			cache.put("k", value);
			value.add("changed after put");
			assertThat(cache.get("k").get()).isEqualTo(java.util.List.of("a"));
		});
	}

	@Test
	void keyPrefixIsUsedByBackendsThatRenderKeys() {
		this.runner.withPropertyValues("larder.key-prefix=app1:", "larder.caffeine.store-by-value=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void jdkSerializationIsOptIn() {
		this.runner.withPropertyValues("larder.serialization.format=jdk")
			.run((context) -> assertThat(context.getBean(ValueSerializer.class))
				.isInstanceOf(JdkValueSerializer.class));
	}

	@Test
	void allowedPackagesWidenTheAllowList() {
		this.runner.withPropertyValues("larder.caffeine.store-by-value=true").run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("refused");
			org.assertj.core.api.Assertions.assertThatExceptionOfType(UntrustedTypeException.class)
				.isThrownBy(() -> cache.put("k", new java.awt.Point(1, 2)))
				.withMessageContaining("java.awt.Point")
				.withMessageContaining("larder.serialization.allowed-packages");
		});
		this.runner
			.withPropertyValues("larder.caffeine.store-by-value=true", "larder.serialization.allowed-packages=java.awt")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("allowed");
				cache.put("k", new java.awt.Point(1, 2));
				assertThat(cache.get("k").get()).isEqualTo(new java.awt.Point(1, 2));
			});
	}

	@Test
	void failOpenTurnsBackendFailuresIntoMisses() {
		BrokenBackend backend = new BrokenBackend();
		this.runner.withBean(CacheBackend.class, () -> backend).run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("fragile");
			cache.put("k", "v");
			backend.goDown();
			assertThat(cache.get("k")).isNull();
			assertThat(cache.get("k", () -> "from source")).isEqualTo("from source");
			assertThat(cache.getStatistics().errorCount()).isGreaterThanOrEqualTo(2);
			backend.comeBack();
			assertThat(cache.get("k", String.class)).isEqualTo("v");
		});
	}

	@Test
	void failOpenFalsePropagatesBackendFailures() {
		BrokenBackend backend = new BrokenBackend();
		this.runner.withBean(CacheBackend.class, () -> backend)
			.withPropertyValues("larder.fail-open=false")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("fragile");
				backend.goDown();
				assertThatIllegalStateException().isThrownBy(() -> cache.get("k")).withMessage("backend is down");
			});
	}

	@Test
	void customizersAdjustTheManager() {
		this.runner
			.withBean(LarderCacheManagerCustomizer.class,
					() -> (builder) -> builder.cache("custom", CacheSettings.defaults().withMaxSize(7)))
			.run((context) -> assertThat(
					context.getBean(LarderCacheManager.class).getCache("custom").getSettings().maxSize())
				.isEqualTo(7));
	}

	@Test
	void caffeineCustomizersAdjustEachCachesBuilderInOrder() {
		this.runner.withUserConfiguration(OrderedCaffeineCustomizers.class)
			.withPropertyValues("larder.caches.products.ttl=1m")
			.run((context) -> {
				OrderedCaffeineCustomizers customizers = context.getBean(OrderedCaffeineCustomizers.class);
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				LarderCache products = manager.getCache("products");
				products.put("k", "v");
				manager.getCache("other");
				assertThat(customizers.applied).containsExactly("first:products", "second:products", "first:other",
						"second:other");
				customizers.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
				assertThat(products.get("k", String.class)).isEqualTo("v");
				customizers.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
				assertThat(products.get("k")).as("expired on the second customizer's ticker").isNull();
			});
	}

	@Test
	void caffeineCustomizersAreNotUsedByAnotherBackend() {
		this.runner.withUserConfiguration(OrderedCaffeineCustomizers.class)
			.withPropertyValues("larder.backend=embedded")
			.run((context) -> {
				context.getBean(LarderCacheManager.class).getCache("embedded").put("k", "v");
				assertThat(context).doesNotHaveBean(CaffeineBackend.class);
				assertThat(context.getBean(OrderedCaffeineCustomizers.class).applied).isEmpty();
			});
	}

	@Test
	void negativeTtlFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.caches.products.ttl=-5s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(bindFailure(context.getStartupFailure()).getMessage()).contains("larder.caches.products.ttl")
				.contains("zero (no expiry) or positive");
		});
	}

	@Test
	void jitterOverOneFailsStartupNamingThePropertyAndTheRange() {
		this.runner.withPropertyValues("larder.default-ttl-jitter=1.5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(bindFailure(context.getStartupFailure()).getMessage()).contains("larder.default-ttl-jitter")
				.contains("between 0 and 1");
		});
	}

	@Test
	void refreshAheadAndStaleIfErrorAreSetPerCacheAndByDefault() {
		this.runner
			.withPropertyValues("larder.default-ttl=10m", "larder.default-refresh-ahead=xfetch",
					"larder.default-stale-if-error=1m", "larder.caches.products.refresh-ahead=80%",
					"larder.caches.products.stale-if-error=5m", "larder.caches.prices.refresh-ahead=off")
			.run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				CacheSettings products = manager.getCache("products").getSettings();
				assertThat(products.refreshAhead()).isEqualTo(RefreshAhead.fraction(0.8));
				assertThat(products.staleIfError()).isEqualTo(Duration.ofMinutes(5));
				assertThat(manager.getCache("prices").getSettings().refreshAhead()).isEqualTo(RefreshAhead.OFF);
				CacheSettings other = manager.getCache("other").getSettings();
				assertThat(other.refreshAhead()).isEqualTo(RefreshAhead.xfetch(1.0));
				assertThat(other.staleIfError()).isEqualTo(Duration.ofMinutes(1));
			});
	}

	@Test
	void anUnreadableRefreshAheadFailsStartupSayingWhatIsAllowed() {
		this.runner.withPropertyValues("larder.caches.products.ttl=10m", "larder.caches.products.refresh-ahead=soon")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(bindFailure(context.getStartupFailure()).getMessage())
					.contains("larder.caches.products.refresh-ahead")
					.contains("0.8 or 80%")
					.contains("xfetch");
			});
	}

	@Test
	void refreshAheadOrStaleIfErrorWithoutATtlFailsStartupNamingTheTtlProperty() {
		this.runner
			.withPropertyValues("larder.caches.products.refresh-ahead=0.8", "larder.caches.products.stale-if-error=5m")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(bindFailure(context.getStartupFailure()).getMessage())
					.contains("larder.caches.products.refresh-ahead needs a ttl: set larder.caches.products.ttl")
					.contains("larder.caches.products.stale-if-error needs a ttl");
			});
	}

	@Test
	void negativeStaleIfErrorFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.default-stale-if-error=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(bindFailure(context.getStartupFailure()).getMessage()).contains("larder.default-stale-if-error")
				.contains("zero (never serve stale) or positive");
		});
	}

	@Test
	void unknownBackendFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.backend=hazelcast").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(bindFailure(context.getStartupFailure()).getMessage()).contains("larder.backend");
		});
	}

	@Test
	void aBackendThatCannotBeBuiltFailsStartupInsteadOfFallingBack() {
		this.runner.withPropertyValues("larder.backend=memcached")
			.withClassLoader(new FilteredClassLoader("net.rubyeye.xmemcached"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(BackendUnavailableException.class)
					.hasMessageContaining("larder.backend=memcached")
					.hasMessageContaining("com.googlecode.xmemcached:xmemcached");
			});
	}

	@Test
	void aBackendWhoseClientIsMissingFailsStartupNamingTheArtifact() {
		this.runner.withClassLoader(new FilteredClassLoader(com.github.benmanes.caffeine.cache.Caffeine.class))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(BackendUnavailableException.class)
					.hasMessageContaining("larder.backend=caffeine")
					.hasMessageContaining("com.github.ben-manes.caffeine:caffeine");
			});
	}

	@Test
	void backendUnavailableFailureAnalysisSaysWhatToDo() {
		this.runner.withPropertyValues("larder.backend=memcached")
			.withClassLoader(new FilteredClassLoader("net.rubyeye.xmemcached"))
			.run((context) -> {
				var analysis = new BackendUnavailableFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("larder.backend=memcached");
				assertThat(analysis.getAction()).contains("larder.backend");
			});
	}

	@Test
	void malformedCaffeineSpecFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.caffeine.spec=maximumSize=lots").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(bindFailure(context.getStartupFailure()).getMessage()).contains("larder.caffeine.spec")
				.contains("maximumSize");
		});
	}

	@Test
	void caffeineSpecExpiryAndATtlTogetherFailStartup() {
		this.runner.withPropertyValues("larder.caffeine.spec=expireAfterWrite=5m", "larder.caches.products.ttl=1m")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("products")
					.hasMessageContaining("expireAfterWrite");
			});
	}

	private static Throwable bindFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BindValidationException || t instanceof BindException && t.getCause() == null) {
				return t;
			}
			if (t instanceof BindException bind && !(bind.getCause() instanceof BindValidationException)) {
				return bind;
			}
		}
		throw new AssertionError("No BindException in " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

	/** Declared second-first, so that only their order puts them right. */
	@Configuration(proxyBeanMethods = false)
	static class OrderedCaffeineCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		final AtomicLong nanos = new AtomicLong();

		@Bean
		@Order(2)
		LarderCaffeineCustomizer second() {
			return (cacheName, builder) -> {
				this.applied.add("second:" + cacheName);
				builder.ticker(this.nanos::get);
			};
		}

		@Bean
		@Order(1)
		LarderCaffeineCustomizer first() {
			return (cacheName, builder) -> this.applied.add("first:" + cacheName);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCacheManagerConfiguration {

		@Bean
		CacheManager myCacheManager() {
			return new ConcurrentMapCacheManager();
		}

	}

}

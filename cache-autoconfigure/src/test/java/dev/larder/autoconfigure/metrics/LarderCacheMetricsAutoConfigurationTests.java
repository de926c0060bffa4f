package dev.larder.autoconfigure.metrics;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class LarderCacheMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderCacheMetricsAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withPropertyValues("larder.backend=caffeine");

	@Test
	void cachesCreatedAtStartupAndAtRuntimeAreBoundWithBootsTags() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("larder.caches.startup.ttl=1m")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				LarderCache runtime = manager.getCache("runtime");
				runtime.put("k", "v");
				runtime.get("k");
				runtime.get("missing");
				runtime.evict("k");
				manager.getCache("startup").get("k");
				assertThat(
						registry.get("cache.gets").tags("cache", "runtime", "result", "hit").functionCounter().count())
					.isEqualTo(1);
				assertThat(
						registry.get("cache.gets").tags("cache", "runtime", "result", "miss").functionCounter().count())
					.isEqualTo(1);
				assertThat(registry.get("cache.puts").tags("cache", "runtime").functionCounter().count()).isEqualTo(1);
				assertThat(registry.get("cache.removals").tags("cache", "runtime").functionCounter().count())
					.isEqualTo(1);
				assertThat(registry.get("cache.size").tags("cache", "runtime").gauge().value()).isZero();
				assertThat(registry.get("cache.gets")
					.tags("cache", "startup", "result", "miss", "cache.manager", "cacheManager", "name", "startup")
					.functionCounter()
					.count()).isEqualTo(1);
				assertThat(registry.find("cache.errors").tags("cache", "runtime").functionCounter()).isNotNull();
				assertThat(registry.find("cache.load.duration").tags("cache", "runtime", "result", "success").timer())
					.isNotNull();
			});
	}

	@Test
	void nearCacheHitsAndMissesAreCountedPerLevel() {
		this.runner.withBean(SimpleMeterRegistry.class).withPropertyValues("larder.backend=embedded").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("near");
			cache.put("k", "v");
			cache.get("k"); // near miss, backend hit: fills the near cache
			cache.get("k"); // near hit
			cache.get("k"); // near hit
			cache.get("missing"); // near miss, backend miss
			assertThat(levelGets(registry, "near", "hit")).isEqualTo(2);
			assertThat(levelGets(registry, "near", "miss")).isEqualTo(2);
			assertThat(levelGets(registry, "backend", "hit")).isEqualTo(1);
			assertThat(levelGets(registry, "backend", "miss")).isEqualTo(1);
			assertThat(registry.get("cache.gets").tags("cache", "near", "result", "hit").functionCounter().count())
				.as("each get counted once")
				.isEqualTo(3);
			assertThat(registry.get("cache.gets").tags("cache", "near", "result", "miss").functionCounter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void withoutANearCacheThereAreNoLevelMeters() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			context.getBean(LarderCacheManager.class).getCache("local").get("k");
			assertThat(context.getBean(MeterRegistry.class).find("cache.level.gets").meters()).isEmpty();
		});
	}

	private static double levelGets(MeterRegistry registry, String level, String result) {
		return registry.get("cache.level.gets")
			.tags("cache", "near", "level", level, "result", result)
			.functionCounter()
			.count();
	}

	void loadTimesAreATimerPerOutcome() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("loaded");
			cache.get("a", () -> "v");
			cache.get("b", () -> "v");
			assertThatException().isThrownBy(() -> cache.get("c", () -> {
				throw new IllegalStateException("down");
			}));
			Timer loaded = registry.get("cache.load.duration").tags("cache", "loaded", "result", "success").timer();
			Timer failed = registry.get("cache.load.duration").tags("cache", "loaded", "result", "failure").timer();
			assertThat(loaded.count()).isEqualTo(2);
			assertThat(failed.count()).isEqualTo(1);
		});
	}

	@Test
	void withoutAMeterRegistryNothingIsBound() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(LarderCacheMetricsBinder.class));
	}

	@Test
	void cacheManagerTagFollowsBootsNaming() {
		assertThat(LarderCacheMetricsBinder.managerName("cacheManager")).isEqualTo("cacheManager");
		assertThat(LarderCacheMetricsBinder.managerName("secondaryCacheManager")).isEqualTo("secondary");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

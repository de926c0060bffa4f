package dev.larder.autoconfigure.metrics;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cache.evictions} on the embedded backend counts both ways an entry leaves on its
 * own: past the cache's max-size, and past the engine's max-memory.
 */
class EmbeddedEvictionMetricsTests {

	private static final String PAGE = "x".repeat(1024);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderCacheMetricsAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withBean(SimpleMeterRegistry.class);

	@Test
	void entriesPastAMaxSizeAreEvictions() {
		this.runner.withPropertyValues("larder.caches.bounded.max-size=10").run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("bounded");
			for (int i = 0; i < 100; i++) {
				cache.put(i, i);
			}
			assertThat(evictions(context.getBean(MeterRegistry.class), "bounded")).isEqualTo(90);
			assertThat(context.getBean(MeterRegistry.class).get("cache.size").tag("cache", "bounded").gauge().value())
				.isEqualTo(10);
		});
	}

	@Test
	void entriesTheEngineEvictsPastMaxMemoryAreEvictionsOfTheirCache() {
		this.runner.withPropertyValues("larder.embedded.max-memory=2MB").run((context) -> {
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			manager.getCache("untouched").put("k", "v");
			LarderCache pages = manager.getCache("pages");
			for (int i = 0; i < 10_000; i++) { // about 10 MB
				pages.put(i, PAGE);
			}
			assertThat(evictions(context.getBean(MeterRegistry.class), "pages")).isGreaterThan(5_000);
		});
	}

	private static double evictions(MeterRegistry registry, String cache) {
		return registry.get("cache.evictions").tag("cache", cache).functionCounter().count();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

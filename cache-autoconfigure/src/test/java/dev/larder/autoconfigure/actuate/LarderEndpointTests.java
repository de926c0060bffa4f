package dev.larder.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.engine.Engine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LarderEndpointTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderEndpointAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=larder");

	@Test
	@SuppressWarnings("unchecked")
	void reportsEveryCacheWithItsSettingsAndCountersAndTheEngine() {
		this.runner.withPropertyValues("larder.caches.products.ttl=10m", "larder.caches.products.max-size=100")
			.run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				LarderCache products = manager.getCache("products");
				products.get(1, () -> "tea");
				products.get(1, () -> "never loaded");
				products.get(1, () -> "never loaded");
				manager.getCache("other").put("k", "v");
				Engine engine = context.getBean(Engine.class);
				engine.execute("CONFIG", "SET", "slowlog-log-slower-than", "0");
				engine.execute("PING");

				Map<String, Object> report = context.getBean(LarderEndpoint.class).larder();
				assertThat(report).containsEntry("backend", "embedded");
				Map<String, Object> caches = (Map<String, Object>) report.get("caches");
				assertThat(caches).containsOnlyKeys("other", "products");
				Map<String, Object> cache = (Map<String, Object>) caches.get("products");
				assertThat((Map<String, Object>) cache.get("settings")).containsEntry("ttl", "PT10M")
					.containsEntry("maxSize", 100L);
				assertThat(cache).containsEntry("size", 1L);
				Map<String, Object> statistics = (Map<String, Object>) cache.get("statistics");
				assertThat(statistics).containsEntry("hits", 2L)
					.containsEntry("misses", 1L)
					.containsEntry("hitRatio", 2.0 / 3)
					.containsEntry("loads", Map.of("success", 1L, "failure", 0L))
					.containsEntry("refreshes", Map.of("success", 0L, "failure", 0L))
					.containsEntry("stale", 0L);
				// the load, a read that fills the near cache, a near hit
				assertThat((Map<String, Object>) cache.get("nearCache")).containsEntry("size", 1L)
					.containsEntry("hits", 1L)
					.containsEntry("misses", 2L);

				Map<String, Object> engineReport = (Map<String, Object>) report.get("engine");
				assertThat((Map<String, Object>) engineReport.get("memory")).containsKeys("used_memory",
						"maxmemory_policy");
				assertThat((Map<String, Object>) engineReport.get("server")).containsKey("redis_version");
				Map<String, Object> keyspace = (Map<String, Object>) engineReport.get("keyspace");
				assertThat((Map<String, String>) keyspace.get("db0")).containsEntry("keys", "2");
				List<Map<String, Object>> slowlog = (List<Map<String, Object>>) engineReport.get("slowlog");
				assertThat(slowlog).isNotEmpty();
				assertThat(slowlog.get(0)).containsKeys("id", "timestamp", "durationMicros", "command", "client");
				assertThat(slowlog).anySatisfy((entry) -> assertThat(entry.get("command")).isEqualTo(List.of("PING")));
			});
	}

	@Test
	void oneCacheByNameAndNothingForAnUnknownOne() {
		this.runner.run((context) -> {
			context.getBean(LarderCacheManager.class).getCache("known").put("k", "v");
			LarderEndpoint endpoint = context.getBean(LarderEndpoint.class);
			assertThat(endpoint.cache("known")).containsKeys("settings", "statistics");
			assertThat(endpoint.cache("unknown")).isNull();
		});
	}

	@Test
	void withoutAnEngineTheReportHasNoEngineSection() {
		this.runner.withPropertyValues("larder.backend=caffeine").run((context) -> {
			assertThat(context.getBean(LarderEndpoint.class).larder()).containsEntry("backend", "caffeine")
				.doesNotContainKey("engine");
		});
	}

	@Test
	void anEndpointThatIsNotExposedIsNotCreated() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderEndpointAutoConfiguration.class))
			.withUserConfiguration(CachingConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(LarderEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

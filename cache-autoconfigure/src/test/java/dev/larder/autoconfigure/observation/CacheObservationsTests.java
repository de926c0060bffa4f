package dev.larder.autoconfigure.observation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.observation.ObservationCacheObserver;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With an ObservationRegistry, a cache load is a {@code larder.cache} observation (a span
 * per miss that reached the loader); gets only when asked for.
 */
class CacheObservationsTests {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withBean(ObservationRegistry.class, () -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

				@Override
				public void onStop(Observation.Context context) {
					CacheObservationsTests.this.stopped.add(context);
				}

			});
			return registry;
		});

	@Test
	void loadsAreObservedWithTheirOutcomeAndHitsAreNot() {
		this.runner.run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
			cache.get(1, () -> "tea");
			cache.get(1, () -> "never loaded");
			assertThatException().isThrownBy(() -> cache.get(2, () -> {
				throw new IllegalStateException("down");
			}));
			cache.retrieve(3, () -> CompletableFuture.completedFuture("jam")).join();
			assertThat(tags()).containsExactly(load("success"), load("failure"), load("success"));
			assertThat(this.stopped).allSatisfy(
					(observation) -> assertThat(observation.getName()).isEqualTo(ObservationCacheObserver.NAME));
			assertThat(this.stopped.get(1).getError()).isInstanceOf(IllegalStateException.class);
		});
	}

	@Test
	void getsAreObservedWhenAskedFor() {
		this.runner.withPropertyValues("larder.observations.cache-gets=true").run((context) -> {
			LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
			cache.put(1, "tea");
			cache.get(1);
			cache.get(2);
			assertThat(tags()).containsExactly(get("hit"), get("miss"));
		});
	}

	@Test
	void observationsCanBeTurnedOff() {
		this.runner.withPropertyValues("larder.observations.enabled=false").run((context) -> {
			context.getBean(LarderCacheManager.class).getCache("products").get(1, () -> "tea");
			assertThat(this.stopped).isEmpty();
		});
	}

	private static Map<String, String> load(String result) {
		return Map.of("cache", "products", "backend", "embedded", "operation", "load", "result", result);
	}

	private static Map<String, String> get(String result) {
		return Map.of("cache", "products", "backend", "embedded", "operation", "get", "result", result);
	}

	private List<Map<String, String>> tags() {
		return this.stopped.stream()
			.map((context) -> context.getLowCardinalityKeyValues()
				.stream()
				.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue)))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

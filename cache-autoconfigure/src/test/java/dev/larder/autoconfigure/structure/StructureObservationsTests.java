package dev.larder.autoconfigure.structure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Each lock wait and rate-limit decision is one observation, tagged with its outcome. */
class StructureObservationsTests {

	private final RecordingHandler handler = new RecordingHandler();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderStructuresAutoConfiguration.class))
		.withBean(ObservationRegistry.class, () -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(this.handler);
			return registry;
		});

	@Test
	void lockWaitsAreObservedAsAcquiredOrNot() {
		this.runner.run((context) -> {
			Locks locks = context.getBean(Locks.class);
			Optional<LockHandle> held = locks.lock("trim").tryAcquire(Duration.ZERO, Duration.ofMinutes(1));
			assertThat(held).isPresent();
			assertThat(locks.lock("trim").tryAcquire(Duration.ofMillis(20), Duration.ofMinutes(1))).isEmpty();
			held.get().close();
			assertThat(this.handler.tags()).containsExactly(
					Map.of("structure", "lock", "name", "trim", "backend", "embedded", "result", "acquired"),
					Map.of("structure", "lock", "name", "trim", "backend", "embedded", "result", "not-acquired"));
			assertThat(this.handler.stopped).allSatisfy(
					(observation) -> assertThat(observation.getName()).isEqualTo(MicrometerStructureObservations.NAME));
		});
	}

	@Test
	void rateLimitDecisionsAreObservedByLimiterNotByKey() {
		this.runner.run((context) -> {
			RateLimiter limiter = context.getBean(RateLimiters.class)
				.limiter("api", RateLimit.tokenBucket(1, Duration.ofHours(1)));
			limiter.tryAcquire("client-1");
			limiter.tryAcquire("client-1");
			assertThat(this.handler.tags()).containsExactly(
					Map.of("structure", "rate-limiter", "name", "api", "backend", "embedded", "result", "allowed"),
					Map.of("structure", "rate-limiter", "name", "api", "backend", "embedded", "result", "rejected"));
		});
	}

	@Test
	void observationsCanBeTurnedOff() {
		this.runner.withPropertyValues("larder.observations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(StructureObservations.class);
			context.getBean(Locks.class).lock("trim").tryAcquire(Duration.ZERO, Duration.ofMinutes(1));
			assertThat(this.handler.stopped).isEmpty();
		});
	}

	static final class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		List<Map<String, String>> tags() {
			return this.stopped.stream()
				.map((context) -> context.getLowCardinalityKeyValues()
					.stream()
					.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue)))
				.toList();
		}

	}

}

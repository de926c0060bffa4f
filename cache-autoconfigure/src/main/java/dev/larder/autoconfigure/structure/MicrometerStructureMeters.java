package dev.larder.autoconfigure.structure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code larder.structures.rate-limit.decisions} (tags {@code limiter},
 * {@code result=allowed|rejected}, {@code backend}) and
 * {@code larder.structures.lock.attempts} (tags {@code lock},
 * {@code result=acquired|not-acquired}, {@code backend}). Tagged by the limiter's and the
 * lock's name, never by the limited key, which is unbounded (a client, a user).
 */
final class MicrometerStructureMeters implements StructureMeters {

	static final String RATE_LIMIT_DECISIONS = "larder.structures.rate-limit.decisions";

	static final String LOCK_ATTEMPTS = "larder.structures.lock.attempts";

	private final ObjectProvider<MeterRegistry> registry;

	MicrometerStructureMeters(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void rateLimitDecision(String backend, String limiter, boolean allowed) {
		count(RATE_LIMIT_DECISIONS, "Rate-limit decisions of Larder's rate limiters", "limiter", limiter,
				allowed ? "allowed" : "rejected", backend);
	}

	@Override
	public void lockAttempt(String backend, String lock, boolean acquired) {
		count(LOCK_ATTEMPTS, "Attempts to acquire Larder's distributed locks", "lock", lock,
				acquired ? "acquired" : "not-acquired", backend);
	}

	private void count(String meter, String description, String nameTag, String name, String result, String backend) {
		MeterRegistry meters = this.registry.getIfAvailable();
		if (meters != null) {
			Counter.builder(meter)
				.description(description)
				.tag(nameTag, name)
				.tag("result", result)
				.tag("backend", backend)
				.register(meters)
				.increment();
		}
	}

}

package dev.larder.autoconfigure.structure;

import dev.larder.cache.backend.BackendHealth;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the backend that carries the structures apart from the cache
 * ({@code /actuator/health/larderStructures}): the {@code larder} component reports the
 * cache's backend only.
 */
class SeparateStructuresBackendHealthIndicator extends AbstractHealthIndicator {

	private final SeparateStructuresBackend backend;

	SeparateStructuresBackendHealthIndicator(SeparateStructuresBackend backend) {
		super("Larder structures backend health check failed");
		this.backend = backend;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		BackendHealth health = this.backend.health();
		(health.up() ? builder.up() : builder.down()).withDetails(health.details());
	}

}

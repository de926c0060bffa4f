package dev.larder.autoconfigure.health;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.BackendHealth;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the cache backend: up or down, with what the backend reports (topology,
 * nodes, ping latency). A down cache does not take the application down when it fails
 * open, but an operator should see it.
 */
class LarderHealthIndicator extends AbstractHealthIndicator {

	private final LarderCacheManager cacheManager;

	LarderHealthIndicator(LarderCacheManager cacheManager) {
		super("Larder cache health check failed");
		this.cacheManager = cacheManager;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		BackendHealth health = this.cacheManager.getBackend().health();
		(health.up() ? builder.up() : builder.down()).withDetails(health.details());
	}

}

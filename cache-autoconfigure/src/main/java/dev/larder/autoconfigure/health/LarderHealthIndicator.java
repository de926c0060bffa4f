package dev.larder.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.BackendHealth;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the cache backend: up or down, with what the backend reports (topology,
 * nodes, ping latency). A down cache does not take the application down when it fails
 * open, but an operator should see it.
 *
 * <p>
 * The backends bound their own checks (Redis answers within its fail-fast budget), but a
 * health endpoint must never hang whatever backend is plugged in: the check runs on one
 * thread of its own and is answered DOWN, with the reason, when it takes longer than
 * {@link #DEFAULT_TIMEOUT}. A check stuck in a backend holds only that thread; later
 * checks queue behind it and time out too, so no thread pile-up follows.
 */
class LarderHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	/** The longest a health check waits for the backend's answer. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final LarderCacheManager cacheManager;

	private final Duration timeout;

	private final ExecutorService checks = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "larder-health");
		thread.setDaemon(true);
		return thread;
	});

	LarderHealthIndicator(LarderCacheManager cacheManager) {
		this(cacheManager, DEFAULT_TIMEOUT);
	}

	LarderHealthIndicator(LarderCacheManager cacheManager, Duration timeout) {
		super("Larder cache health check failed");
		this.cacheManager = cacheManager;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws InterruptedException {
		Executor executor = this.checks;
		CompletableFuture<BackendHealth> check = CompletableFuture
			.supplyAsync(() -> this.cacheManager.getBackend().health(), executor);
		try {
			BackendHealth health = check.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
			(health.up() ? builder.up() : builder.down()).withDetails(health.details());
		}
		catch (TimeoutException ex) {
			check.cancel(false);
			builder.down()
				.withDetail("backend", this.cacheManager.getBackend().type())
				.withDetail("error", "The health check did not finish within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			builder.down((ex.getCause() != null) ? ex.getCause() : ex);
		}
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}

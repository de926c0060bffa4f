package dev.larder.autoconfigure.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.caffeine.CaffeineBackend;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicator answers within its bound whatever the backend does. */
class LarderHealthIndicatorTests {

	@Test
	void aBackendWhoseCheckHangsIsReportedDownWithTheReasonWithinTheTimeout() {
		CountDownLatch release = new CountDownLatch(1);
		HangingBackend backend = new HangingBackend(release);
		LarderHealthIndicator indicator = new LarderHealthIndicator(LarderCacheManager.builder(backend).build(),
				Duration.ofMillis(200));
		try {
			for (int i = 0; i < 2; i++) {
				long start = System.nanoTime();
				Health health = indicator.health();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("backend", "hanging")
					.containsEntry("error", "The health check did not finish within 200 ms");
			}
			release.countDown();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			release.countDown();
			indicator.destroy();
		}
	}

	/**
	 * A local backend whose health check blocks until released, as a stuck client would.
	 */
	private static final class HangingBackend implements CacheBackend {

		private final CaffeineBackend local = new CaffeineBackend();

		private final CountDownLatch release;

		HangingBackend(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public String type() {
			return "hanging";
		}

		@Override
		public CacheStore createStore(StoreContext context) {
			return this.local.createStore(context);
		}

		@Override
		public boolean storesReferences() {
			return true;
		}

		@Override
		public boolean requiresStringKeys() {
			return false;
		}

		@Override
		public BackendHealth health() {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return BackendHealth.up(Map.of("backend", type()));
		}

	}

}

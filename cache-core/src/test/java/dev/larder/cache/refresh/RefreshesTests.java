package dev.larder.cache.refresh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.larder.cache.conformance.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookkeeping around background reloads: one per entry per JVM, none without the
 * lock, named threads, a pool that closes.
 */
class RefreshesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final RefreshExecutor executor = new RefreshExecutor(2, 4);

	@AfterEach
	void close() {
		this.executor.close();
	}

	@Test
	void oneReloadPerEntryRunsAtATimeOnANamedRefreshThread() throws Exception {
		Refreshes refreshes = new Refreshes("c", this.executor, RefreshLock.LOCAL);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<String> thread = new AtomicReference<>();
		AtomicInteger runs = new AtomicInteger();
		Refreshes.Reload reload = () -> {
			runs.incrementAndGet();
			thread.set(Thread.currentThread().getName());
			return CompletableFuture.runAsync(() -> {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		};
		assertThat(refreshes.start("k", Duration.ofSeconds(1), reload)).isTrue();
		assertThat(refreshes.start("k", Duration.ofSeconds(1), reload)).as("already in flight").isFalse();
		assertThat(refreshes.start("other", Duration.ofSeconds(1), () -> CompletableFuture.completedFuture(null)))
			.isTrue();
		Eventually.await(WAIT, "the reload started", () -> thread.get() != null);
		assertThat(thread.get()).startsWith("larder-refresh-");
		release.countDown();
		Eventually.await(WAIT, "the reloads finished", () -> refreshes.inFlightCount() == 0);
		assertThat(refreshes.start("k", Duration.ofSeconds(1), () -> {
			runs.incrementAndGet();
			return CompletableFuture.completedFuture(null);
		})).as("done, so it may run again").isTrue();
		Eventually.await(WAIT, "the second reload ran", () -> runs.get() == 2);
	}

	@Test
	void withoutTheLockNothingIsLoaded() {
		Refreshes refreshes = new Refreshes("c", this.executor, (key, ttl) -> false);
		AtomicInteger runs = new AtomicInteger();
		assertThat(refreshes.start("k", Duration.ofSeconds(1), () -> {
			runs.incrementAndGet();
			return CompletableFuture.completedFuture(null);
		})).isTrue();
		Eventually.await(WAIT, "the attempt ended", () -> refreshes.inFlightCount() == 0);
		assertThat(runs).hasValue(0);
	}

	@Test
	void aReloadThatThrowsIsForgotten() {
		Refreshes refreshes = new Refreshes("c", this.executor, RefreshLock.LOCAL);
		assertThat(refreshes.start("k", Duration.ofSeconds(1), () -> {
			throw new IllegalStateException("boom");
		})).isTrue();
		Eventually.await(WAIT, "the attempt ended", () -> refreshes.inFlightCount() == 0);
	}

	@Test
	void aClosedPoolTakesNoMoreReloads() {
		Refreshes refreshes = new Refreshes("c", this.executor, RefreshLock.LOCAL);
		this.executor.close();
		assertThat(refreshes.start("k", Duration.ofSeconds(1), () -> CompletableFuture.completedFuture(null)))
			.isFalse();
		assertThat(refreshes.inFlightCount()).isZero();
	}

}

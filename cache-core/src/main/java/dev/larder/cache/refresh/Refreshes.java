package dev.larder.cache.refresh;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Starts background reloads for one cache: at most one per entry in this JVM at a time,
 * and, through the {@link RefreshLock}, at most one across the instances sharing the
 * backend. The caller that noticed the entry is due never waits for any of it.
 */
public final class Refreshes {

	private static final Log logger = LogFactory.getLog(Refreshes.class);

	private final String cacheName;

	private final RefreshExecutor executor;

	private final RefreshLock lock;

	private final Set<Object> inFlight = ConcurrentHashMap.newKeySet();

	public Refreshes(String cacheName, RefreshExecutor executor, RefreshLock lock) {
		this.cacheName = cacheName;
		this.executor = executor;
		this.lock = lock;
	}

	/**
	 * Schedules {@code reload} of the entry under {@code storeKey} unless a reload of it
	 * is already running here, the pool is full, or another instance holds its lock.
	 * @param storeKey the entry's key in the store
	 * @param lockTtl how long the cluster lock lasts
	 * @param reload loads and stores the entry; completes when it is stored (or failed)
	 * @return whether a reload was scheduled here (another instance may still win the
	 * lock)
	 */
	public boolean start(Object storeKey, Duration lockTtl, Reload reload) {
		if (!this.inFlight.add(storeKey)) {
			return false;
		}
		boolean queued = this.executor.execute(() -> run(storeKey, lockTtl, reload));
		if (!queued) {
			this.inFlight.remove(storeKey);
		}
		return queued;
	}

	private void run(Object storeKey, Duration lockTtl, Reload reload) {
		CompletionStage<?> done;
		try {
			done = this.lock.tryAcquire(storeKey, lockTtl) ? reload.run() : CompletableFuture.completedFuture(null);
		}
		catch (RuntimeException ex) {
			// The loader or the backend failed: the entry is loaded on expiry instead,
			// and the failure was already counted by the cache.
			if (logger.isDebugEnabled()) {
				logger.debug("Cache '" + this.cacheName + "': background refresh failed", ex);
			}
			done = CompletableFuture.completedFuture(null);
		}
		done.whenComplete((ignored, ex) -> this.inFlight.remove(storeKey));
	}

	/** Reloads running or queued in this JVM; for tests and diagnostics. */
	public int inFlightCount() {
		return this.inFlight.size();
	}

	/** Loads an entry and stores it; completes when that is done. */
	@FunctionalInterface
	public interface Reload {

		CompletionStage<?> run();

	}

}

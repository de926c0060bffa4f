package dev.larder.cache.memcached;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Extends watched locks every third of their lease while the handle is open and the
 * thread that acquired it is alive. One daemon thread for all locks of a backend, started
 * on first use.
 */
final class LockWatchdog implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LockWatchdog.class);

	private final Map<MemcachedLocks.Handle, ScheduledFuture<?>> watched = new ConcurrentHashMap<>();

	/** Null until the first lock is watched. */
	private volatile @Nullable ScheduledExecutorService scheduler;

	void watch(MemcachedLocks.Handle handle, Duration lease, Thread owner) {
		long period = Math.max(1, lease.toMillis() / 3);
		ScheduledFuture<?> renewal = scheduler().scheduleWithFixedDelay(() -> renew(handle, lease, owner), period,
				period, TimeUnit.MILLISECONDS);
		this.watched.put(handle, renewal);
		if (handle.isReleased()) {
			forget(handle);
		}
	}

	void forget(MemcachedLocks.Handle handle) {
		ScheduledFuture<?> renewal = this.watched.remove(handle);
		if (renewal != null) {
			renewal.cancel(false);
		}
	}

	private void renew(MemcachedLocks.Handle handle, Duration lease, Thread owner) {
		if (handle.isReleased() || !owner.isAlive()) {
			forget(handle);
			return;
		}
		try {
			if (!handle.extend(lease)) {
				logger.warn("Lock '" + handle.lockName() + "' (fencing token " + handle.fencingToken()
						+ ") was lost before the watchdog could extend it");
				forget(handle);
			}
		}
		catch (RuntimeException ex) {
			// Keep trying while the lease may still run: the next renewal can succeed.
			logger.warn("Watchdog could not extend lock '" + handle.lockName() + "': " + ex.getMessage());
		}
	}

	private ScheduledExecutorService scheduler() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler == null) {
			synchronized (this) {
				scheduler = this.scheduler;
				if (scheduler == null) {
					scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
						Thread thread = new Thread(task, "larder-memcached-lock-watchdog");
						thread.setDaemon(true);
						return thread;
					});
					this.scheduler = scheduler;
				}
			}
		}
		return scheduler;
	}

	@Override
	public void close() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		this.watched.clear();
	}

}

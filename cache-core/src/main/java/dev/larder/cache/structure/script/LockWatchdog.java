package dev.larder.cache.structure.script;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Renews watched leases every third of the lease while the thread that acquired the lock
 * is alive and its handle is open. One daemon thread serves every lock of the JVM:
 * renewals are one short script each, and a daemon never keeps an application from
 * exiting. When the holder's thread dies the renewals stop, so the lock is free again
 * within one lease.
 */
final class LockWatchdog {

	private static final Log logger = LogFactory.getLog(LockWatchdog.class);

	private static final LockWatchdog SHARED = new LockWatchdog();

	private volatile @Nullable ScheduledExecutorService scheduler;

	static LockWatchdog shared() {
		return SHARED;
	}

	void watch(ScriptedLockHandle handle, Thread holder, Duration lease) {
		long period = Math.max(1, lease.toMillis() / 3);
		Renewal renewal = new Renewal(handle, holder, lease);
		renewal.future = scheduler().scheduleAtFixedRate(renewal, period, period, TimeUnit.MILLISECONDS);
		handle.onRelease(renewal::cancel);
	}

	private ScheduledExecutorService scheduler() {
		ScheduledExecutorService current = this.scheduler;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.scheduler == null) {
				this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "larder-lock-watchdog");
					thread.setDaemon(true);
					return thread;
				});
			}
			return this.scheduler;
		}
	}

	private static final class Renewal implements Runnable {

		private final ScriptedLockHandle handle;

		private final Thread holder;

		private final Duration lease;

		private volatile @Nullable ScheduledFuture<?> future;

		Renewal(ScriptedLockHandle handle, Thread holder, Duration lease) {
			this.handle = handle;
			this.holder = holder;
			this.lease = lease;
		}

		@Override
		public void run() {
			if (this.handle.isClosed() || !this.holder.isAlive()) {
				cancel();
				return;
			}
			try {
				if (!this.handle.extend(this.lease)) {
					// Lost (the lease ran out before a renewal got through): nothing left
					// to renew.
					cancel();
				}
			}
			catch (RuntimeException ex) {
				// The backend may be back before the lease ends; the next renewal tries
				// again.
				logger.debug("Could not renew " + this.handle + "; retrying at the next renewal", ex);
			}
		}

		void cancel() {
			ScheduledFuture<?> scheduled = this.future;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}

	}

}

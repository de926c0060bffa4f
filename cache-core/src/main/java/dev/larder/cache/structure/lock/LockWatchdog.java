package dev.larder.cache.structure.lock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Renews the lease of watched lock grants every third of the lease while the thread that
 * acquired the grant is alive and its handle is not released: what every
 * {@link DistributedLock#tryAcquireWithWatchdog} implementation runs, whatever its
 * backend. Renewal is the grant's own {@link LockHandle#extend}, so the backend decides,
 * atomically, whether the grant still holds the lock.
 *
 * <p>
 * One daemon thread serves every grant of a watchdog: a renewal is one short backend
 * call, and a daemon never keeps an application from exiting. The thread starts with the
 * first watched grant and ends when the watchdog is closed. Renewals run with a fixed
 * delay, not a fixed rate, so a stalled backend never gets a burst of catch-up renewals.
 *
 * <p>
 * A renewal that finds the grant lost (its lease ran out before a renewal got through)
 * logs a warning and stops: nothing is left to renew. One that fails (backend
 * unreachable) logs a warning and is retried at the next period, since the backend may be
 * back before the lease ends.
 */
public final class LockWatchdog implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LockWatchdog.class);

	private final String threadName;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile boolean closed;

	/**
	 * @param threadName the name of the watchdog's thread, for thread dumps
	 */
	public LockWatchdog(String threadName) {
		this.threadName = threadName;
	}

	/**
	 * Starts renewing {@code handle}'s lease every third of {@code lease}, until the
	 * returned handle is released or closed, {@code holder} ends, the grant is lost or
	 * this watchdog closes.
	 * @param handle a grant just acquired
	 * @param lease the lease each renewal sets
	 * @param holder the thread that acquired the grant: a holder that died must not keep
	 * the lock
	 * @return the grant, to be used instead of {@code handle}: releasing it stops the
	 * renewals before the lock is released
	 * @throws IllegalStateException when this watchdog is closed
	 */
	public LockHandle watch(LockHandle handle, Duration lease, Thread holder) {
		long period = Math.max(1, lease.toMillis() / 3);
		Renewal renewal = new Renewal(handle, lease, holder);
		renewal.future = scheduler().scheduleWithFixedDelay(renewal, period, period, TimeUnit.MILLISECONDS);
		return renewal;
	}

	private synchronized ScheduledExecutorService scheduler() {
		if (this.closed) {
			throw new IllegalStateException("The lock watchdog '" + this.threadName + "' is closed");
		}
		ScheduledExecutorService current = this.scheduler;
		if (current == null) {
			current = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, this.threadName);
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler = current;
		}
		return current;
	}

	/**
	 * Stops every renewal and the watchdog's thread. The grants stay valid: they can
	 * still be released, and they run out with their lease.
	 */
	@Override
	public void close() {
		ScheduledExecutorService current;
		synchronized (this) {
			this.closed = true;
			current = this.scheduler;
		}
		if (current != null) {
			current.shutdownNow();
		}
	}

	/** One watched grant: the renewal task, and the handle its holder uses. */
	private final class Renewal implements Runnable, LockHandle {

		private final LockHandle handle;

		private final Duration lease;

		private final Thread holder;

		private volatile boolean stopped;

		private volatile @Nullable ScheduledFuture<?> future;

		Renewal(LockHandle handle, Duration lease, Thread holder) {
			this.handle = handle;
			this.lease = lease;
			this.holder = holder;
		}

		@Override
		public void run() {
			if (this.stopped || !this.holder.isAlive()) {
				// Also reached when stopped before the future was set: cancels it now.
				stop();
				return;
			}
			try {
				if (!this.handle.extend(this.lease) && !isStopping()) {
					logger.warn("Lock '" + this.handle.lockName() + "' (fencing token " + this.handle.fencingToken()
							+ ") was lost before the watchdog could extend it");
					stop();
				}
			}
			catch (RuntimeException ex) {
				if (!isStopping()) {
					String failure = "Watchdog could not extend lock '" + this.handle.lockName()
							+ "'; retrying at the next renewal";
					// Repeats every period while the backend is away: the trace only on
					// demand.
					logger.warn(failure + ": " + ex.getMessage());
					logger.debug(failure, ex);
				}
			}
		}

		/**
		 * A renewal that fails while its grant is released or the watchdog closes lost
		 * only a race with the stop: nothing to report.
		 */
		private boolean isStopping() {
			return this.stopped || LockWatchdog.this.closed;
		}

		private void stop() {
			this.stopped = true;
			ScheduledFuture<?> scheduled = this.future;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}

		@Override
		public String lockName() {
			return this.handle.lockName();
		}

		@Override
		public long fencingToken() {
			return this.handle.fencingToken();
		}

		@Override
		public boolean extend(Duration lease) {
			return this.handle.extend(lease);
		}

		@Override
		public boolean isHeld() {
			return this.handle.isHeld();
		}

		@Override
		public boolean release() {
			// Before the release, so that no renewal prolongs a lock given back.
			stop();
			return this.handle.release();
		}

		@Override
		public String toString() {
			return this.handle.toString();
		}

	}

}

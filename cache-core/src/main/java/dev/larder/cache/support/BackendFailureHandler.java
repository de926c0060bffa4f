package dev.larder.cache.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What a cache does when its backend fails. Fail-open (the default) treats the failure as
 * a miss or a skipped write, so the application keeps answering from its source of truth;
 * the failure is counted and logged at most once per interval per cache, because a
 * backend that is down fails every call and would flood the log. Fail-closed rethrows.
 */
public final class BackendFailureHandler {

	private static final Log logger = LogFactory.getLog(BackendFailureHandler.class);

	private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final boolean failOpen;

	private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());

	private final AtomicLong suppressed = new AtomicLong();

	public BackendFailureHandler(boolean failOpen) {
		this.failOpen = failOpen;
	}

	public boolean isFailOpen() {
		return this.failOpen;
	}

	/**
	 * Handles a failure of {@code operation} on {@code cacheName}: returns normally when
	 * failing open, else rethrows {@code failure}.
	 */
	public void handle(String cacheName, String operation, RuntimeException failure) {
		if (!this.failOpen) {
			throw failure;
		}
		long now = System.nanoTime();
		long due = this.nextLogAt.get();
		if (now - due >= 0 && this.nextLogAt.compareAndSet(due, now + LOG_INTERVAL_NANOS)) {
			long skipped = this.suppressed.getAndSet(0);
			logger.warn(
					"Cache '" + cacheName + "' " + operation + " failed; treated as a miss (fail-open)"
							+ ((skipped > 0) ? ", " + skipped + " similar failures not logged" : "") + ": " + failure,
					logger.isDebugEnabled() ? failure : null);
		}
		else {
			this.suppressed.incrementAndGet();
		}
	}

}

package dev.larder.cache.structure.lock;

import java.time.Duration;

/** Thrown by {@code @WithLock} methods when the lock stayed taken for the whole wait. */
public class LockNotAcquiredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String lockName;

	public LockNotAcquiredException(String lockName, Duration waited) {
		super("Lock '" + lockName + "' is held by another holder and was not released within " + waited
				+ "; the method did not run");
		this.lockName = lockName;
	}

	public String lockName() {
		return this.lockName;
	}

}

package dev.larder.cache.structure.lock;

import java.time.Duration;

/**
 * One grant of a {@link DistributedLock}. Closing it releases the lock if this grant
 * still holds it; a grant whose lease ran out releases nothing, so it can never free
 * another holder's lock.
 */
public interface LockHandle extends AutoCloseable {

	String lockName();

	/** Strictly greater than the token of every earlier grant of this lock. */
	long fencingToken();

	/**
	 * Sets the remaining lease to {@code lease}; {@code false} when this grant no longer
	 * holds the lock (its lease ran out and someone else may hold it).
	 */
	boolean extend(Duration lease);

	/** Whether this grant still holds the lock, asked of the backend. */
	boolean isHeld();

	/**
	 * Releases the lock if this grant holds it; {@code false} when it had already lost
	 * it.
	 */
	boolean release();

	@Override
	default void close() {
		release();
	}

}

package dev.larder.cache.structure.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * A lock held through the backend with a lease: it is released by its holder, or by the
 * backend when the lease runs out (a holder that died never blocks others beyond its
 * lease). Never two holders at once. Each grant carries a fencing token that is strictly
 * greater than the token of every earlier grant of this lock, so a resource that
 * remembers the highest token it has seen can refuse a late write from a holder whose
 * lease expired.
 *
 * <pre>{@code
 * try (LockHandle held = lock.tryAcquire(Duration.ofSeconds(2), Duration.ofSeconds(30)).orElseThrow()) {
 *     store.write(data, held.fencingToken());
 * }
 * }</pre>
 */
public interface DistributedLock {

	String name();

	/**
	 * Acquires the lock, waiting at most {@code wait} (zero: one attempt), for a lease of
	 * {@code lease}; empty when another holder kept it for the whole wait.
	 */
	Optional<LockHandle> tryAcquire(Duration wait, Duration lease);

	/**
	 * As {@link #tryAcquire(Duration, Duration)}, and while the acquiring thread is alive
	 * and the handle is not closed a watchdog extends the lease every third of
	 * {@code lease}: work of unknown length keeps the lock, a crashed process loses it
	 * within one lease.
	 */
	Optional<LockHandle> tryAcquireWithWatchdog(Duration wait, Duration lease);

	/** Whether anyone holds the lock now (a snapshot). */
	boolean isLocked();

}

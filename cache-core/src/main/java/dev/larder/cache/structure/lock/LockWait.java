package dev.larder.cache.structure.lock;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How a lock implementation waits while another holder has the lock: it polls, pausing a
 * jittered step that doubles up to a cap, never past the caller's wait nor past a bound
 * the backend may know (the holder's remaining lease). No backend notifies a release to
 * every kind of waiter, so polling keeps locks to plain commands; the jitter keeps the
 * waiters of several instances from all coming back at once.
 *
 * <pre>{@code
 * LockWait waiting = LockWait.start(name, wait, FIRST_STEP, MAX_STEP);
 * while (true) {
 *     // one attempt: return its grant when it got the lock
 *     if (!waiting.pause()) {
 *         return Optional.empty();
 *     }
 * }
 * }</pre>
 */
public final class LockWait {

	private final long deadline;

	private final long maxStepNanos;

	private long stepNanos;

	private LockWait(long deadline, long firstStepNanos, long maxStepNanos) {
		this.deadline = deadline;
		this.stepNanos = firstStepNanos;
		this.maxStepNanos = maxStepNanos;
	}

	/**
	 * Starts waiting at most {@code wait} for lock {@code lockName}.
	 * @throws IllegalArgumentException when {@code wait} is negative or null
	 */
	public static LockWait start(String lockName, Duration wait, Duration firstStep, Duration maxStep) {
		if (wait == null || wait.isNegative()) {
			throw new IllegalArgumentException("Lock '" + lockName + "': wait must be zero or positive, got " + wait);
		}
		return new LockWait(System.nanoTime() + wait.toNanos(), firstStep.toNanos(), maxStep.toNanos());
	}

	/**
	 * Pauses before the next attempt.
	 * @return {@code false} when the wait is over or the thread was interrupted (its
	 * interrupt flag is kept): no more attempts
	 */
	public boolean pause() {
		return pause(Long.MAX_VALUE);
	}

	/**
	 * As {@link #pause()}, never longer than {@code bound}: the attempt learned the lock
	 * is free by then.
	 */
	public boolean pause(Duration bound) {
		return pause(bound.toNanos());
	}

	private boolean pause(long boundNanos) {
		long left = this.deadline - System.nanoTime();
		if (left <= 0) {
			return false;
		}
		long step = ThreadLocalRandom.current().nextLong(this.stepNanos / 2, this.stepNanos + 1);
		try {
			TimeUnit.NANOSECONDS.sleep(Math.min(step, Math.min(left, boundNanos)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		this.stepNanos = Math.min(this.stepNanos * 2, this.maxStepNanos);
		return true;
	}

}

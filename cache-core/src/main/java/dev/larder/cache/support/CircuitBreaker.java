package dev.larder.cache.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling a backend that keeps failing. After {@code threshold} consecutive
 * failures the circuit opens: calls are refused at once (a cache miss costs nothing)
 * instead of each waiting for a timeout. After {@code openFor}, one call at a time is let
 * through to probe; a success closes the circuit, so the cache comes back by itself when
 * the backend does.
 *
 * <p>
 * {@link #admit()} also tells a caller how patient to be: a circuit that has seen a
 * failure since its last success is suspect, and its callers (and probes) should wait
 * only a short fail-fast budget rather than the full timeout (see {@link FailFastCalls}).
 */
public final class CircuitBreaker {

	private final int threshold;

	private final long openForNanos;

	private final LongSupplier clock;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	/** When the circuit may next be probed; meaningful only while open. */
	private final AtomicLong retryAt = new AtomicLong();

	private final List<Runnable> openListeners = new CopyOnWriteArrayList<>();

	public CircuitBreaker(int threshold, Duration openFor) {
		this(threshold, openFor, System::nanoTime);
	}

	CircuitBreaker(int threshold, Duration openFor, LongSupplier clock) {
		if (threshold < 1) {
			throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
		}
		this.threshold = threshold;
		this.openForNanos = openFor.toNanos();
		this.clock = clock;
	}

	/**
	 * Whether a call may go ahead now. While open this answers {@code true} to one caller
	 * per interval (the probe) and {@code false} to everyone else.
	 */
	public boolean allowsCall() {
		return admit() != Admission.REFUSED;
	}

	/**
	 * Whether and how a call may go ahead now. While open this admits one caller per
	 * interval as the {@link Admission#PROBE probe} and refuses everyone else.
	 */
	public Admission admit() {
		int failures = this.consecutiveFailures.get();
		if (failures == 0) {
			return Admission.CALL;
		}
		if (failures < this.threshold) {
			return Admission.FAIL_FAST_CALL;
		}
		long now = this.clock.getAsLong();
		long due = this.retryAt.get();
		return (now - due >= 0 && this.retryAt.compareAndSet(due, now + this.openForNanos)) ? Admission.PROBE
				: Admission.REFUSED;
	}

	public void recordSuccess() {
		if (this.consecutiveFailures.get() != 0) {
			this.consecutiveFailures.set(0);
		}
	}

	public void recordFailure() {
		if (this.consecutiveFailures.incrementAndGet() == this.threshold) {
			this.retryAt.set(this.clock.getAsLong() + this.openForNanos);
			this.openListeners.forEach(Runnable::run);
		}
	}

	/**
	 * Runs {@code listener} each time the circuit opens, on the thread that recorded the
	 * failure that opened it: keep it short.
	 */
	public void onOpen(Runnable listener) {
		this.openListeners.add(listener);
	}

	public boolean isOpen() {
		return this.consecutiveFailures.get() >= this.threshold;
	}

	/** How {@link #admit()} lets a call through. */
	public enum Admission {

		/** Closed and healthy: the call may wait its full timeout. */
		CALL,

		/**
		 * Closed, but the last call failed: the call should give up after the fail-fast
		 * budget, since a backend that just timed out will likely time out again.
		 */
		FAIL_FAST_CALL,

		/**
		 * Open, and this caller is the one probe of the interval: it should also restore
		 * the connection if it is down, and give up after the fail-fast budget.
		 */
		PROBE,

		/** Open: skip the backend. */
		REFUSED

	}

	/** Thrown instead of calling a backend whose circuit is open. */
	public static final class OpenException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public OpenException(String backend) {
			super("The " + backend + " backend failed repeatedly; calls are skipped until a probe succeeds", null,
					false, false);
		}

	}

}

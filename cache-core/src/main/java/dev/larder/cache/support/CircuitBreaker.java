package dev.larder.cache.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling a backend that keeps failing. After {@code threshold} consecutive
 * failures the circuit opens: calls are refused at once (a cache miss costs nothing)
 * instead of each waiting for a timeout. After {@code openFor}, one call at a time is let
 * through to probe; a success closes the circuit, so the cache comes back by itself when
 * the backend does.
 */
public final class CircuitBreaker {

	private final int threshold;

	private final long openForNanos;

	private final LongSupplier clock;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	/** When the circuit may next be probed; meaningful only while open. */
	private final AtomicLong retryAt = new AtomicLong();

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
		if (this.consecutiveFailures.get() < this.threshold) {
			return true;
		}
		long now = this.clock.getAsLong();
		long due = this.retryAt.get();
		return now - due >= 0 && this.retryAt.compareAndSet(due, now + this.openForNanos);
	}

	public void recordSuccess() {
		if (this.consecutiveFailures.get() != 0) {
			this.consecutiveFailures.set(0);
		}
	}

	public void recordFailure() {
		if (this.consecutiveFailures.incrementAndGet() == this.threshold) {
			this.retryAt.set(this.clock.getAsLong() + this.openForNanos);
		}
	}

	public boolean isOpen() {
		return this.consecutiveFailures.get() >= this.threshold;
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

package dev.larder.engine.command;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One command's counters for INFO commandstats and latencystats and LATENCY HISTOGRAM
 * (Redis's redisCommand calls, microseconds, rejected_calls, failed_calls and
 * latency_histogram). LongAdders, because every event loop bumps them; the histogram is
 * made on the command's first call, as Redis allocates it, since most commands are never
 * called.
 */
public final class CommandStats {

	/** Redis's LATENCY_HISTOGRAM_MIN_VALUE, MAX_VALUE (nanoseconds) and PRECISION. */
	static final long HISTOGRAM_MIN = 1;

	static final long HISTOGRAM_MAX = 1_000_000_000L;

	static final int HISTOGRAM_PRECISION = 2;

	final LongAdder calls = new LongAdder();

	final LongAdder nanos = new LongAdder();

	final LongAdder rejected = new LongAdder();

	final LongAdder failed = new LongAdder();

	private volatile @Nullable AtomicHistogram histogram;

	/** A call that ran (served, or answered an error of its own). */
	void record(long durationNanos, boolean trackLatency) {
		calls.increment();
		nanos.add(durationNanos);
		if (trackLatency) {
			AtomicHistogram h = histogram;
			if (h == null) {
				h = newHistogram();
			}
			h.recordValue(Math.max(HISTOGRAM_MIN, Math.min(HISTOGRAM_MAX, durationNanos)));
		}
	}

	private synchronized AtomicHistogram newHistogram() {
		AtomicHistogram h = histogram;
		if (h == null) {
			h = new AtomicHistogram(HISTOGRAM_MIN, HISTOGRAM_MAX, HISTOGRAM_PRECISION);
			histogram = h;
		}
		return h;
	}

	public long calls() {
		return calls.sum();
	}

	public long micros() {
		return nanos.sum() / 1000;
	}

	public long rejectedCalls() {
		return rejected.sum();
	}

	public long failedCalls() {
		return failed.sum();
	}

	/** Whether INFO commandstats lists the command (Redis: calls, failed or rejected). */
	boolean used() {
		return calls.sum() > 0 || failed.sum() > 0 || rejected.sum() > 0;
	}

	/** The latency histogram in nanoseconds, null until the first tracked call. */
	@Nullable Histogram histogram() {
		return histogram;
	}

	/** CONFIG RESETSTAT: the histogram is dropped, as Redis frees it. */
	void reset() {
		calls.reset();
		nanos.reset();
		rejected.reset();
		failed.reset();
		histogram = null;
	}

}

package dev.larder.engine.command;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One command's counters for INFO commandstats and latencystats and LATENCY HISTOGRAM
 * (Redis's redisCommand calls, microseconds, rejected_calls, failed_calls and
 * latency_histogram). LongAdders, because every event loop bumps them; for the same
 * reason the histogram is striped by thread (an AtomicHistogram per stripe, its total
 * count otherwise one cache line every event loop would write), merged when read. A
 * stripe's histogram is made on its first call, as Redis allocates the histogram on the
 * command's first call: most commands are never called.
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

	/** A power of two: enough for every event loop to have its own on small machines. */
	private static final int STRIPES = Math.min(16,
			Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 2 - 1)));

	/**
	 * Replaced, not cleared, by a reset: a writer still on the old one loses its count.
	 */
	private volatile AtomicReferenceArray<AtomicHistogram> histograms = new AtomicReferenceArray<>(STRIPES);

	/** A call that ran (served, or answered an error of its own). */
	void record(long durationNanos, boolean trackLatency) {
		calls.increment();
		nanos.add(durationNanos);
		if (trackLatency) {
			AtomicReferenceArray<AtomicHistogram> stripes = histograms;
			int i = (int) Thread.currentThread().getId() & (STRIPES - 1);
			AtomicHistogram h = stripes.getPlain(i);
			if (h == null) {
				h = newHistogram(stripes, i);
			}
			h.recordValue(Math.max(HISTOGRAM_MIN, Math.min(HISTOGRAM_MAX, durationNanos)));
		}
	}

	private static AtomicHistogram newHistogram(AtomicReferenceArray<AtomicHistogram> stripes, int i) {
		AtomicHistogram made = new AtomicHistogram(HISTOGRAM_MIN, HISTOGRAM_MAX, HISTOGRAM_PRECISION);
		AtomicHistogram won = stripes.compareAndExchange(i, null, made);
		return won == null ? made : won;
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

	/**
	 * The latency histogram in nanoseconds (the stripes merged), null until the first
	 * tracked call.
	 */
	@Nullable Histogram histogram() {
		AtomicReferenceArray<AtomicHistogram> stripes = histograms;
		Histogram merged = null;
		for (int i = 0; i < stripes.length(); i++) {
			AtomicHistogram h = stripes.get(i);
			if (h != null) {
				if (merged == null) {
					merged = new Histogram(HISTOGRAM_MIN, HISTOGRAM_MAX, HISTOGRAM_PRECISION);
				}
				merged.add(h);
			}
		}
		return merged;
	}

	/** CONFIG RESETSTAT: the histogram is dropped, as Redis frees it. */
	void reset() {
		calls.reset();
		nanos.reset();
		rejected.reset();
		failed.reset();
		histograms = new AtomicReferenceArray<>(STRIPES);
	}

}

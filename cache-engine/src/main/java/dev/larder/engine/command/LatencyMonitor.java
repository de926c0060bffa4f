package dev.larder.engine.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency monitor (latency.c): for each event ("command", "fast-command"), the latest
 * 160 samples of at least {@code latency-monitor-threshold} milliseconds, one per second
 * (a second's samples keep their maximum), and the all-time maximum. Only the threshold
 * is read on every command; the lock is taken to record a spike.
 */
public final class LatencyMonitor {

	/** LATENCY_TS_LEN. */
	static final int SAMPLES = 160;

	/** One sample: the second it was taken and the latency in milliseconds. */
	record Sample(long time, long latency) {
	}

	/** An event's ring of samples (latencyTimeSeries). */
	static final class Series {

		final Sample[] samples = new Sample[SAMPLES];

		int idx;

		long max;

		/** The samples, oldest first. */
		List<Sample> history() {
			List<Sample> out = new ArrayList<>();
			for (int j = 0; j < SAMPLES; j++) {
				Sample s = samples[(idx + j) % SAMPLES];
				if (s != null) {
					out.add(s);
				}
			}
			return out;
		}

		Sample latest() {
			return samples[(idx + SAMPLES - 1) % SAMPLES];
		}

	}

	private final Map<String, Series> events = new LinkedHashMap<>();

	private volatile long thresholdMillis;

	public long thresholdMillis() {
		return thresholdMillis;
	}

	public void thresholdMillis(long millis) {
		this.thresholdMillis = millis;
	}

	/**
	 * latencyAddSampleIfNeeded: records the latency when the monitor is on and it is over
	 * the threshold.
	 */
	void addSampleIfNeeded(String event, long durationNanos) {
		long threshold = thresholdMillis;
		if (threshold == 0) {
			return;
		}
		long millis = durationNanos / 1_000_000;
		if (millis >= threshold) {
			addSample(event, System.currentTimeMillis() / 1000, millis);
		}
	}

	/** latencyAddSample. */
	synchronized void addSample(String event, long nowSeconds, long millis) {
		Series ts = events.computeIfAbsent(event, e -> new Series());
		if (millis > ts.max) {
			ts.max = millis;
		}
		int prev = (ts.idx + SAMPLES - 1) % SAMPLES;
		Sample last = ts.samples[prev];
		if (last != null && last.time() == nowSeconds) {
			ts.samples[prev] = new Sample(nowSeconds, Math.max(millis, last.latency()));
			return;
		}
		ts.samples[ts.idx] = new Sample(nowSeconds, millis);
		ts.idx = (ts.idx + 1) % SAMPLES;
	}

	/** A copy of each event's series. */
	synchronized Map<String, Series> snapshot() {
		Map<String, Series> out = new LinkedHashMap<>();
		events.forEach((name, ts) -> {
			Series copy = new Series();
			System.arraycopy(ts.samples, 0, copy.samples, 0, SAMPLES);
			copy.idx = ts.idx;
			copy.max = ts.max;
			out.put(name, copy);
		});
		return out;
	}

	/** Drops the named events (all when none is named); returns how many were dropped. */
	synchronized int reset(List<String> names) {
		if (names.isEmpty()) {
			int n = events.size();
			events.clear();
			return n;
		}
		int n = 0;
		for (String name : names) {
			if (events.remove(name) != null) {
				n++;
			}
		}
		return n;
	}

}

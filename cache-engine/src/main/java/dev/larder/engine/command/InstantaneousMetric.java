package dev.larder.engine.command;

/**
 * A rate sampled every 100 ms over the last 16 samples, as Redis's
 * trackInstantaneousMetric and getInstantaneousMetric (instantaneous_ops_per_sec,
 * instantaneous_input_kbps, ...). Sampled by one thread (the server cron), read by INFO.
 */
final class InstantaneousMetric {

	static final int SAMPLES = 16;

	private final long[] samples = new long[SAMPLES];

	private int idx;

	private long lastSampleMillis;

	private long lastSampleCount;

	/** Records the rate since the last sample, from the counter's current reading. */
	synchronized void sample(long nowMillis, long reading) {
		long t = nowMillis - lastSampleMillis;
		long ops = reading - lastSampleCount;
		samples[idx] = t > 0 ? ops * 1000 / t : 0;
		idx = (idx + 1) % SAMPLES;
		lastSampleMillis = nowMillis;
		lastSampleCount = reading;
	}

	/** The mean of the samples, per second. */
	synchronized long perSecond() {
		long sum = 0;
		for (long s : samples) {
			sum += s;
		}
		return sum / SAMPLES;
	}

	/** CONFIG RESETSTAT: the samples are zeroed and the next one starts from here. */
	synchronized void reset(long nowMillis, long reading) {
		java.util.Arrays.fill(samples, 0);
		idx = 0;
		lastSampleMillis = nowMillis;
		lastSampleCount = reading;
	}

}

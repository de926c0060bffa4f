package dev.larder.engine.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LATENCY DOCTOR's report (latency.c's createLatencyReport and analyzeLatencyForEvent):
 * one line of statistics per event, then Redis's advice for the events the engine records
 * ("command" and "fast-command"). The advice Redis gives for events the engine never
 * records (fork, AOF, expire and eviction cycles) and for transparent huge pages in its
 * own process has no counterpart here.
 */
final class LatencyReport {

	static final String DISABLED = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in "
			+ "this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to "
			+ "enable it. If we weren't in a deep space mission I'd suggest to take a look at "
			+ "https://redis.io/topics/latency-monitor.\n";

	static final String NO_SPIKES = "Dave, no latency spike was observed during the lifetime of this Redis "
			+ "instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, "
			+ "and think things over.\n";

	private static final String SLOWLOG_INSPECT = "- Check your Slow Log to understand what are the commands you are "
			+ "running which are too slow to execute. Please check https://redis.io/commands/slowlog for more "
			+ "information.\n";

	private static final String SCHEDULER = "- The system is slow to execute Redis code paths not containing system "
			+ "calls. This usually means the system does not provide Redis CPU time to run for long periods. You "
			+ "should try to:\n" + "  1) Lower the system load.\n"
			+ "  2) Use a computer / VM just for Redis if you are running other software in the same system.\n"
			+ "  3) Check if you have a \"noisy neighbour\" problem.\n"
			+ "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n"
			+ "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are "
			+ "using Jemalloc. However this may create fragmentation problems.\n";

	private static final String LARGE_OBJECTS = "- Deleting, expiring or evicting (because of maxmemory policy) large "
			+ "objects is a blocking operation. If you have very large objects that are often deleted, expired, or "
			+ "evicted, try to fragment those objects into multiple smaller objects.\n";

	private LatencyReport() {
	}

	/**
	 * The report for these events, with the monitor's threshold and
	 * slowlog-log-slower-than as they are now, at unix second {@code now}.
	 */
	static String create(Map<String, LatencyMonitor.Series> events, long thresholdMillis, long slowerThanMicros,
			long now) {
		if (events.isEmpty() && thresholdMillis == 0) {
			return DISABLED;
		}
		if (events.isEmpty()) {
			return NO_SPIKES;
		}
		StringBuilder r = new StringBuilder("Dave, I have observed latency spikes in this Redis instance. "
				+ "You don't mind talking about it, do you Dave?\n\n");
		boolean slowlogEnabled = false;
		boolean slowlogTuning = false;
		boolean commands = false;
		boolean scheduler = false;
		int n = 0;
		for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
			appendEventLine(r, ++n, e.getKey(), e.getValue(), now);
			if (e.getKey().equals("command")) {
				commands = true;
				if (slowerThanMicros < 0) {
					slowlogEnabled = true;
				}
				else if (slowerThanMicros / 1000 > thresholdMillis) {
					slowlogTuning = true;
				}
			}
			else if (e.getKey().equals("fast-command")) {
				scheduler = true;
			}
		}
		if (!commands && !scheduler) {
			return r
				.append("\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use "
						+ "the Redis community to get some help, providing this report in your help request.\n")
				.toString();
		}
		r.append("\nI have a few advices for you:\n\n");
		if (slowlogEnabled) {
			r.append("- There are latency issues with potentially slow commands you are using. Try to enable the Slow "
					+ "Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ")
				.append(thresholdMillis * 1000)
				.append("'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n");
		}
		if (slowlogTuning) {
			r.append("- Your current Slow Log configuration only logs events that are slower than your configured "
					+ "latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ")
				.append(thresholdMillis * 1000)
				.append("'.\n");
		}
		if (commands) {
			r.append(SLOWLOG_INSPECT);
		}
		if (scheduler) {
			r.append(SCHEDULER);
		}
		if (commands) {
			r.append(LARGE_OBJECTS);
		}
		return r.toString();
	}

	/**
	 * analyzeLatencyForEvent's figures: the period is the seconds since the oldest sample
	 * (at least 1) shared among the samples.
	 */
	private static void appendEventLine(StringBuilder r, int n, String event, LatencyMonitor.Series ts, long now) {
		List<LatencyMonitor.Sample> samples = ts.history();
		long sum = 0;
		long oldest = Long.MAX_VALUE;
		for (LatencyMonitor.Sample s : samples) {
			sum += s.latency();
			oldest = Math.min(oldest, s.time());
		}
		long avg = samples.isEmpty() ? 0 : sum / samples.size();
		long mad = 0;
		for (LatencyMonitor.Sample s : samples) {
			mad += Math.abs(avg - s.latency());
		}
		mad = samples.isEmpty() ? 0 : mad / samples.size();
		long period = samples.isEmpty() ? 0 : Math.max(1, now - oldest);
		r.append(n)
			.append(". ")
			.append(event)
			.append(": ")
			.append(samples.size())
			.append(" latency spikes (average ")
			.append(avg)
			.append("ms, mean deviation ")
			.append(mad)
			.append("ms, period ")
			.append(String.format(Locale.ROOT, "%.2f", samples.isEmpty() ? 0.0 : (double) period / samples.size()))
			.append(" sec). Worst all time event ")
			.append(ts.max)
			.append("ms.\n");
	}

}

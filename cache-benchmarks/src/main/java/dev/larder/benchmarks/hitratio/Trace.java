package dev.larder.benchmarks.hitratio;

/**
 * A replayable request sequence: one key id per request, of which the first
 * {@code warmup} requests fill the cache and are not counted.
 *
 * @param name short name, used on the command line and in the tables
 * @param description what the trace is, for the table heading
 * @param keys the key id of each request, in order
 * @param warmup how many leading requests are not counted
 */
record Trace(String name, String description, int[] keys, int warmup) {

	Trace {
		if (warmup < 0 || warmup >= keys.length) {
			throw new IllegalArgumentException(
					"warm-up must leave requests to count: " + warmup + " of " + keys.length);
		}
	}

	int length() {
		return this.keys.length;
	}

	int measured() {
		return this.keys.length - this.warmup;
	}

}

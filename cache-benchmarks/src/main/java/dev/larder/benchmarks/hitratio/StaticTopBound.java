package dev.larder.benchmarks.hitratio;

/**
 * The hit ratio of a cache that holds, from the start and for good, the {@code entries}
 * keys most likely to be requested: on the Zipf traces the lowest key ids (id {@code r-1}
 * has rank {@code r}, and scan keys, numbered after the Zipf keys, are never held); on
 * the loop any fixed subset, all keys being equally likely.
 *
 * <p>
 * When requests are drawn independently from a fixed distribution (the Zipf traces), no
 * policy that decides from the requests seen so far can expect more hits than this cache:
 * it is Aho, Denning and Ullman's A0, proven optimal under that model ("Principles of
 * optimal page replacement", JACM 1971). Scans do not change this: their keys are never
 * requested twice, so no policy hits them. A real policy only learns the distribution
 * from the requests, so it stays below. On the loop a policy that sees the order can
 * match it (keep any fixed subset), not beat it by more than a key.
 */
final class StaticTopBound {

	private StaticTopBound() {
	}

	static Row row(String label, Trace trace, long entries) {
		int[] keys = trace.keys();
		long hits = 0;
		for (int i = trace.warmup(); i < keys.length; i++) {
			if (keys[i] < entries) {
				hits++;
			}
		}
		return new Row(label, hits, trace.measured(), entries, true, 0, 0, null);
	}

}

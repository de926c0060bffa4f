package dev.larder.benchmarks.hitratio;

/**
 * Replays part of a trace as cache-aside: GET every key of a batch, then SET the keys
 * that missed. A key that occurs twice in one batch and is absent misses twice (its SET
 * comes after the batch's GETs), for every contender alike.
 */
final class Replayer {

	private final int batch;

	private final int[] missed;

	private final boolean[] hit;

	Replayer(int batch) {
		if (batch <= 0) {
			throw new IllegalArgumentException("batch must be positive: " + batch);
		}
		this.batch = batch;
		this.missed = new int[batch];
		this.hit = new boolean[batch];
	}

	/** Replays requests {@code [from, to)} of the trace; returns how many were hits. */
	long replay(int[] keys, int from, int to, BatchCache cache) {
		long hits = 0;
		for (int start = from; start < to; start += this.batch) {
			int count = Math.min(this.batch, to - start);
			cache.get(keys, start, count, this.hit);
			int misses = 0;
			for (int i = 0; i < count; i++) {
				if (this.hit[i]) {
					hits++;
				}
				else {
					this.missed[misses++] = keys[start + i];
				}
			}
			if (misses > 0) {
				cache.set(this.missed, misses);
			}
		}
		return hits;
	}

}

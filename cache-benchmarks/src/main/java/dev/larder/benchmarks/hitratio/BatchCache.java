package dev.larder.benchmarks.hitratio;

/**
 * A cache as the replay sees it: a batch of lookups, then a batch of stores. Over RESP a
 * batch is one pipeline; in process it is a loop, so that every contender sees the
 * requests grouped the same way.
 */
interface BatchCache {

	/**
	 * Looks up {@code keys[offset .. offset + count)}; sets {@code hit[i]} for the
	 * {@code i}-th of them.
	 */
	void get(int[] keys, int offset, int count, boolean[] hit);

	/** Stores the value under {@code keys[0 .. count)}. */
	void set(int[] keys, int count);

}

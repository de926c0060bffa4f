package dev.larder.engine.eviction;

import dev.larder.engine.keyspace.KeyEntry;
import org.jspecify.annotations.Nullable;

/**
 * The best eviction candidates seen so far, as Redis's EvictionPoolLRU: sampling a few
 * keys per round finds good victims only by chance, while keeping the 16 best across
 * rounds makes the approximation close to the exact order. Ordered by score ascending;
 * the best victim (highest score) is the last. Entries may go stale (the key deleted or
 * rewritten since): the evictor checks each under its shard lock before evicting it.
 * Guarded by the evictor's lock.
 */
final class EvictionPool {

	static final int SIZE = 16;

	private final long[] scores = new long[SIZE];

	private final int[] dbs = new int[SIZE];

	private final @Nullable KeyEntry[] entries = new KeyEntry[SIZE];

	private int size;

	/** Offers a sampled key; kept when the pool has room or it beats the worst kept. */
	void offer(long score, int db, KeyEntry entry) {
		int i = 0;
		while (i < size && scores[i] < score) {
			i++;
		}
		for (int j = 0; j < size; j++) {
			if (entries[j] == entry) {
				return;
			}
		}
		if (size < SIZE) {
			shiftRight(i);
			size++;
		}
		else if (i == 0) {
			return;
		}
		else {
			// full: drop the worst (slot 0) and insert just below i
			System.arraycopy(scores, 1, scores, 0, i - 1);
			System.arraycopy(dbs, 1, dbs, 0, i - 1);
			System.arraycopy(entries, 1, entries, 0, i - 1);
			i--;
		}
		scores[i] = score;
		dbs[i] = db;
		entries[i] = entry;
	}

	private void shiftRight(int i) {
		System.arraycopy(scores, i, scores, i + 1, size - i);
		System.arraycopy(dbs, i, dbs, i + 1, size - i);
		System.arraycopy(entries, i, entries, i + 1, size - i);
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The best candidate's database; the pool must not be empty. */
	int bestDb() {
		return dbs[size - 1];
	}

	long bestScore() {
		return scores[size - 1];
	}

	/** Removes and returns the best candidate; the pool must not be empty. */
	KeyEntry takeBest() {
		KeyEntry e = entries[--size];
		entries[size] = null;
		if (e == null) {
			throw new IllegalStateException("empty eviction pool");
		}
		return e;
	}

	void clear() {
		java.util.Arrays.fill(entries, null);
		size = 0;
	}

}

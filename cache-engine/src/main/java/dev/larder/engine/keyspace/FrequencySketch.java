package dev.larder.engine.keyspace;

/**
 * How often keys were read lately, estimated in a count-min sketch of 4-bit counters
 * (TinyLFU, Einziger, Friedman and Manes, as Caffeine uses it): each key hash picks one
 * counter in each of four rows, its frequency is the least of them, a read raises only
 * those at the least (conservative update), and when as many increments have been counted
 * as ten times the keys the sketch is sized for, every counter is halved, so that old
 * popularity fades. It counts reads of keys that are absent too: what lets it admit a key
 * that is asked for often although it keeps being evicted, and refuse one that was asked
 * for once.
 *
 * <p>
 * A key's four counters share one 64-byte block, so a lookup costs one cache miss. About
 * 4 bytes per key of the shard it serves. Not thread-safe: the shard's lock guards it.
 */
final class FrequencySketch {

	private static final long[] SEEDS = { 0xc3a5c85c97cb3127L, 0xb492b66fbe98f273L, 0x9ae16a3b2f90404fL,
			0xcbf29ce484222325L };

	private static final long RESET_MASK = 0x7777777777777777L;

	private static final int MIN_LONGS = 8;

	/** Sixteen 4-bit counters per long; a power-of-two length. */
	private long[] table = new long[MIN_LONGS];

	private int increments;

	private int sampleSize = 10 * MIN_LONGS * 2;

	/**
	 * Grows the sketch when the shard outgrew it; false when it was big enough. What it
	 * counted is kept: a key's counter sits at the same position of a long whose index
	 * has the same low bits, so each new long starts as a copy of the old one those bits
	 * name, and every key keeps at least its old estimate.
	 */
	boolean ensureCapacity(long keys) {
		long wanted = Math.min(1L << 24, Math.max(MIN_LONGS, Long.highestOneBit(Math.max(1, keys / 2)) << 1));
		if (wanted <= table.length) {
			return false;
		}
		long[] grown = new long[(int) wanted];
		int oldMask = table.length - 1;
		for (int i = 0; i < grown.length; i++) {
			grown[i] = table[i & oldMask];
		}
		table = grown;
		// the copies also carry the old table's collisions: aging them at once keeps
		// that noise from outranking what is counted from now on
		age();
		sampleSize = (int) Math.min(Integer.MAX_VALUE, 10L * wanted * 2);
		return true;
	}

	/** The heap the sketch holds. */
	long bytes() {
		return JvmLayout.instance(FrequencySketch.class) + JvmLayout.doubleArray(table.length);
	}

	/** The estimated reads of the key with this hash, 0 to 15. */
	int frequency(int hash) {
		int block = block(hash);
		int min = 15;
		for (int row = 0; row < 4; row++) {
			long h = mix(hash, row);
			int counter = (int) ((table[index(block, row, h)] >>> shift(h)) & 0xF);
			min = Math.min(min, counter);
		}
		return min;
	}

	/**
	 * Counts a read of the key with this hash; true when the sample period is over and
	 * the owner should {@link #ensureCapacity grow} the sketch or {@link #age} it.
	 */
	boolean increment(int hash) {
		// conservative update (Estan and Varghese): only the counters at the current
		// minimum go up, the others already overestimate; it keeps keys read equally
		// often at equal estimates, which the admission duel relies on
		int min = frequency(hash);
		if (min == 15) {
			return false;
		}
		int block = block(hash);
		for (int row = 0; row < 4; row++) {
			long h = mix(hash, row);
			int i = index(block, row, h);
			int shift = shift(h);
			if (((table[i] >>> shift) & 0xF) == min) {
				table[i] += 1L << shift;
			}
		}
		return ++increments >= sampleSize;
	}

	/** Halves every counter, so that old popularity fades. */
	void age() {
		for (int i = 0; i < table.length; i++) {
			table[i] = (table[i] >>> 1) & RESET_MASK;
		}
		increments /= 2;
	}

	private static long mix(int hash, int row) {
		long h = (hash + SEEDS[row]) * SEEDS[(row + 1) & 3];
		return h ^ (h >>> 29);
	}

	/**
	 * The 64-byte block (eight longs) that holds all four of a key's counters, as in
	 * Caffeine's sketch: one cache miss per lookup instead of four.
	 */
	private int block(int hash) {
		return (int) (mix(hash, 3) >>> 40) & ((table.length >>> 3) - 1);
	}

	/** Row {@code row}'s long in the block: two longs per row, one picked by the hash. */
	private static int index(int block, int row, long h) {
		return (block << 3) + (row << 1) + (int) ((h >>> 4) & 1);
	}

	private static int shift(long h) {
		return (int) (h & 0xF) << 2;
	}

}

package dev.larder.engine.keyspace;

import java.util.Arrays;

/**
 * The listpack encoding of a small sorted set: its members and scores packed into one
 * byte array in order (score, then member bytes unsigned), as Redis keeps sorted sets of
 * up to 128 members of up to 64 bytes. A member costs its bytes plus 3 to 11 (a tree
 * node, the member's own array, a dict slot and a leaf slot cost about 90); in exchange
 * every lookup is a linear scan, as in Redis, which is why only small sets use it.
 *
 * <p>
 * An entry is laid out as
 * {@code [member length][score tag][member][score][entry length]}, each length one byte
 * (a member is at most 64 bytes, an entry at most 75). The member's length and the tag
 * come first so that a scan finds the next entry from one spot: each step waits on one
 * load, not two in a row. A score that is a whole number is stored as an integer in as
 * few bytes as hold it, its byte count as the tag (0 for the score 0, which takes no
 * bytes); any other score is the tag {@link #DOUBLE} and its 8 bytes. So -0 comes back as
 * 0, as from Redis's listpack, which stores integral scores as integers too. The trailing
 * entry length lets a walk step backwards (ZREVRANGE) in O(1), like a listpack's backlen.
 *
 * <p>
 * Positions are byte offsets of entries, -1 for none. The array keeps up to an eighth
 * spare for inserts, and is cut back when half of it is unused. Not thread-safe: the
 * owning shard's lock guards it.
 */
final class ZSetListpack {

	/** The heap of this object, its array not included. */
	static final long SHELL = JvmLayout.instance(ZSetListpack.class);

	/** The tag of a score kept as a double's 8 bytes. */
	private static final int DOUBLE = 9;

	private static final byte[] EMPTY = new byte[0];

	/** The entries in the first {@link #used} bytes. */
	private byte[] data = EMPTY;

	private int used;

	private int count;

	/**
	 * Counts every change, so that a position read before can be known to be still good.
	 */
	private int mods;

	int size() {
		return count;
	}

	int mods() {
		return mods;
	}

	/** This object and its array: what memory accounting counts for the encoding. */
	long heapBytes() {
		return SHELL + (data.length == 0 ? 0 : JvmLayout.byteArray(data.length));
	}

	int first() {
		return used == 0 ? -1 : 0;
	}

	int last() {
		return used == 0 ? -1 : used - (data[used - 1] & 0xff);
	}

	int next(int at) {
		int next = at + length(at);
		return next == used ? -1 : next;
	}

	int prev(int at) {
		return at == 0 ? -1 : at - (data[at - 1] & 0xff);
	}

	/** The entry's length, read forwards (what the trailing byte repeats). */
	private int length(int at) {
		return 3 + data[at] + scoreBytes(data[at + 1]);
	}

	/** A copy of the member at {@code at}. */
	byte[] member(int at) {
		return Arrays.copyOfRange(data, at + 2, at + 2 + data[at]);
	}

	double score(int at) {
		int tag = data[at + 1];
		int scoreAt = at + 2 + data[at];
		if (tag == DOUBLE) {
			return Double.longBitsToDouble(readLong(scoreAt, 8));
		}
		if (tag == 0) {
			return 0;
		}
		// sign-extend the tag's bytes
		int shift = 64 - 8 * tag;
		return (readLong(scoreAt, tag) << shift) >> shift;
	}

	/**
	 * Where {@code member} is: its rank in the high 32 bits and its offset in the low 32,
	 * or -1 when it is absent.
	 */
	long locate(byte[] member) {
		int len = member.length;
		for (int at = 0, rank = 0; at < used; rank++) {
			int mlen = data[at];
			// the last byte first: members often share a prefix ("user:1", "user:2")
			if (mlen == len && (len == 0 || data[at + 1 + len] == member[len - 1])
					&& Arrays.equals(data, at + 2, at + 2 + len, member, 0, len)) {
				return (long) rank << 32 | at;
			}
			at += 3 + mlen + scoreBytes(data[at + 1]);
		}
		return -1;
	}

	/**
	 * Adds a member known to be absent (of at most 64 bytes) at its place in the order;
	 * returns where, as {@link #locate} does.
	 */
	long insert(byte[] member, double score) {
		int at = 0;
		int rank = 0;
		while (at < used && compareAt(at, score, member) < 0) {
			at += length(at);
			rank++;
		}
		int len = entryLength(member, score);
		ensureCapacity(used + len);
		System.arraycopy(data, at, data, at + len, used - at);
		write(at, member, score, len);
		used += len;
		count++;
		mods++;
		return (long) rank << 32 | at;
	}

	/** Adds a member above every member present, as conversions fill a set in order. */
	void append(byte[] member, double score) {
		int len = entryLength(member, score);
		ensureCapacity(used + len);
		write(used, member, score, len);
		used += len;
		count++;
		mods++;
	}

	void removeAt(int at) {
		int len = length(at);
		System.arraycopy(data, at + len, data, at, used - at - len);
		used -= len;
		count--;
		mods++;
		if (used == 0) {
			data = EMPTY;
		}
		else if (data.length > 64 && used < data.length / 2) {
			data = Arrays.copyOf(data, withSpare(used));
		}
	}

	/** An independent copy with an array of the same size. */
	ZSetListpack copy() {
		ZSetListpack copy = new ZSetListpack();
		copy.data = data.length == 0 ? EMPTY : data.clone();
		copy.used = used;
		copy.count = count;
		return copy;
	}

	/** The entry at {@code at} against (score, member): negative when it is below. */
	private int compareAt(int at, double score, byte[] member) {
		double s = score(at);
		if (s != score) {
			return s < score ? -1 : 1;
		}
		return Arrays.compareUnsigned(data, at + 2, at + 2 + data[at], member, 0, member.length);
	}

	private void ensureCapacity(int needed) {
		if (needed > data.length) {
			data = Arrays.copyOf(data, withSpare(needed));
		}
	}

	/** A size for {@code bytes} of entries with an eighth spare, a multiple of 8. */
	private static int withSpare(int bytes) {
		return (bytes + (bytes >> 3) + 7) & -8;
	}

	private void write(int at, byte[] member, double score, int len) {
		data[at] = (byte) member.length;
		System.arraycopy(member, 0, data, at + 2, member.length);
		int scoreAt = at + 2 + member.length;
		long whole = (long) score;
		if (whole == score) {
			int bytes = integerBytes(whole);
			data[at + 1] = (byte) bytes;
			writeLong(scoreAt, whole, bytes);
		}
		else {
			data[at + 1] = DOUBLE;
			writeLong(scoreAt, Double.doubleToRawLongBits(score), 8);
		}
		data[at + len - 1] = (byte) len;
	}

	private static int entryLength(byte[] member, double score) {
		long whole = (long) score;
		return member.length + 3 + (whole == score ? integerBytes(whole) : 8);
	}

	/** The fewest bytes that hold {@code v} in two's complement (none for 0). */
	private static int integerBytes(long v) {
		int bits = 65 - Long.numberOfLeadingZeros(v < 0 ? ~v : v);
		return v == 0 ? 0 : (bits + 7) >> 3;
	}

	private static int scoreBytes(int tag) {
		return tag == DOUBLE ? 8 : tag;
	}

	private long readLong(int at, int bytes) {
		long v = 0;
		for (int i = bytes - 1; i >= 0; i--) {
			v = v << 8 | (data[at + i] & 0xff);
		}
		return v;
	}

	private void writeLong(int at, long v, int bytes) {
		for (int i = 0; i < bytes; i++) {
			data[at + i] = (byte) (v >>> (8 * i));
		}
	}

	/**
	 * Checks that the entries parse forwards and backwards to {@link #used} bytes and
	 * {@link #count} members in strict order (tests only: walks everything).
	 */
	void verify() {
		int n = 0;
		int prevAt = -1;
		for (int at = first(); at >= 0; at = next(at)) {
			int tag = data[at + 1];
			if (data[at] < 0 || data[at] > ZSetValue.MAX_LISTPACK_VALUE || tag < 0 || tag > DOUBLE
					|| prev(at) != prevAt) {
				throw new IllegalStateException("bad listpack entry at " + at);
			}
			if (prevAt >= 0 && compareAt(prevAt, score(at), member(at)) >= 0) {
				throw new IllegalStateException("listpack out of order at " + at);
			}
			prevAt = at;
			n++;
		}
		if (n != count || last() != prevAt || used > data.length) {
			throw new IllegalStateException("listpack holds " + n + " entries, counted " + count);
		}
	}

}

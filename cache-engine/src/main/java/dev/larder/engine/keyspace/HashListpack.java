package dev.larder.engine.keyspace;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The listpack encoding of a small hash: its fields and values packed into one byte array
 * in insertion order, as Redis keeps hashes of up to 512 fields whose fields and values
 * are at most 64 bytes. A field and its value cost their bytes plus 2 (as separate arrays
 * with slots in an array of references they cost about 40 more); in exchange every lookup
 * is a linear scan, as in Redis, which is why only small hashes use it.
 *
 * <p>
 * An entry is laid out as {@code [field length][value length][field][value]}, each length
 * one byte (both are at most 64 bytes). Both lengths come first so that a scan finds the
 * next entry from one spot: each step waits on one load, not two in a row. Positions are
 * byte offsets of entries, -1 for none. The array keeps up to an eighth spare for
 * appends, and is cut back when half of it is unused. Not thread-safe: the owning shard's
 * lock guards it.
 */
final class HashListpack {

	/** The heap of this object, its array not included. */
	static final long SHELL = JvmLayout.instance(HashListpack.class);

	private static final byte[] EMPTY = new byte[0];

	/** The entries in the first {@link #used} bytes. */
	private byte[] data = EMPTY;

	private int used;

	private int count;

	int size() {
		return count;
	}

	/** This object and its array: what memory accounting counts for the encoding. */
	long heapBytes() {
		return SHELL + (data.length == 0 ? 0 : JvmLayout.byteArray(data.length));
	}

	int first() {
		return used == 0 ? -1 : 0;
	}

	int next(int at) {
		int next = at + 2 + data[at] + data[at + 1];
		return next == used ? -1 : next;
	}

	/** The entry of {@code field}, or -1 when the hash has no such field. */
	int find(byte[] field) {
		int len = field.length;
		for (int at = 0; at < used;) {
			int flen = data[at];
			// the last byte first: fields often share a prefix ("user:1", "user:2")
			if (flen == len && (len == 0 || data[at + 1 + len] == field[len - 1])
					&& Arrays.equals(data, at + 2, at + 2 + len, field, 0, len)) {
				return at;
			}
			at += 2 + flen + data[at + 1];
		}
		return -1;
	}

	/** A copy of the field of the entry at {@code at}. */
	byte[] field(int at) {
		return Arrays.copyOfRange(data, at + 2, at + 2 + data[at]);
	}

	/** A copy of the value of the entry at {@code at}. */
	byte[] value(int at) {
		int valueAt = at + 2 + data[at];
		return Arrays.copyOfRange(data, valueAt, valueAt + data[at + 1]);
	}

	/** Adds a field known to be absent after the others (both of at most 64 bytes). */
	void append(byte[] field, byte[] value) {
		ensureCapacity(used + 2 + field.length + value.length);
		data[used] = (byte) field.length;
		data[used + 1] = (byte) value.length;
		System.arraycopy(field, 0, data, used + 2, field.length);
		int valueAt = used + 2 + field.length;
		System.arraycopy(value, 0, data, valueAt, value.length);
		used = valueAt + value.length;
		count++;
	}

	/** Replaces the value of the entry at {@code at}, which keeps its place. */
	void replaceValue(int at, byte[] value) {
		int valueAt = at + 2 + data[at];
		int oldEnd = valueAt + data[at + 1];
		int newEnd = valueAt + value.length;
		if (newEnd > oldEnd) {
			ensureCapacity(used + newEnd - oldEnd);
		}
		if (newEnd != oldEnd) {
			System.arraycopy(data, oldEnd, data, newEnd, used - oldEnd);
		}
		data[at + 1] = (byte) value.length;
		System.arraycopy(value, 0, data, valueAt, value.length);
		used += newEnd - oldEnd;
		shrinkIfSparse();
	}

	void removeAt(int at) {
		int end = at + 2 + data[at] + data[at + 1];
		System.arraycopy(data, end, data, at, used - end);
		used -= end - at;
		count--;
		shrinkIfSparse();
	}

	/** An independent copy with an array of the same size. */
	HashListpack copy() {
		HashListpack copy = new HashListpack();
		copy.data = data.length == 0 ? EMPTY : data.clone();
		copy.used = used;
		copy.count = count;
		return copy;
	}

	private void ensureCapacity(int needed) {
		if (needed > data.length) {
			// an eighth spare, rounded to whole 8-byte words of the array's allocation
			data = Arrays.copyOf(data, (needed + (needed >> 3) + 7) & -8);
		}
	}

	private void shrinkIfSparse() {
		if (used == 0) {
			data = EMPTY;
		}
		else if (data.length > 64 && used < data.length / 2) {
			data = Arrays.copyOf(data, (used + (used >> 3) + 7) & -8);
		}
	}

	/**
	 * Checks that the entries parse to exactly {@link #used} bytes and {@link #count}
	 * fields of at most 64 bytes, each field once (tests only: walks everything).
	 */
	void verify() {
		int n = 0;
		Set<String> fields = new HashSet<>();
		for (int at = first(); at >= 0; at = next(at)) {
			if (data[at] < 0 || data[at] > HashValue.MAX_COMPACT_VALUE || data[at + 1] < 0
					|| data[at + 1] > HashValue.MAX_COMPACT_VALUE || at + 2 + data[at] + data[at + 1] > used) {
				throw new IllegalStateException("bad listpack entry at " + at);
			}
			if (!fields.add(Arrays.toString(field(at)))) {
				throw new IllegalStateException("field twice in the listpack at " + at);
			}
			n++;
		}
		if (n != count || used > data.length) {
			throw new IllegalStateException("listpack holds " + n + " entries, counted " + count);
		}
	}

}

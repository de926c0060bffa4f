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
 * An entry is laid out as {@code [field length][field][value length][value]}, each length
 * one byte (both are at most 64 bytes). Positions are byte offsets of entries, -1 for
 * none. The array keeps up to an eighth spare for appends, and is cut back when half of
 * it is unused. Not thread-safe: the owning shard's lock guards it.
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
		int valueAt = at + 1 + data[at];
		int next = valueAt + 1 + data[valueAt];
		return next == used ? -1 : next;
	}

	/** The entry of {@code field}, or -1 when the hash has no such field. */
	int find(byte[] field) {
		int len = field.length;
		for (int at = 0; at < used;) {
			int flen = data[at];
			if (flen == len && Arrays.equals(data, at + 1, at + 1 + len, field, 0, len)) {
				return at;
			}
			int valueAt = at + 1 + flen;
			at = valueAt + 1 + data[valueAt];
		}
		return -1;
	}

	/** A copy of the field of the entry at {@code at}. */
	byte[] field(int at) {
		return Arrays.copyOfRange(data, at + 1, at + 1 + data[at]);
	}

	/** A copy of the value of the entry at {@code at}. */
	byte[] value(int at) {
		int valueAt = at + 1 + data[at];
		return Arrays.copyOfRange(data, valueAt + 1, valueAt + 1 + data[valueAt]);
	}

	/** The length of the value of the entry at {@code at}, without copying it. */
	int valueLength(int at) {
		return data[at + 1 + data[at]];
	}

	/** Adds a field known to be absent after the others (both of at most 64 bytes). */
	void append(byte[] field, byte[] value) {
		ensureCapacity(used + 2 + field.length + value.length);
		data[used] = (byte) field.length;
		System.arraycopy(field, 0, data, used + 1, field.length);
		int valueAt = used + 1 + field.length;
		data[valueAt] = (byte) value.length;
		System.arraycopy(value, 0, data, valueAt + 1, value.length);
		used = valueAt + 1 + value.length;
		count++;
	}

	/** Replaces the value of the entry at {@code at}, which keeps its place. */
	void replaceValue(int at, byte[] value) {
		int valueAt = at + 1 + data[at];
		int oldEnd = valueAt + 1 + data[valueAt];
		int newEnd = valueAt + 1 + value.length;
		if (newEnd > oldEnd) {
			ensureCapacity(used + newEnd - oldEnd);
		}
		System.arraycopy(data, oldEnd, data, newEnd, used - oldEnd);
		data[valueAt] = (byte) value.length;
		System.arraycopy(value, 0, data, valueAt + 1, value.length);
		used += newEnd - oldEnd;
		shrinkIfSparse();
	}

	void removeAt(int at) {
		int valueAt = at + 1 + data[at];
		int end = valueAt + 1 + data[valueAt];
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
			int valueAt = at + 1 + data[at];
			if (data[at] < 0 || data[at] > HashValue.MAX_COMPACT_VALUE || data[valueAt] < 0
					|| data[valueAt] > HashValue.MAX_COMPACT_VALUE || valueAt + 1 + data[valueAt] > used) {
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

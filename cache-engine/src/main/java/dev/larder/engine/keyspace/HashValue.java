package dev.larder.engine.keyspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A Redis hash. Small hashes keep field/value pairs in one insertion-ordered array, like
 * Redis's listpack encoding, so HGETALL/HKEYS order matches Redis exactly and small
 * hashes stay compact. Past Redis's thresholds (512 fields, 64-byte strings) it converts,
 * once and for good, to a {@link Dict} like Redis's hashtable encoding.
 *
 * <p>
 * Its memory estimate is this object and the fields' and values' bytes, plus the array
 * (its capacity) in the compact encoding, or the dict, its table and an entry per field
 * in the hashtable encoding.
 */
public final class HashValue extends AccountedValue implements CollectionValue {

	public static final int MAX_COMPACT_ENTRIES = 512;

	public static final int MAX_COMPACT_VALUE = 64;

	private static final int INITIAL_PAIRS = 8;

	private static final long SHELL = JvmLayout.instance(HashValue.class);

	private static final byte[][] CONVERTED = new byte[0][];

	/**
	 * Compact encoding: field0, value0, field1, value1, ... in the first {@code count}
	 * pairs of slots, the other slots null; empty once converted.
	 */
	private byte[] @Nullable [] pairs = new byte[INITIAL_PAIRS][];

	private int count;

	/** The hashtable encoding; null while the hash is compact. */
	private @Nullable Dict<DictEntry> dict;

	private final EncodingLimits limits;

	/** An empty hash under Redis's default limits. */
	public HashValue() {
		this(EncodingLimits.DEFAULTS);
	}

	/**
	 * An empty hash that stays compact within {@code limits}, as they are when it grows.
	 */
	public HashValue(EncodingLimits limits) {
		super(SHELL + JvmLayout.referenceArray(INITIAL_PAIRS));
		this.limits = limits;
	}

	@Override
	public ValueType type() {
		return ValueType.HASH;
	}

	@Override
	public <R> R accept(ValueVisitor<R> visitor) {
		return visitor.visitHash(this);
	}

	public boolean isCompact() {
		return dict == null;
	}

	@Override
	public String encoding() {
		return dict == null ? "listpack" : "hashtable";
	}

	public int size() {
		return dict == null ? count : dict.size();
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	/** The field's value, or null when the hash has no such field. */
	public byte @Nullable [] get(byte[] field) {
		if (dict != null) {
			DictEntry e = dict.get(field, Bytes.hash(field));
			return e == null ? null : (byte[]) e.value;
		}
		int i = indexOf(field);
		return i < 0 ? null : pairs[i + 1];
	}

	/**
	 * Sets a field; returns true if it was new. An existing field keeps its position, as
	 * in a listpack.
	 */
	public boolean put(byte[] field, byte[] value) {
		if (dict == null
				&& (field.length > limits.hashMaxListpackValue() || value.length > limits.hashMaxListpackValue())) {
			convert();
		}
		if (dict != null) {
			int h = Bytes.hash(field);
			DictEntry e = dict.get(field, h);
			if (e != null) {
				resized(JvmLayout.byteArray(value.length) - JvmLayout.byteArray(((byte[]) e.value).length));
				e.value = value;
				return false;
			}
			insertIntoDict(dict, field, h, value);
			return true;
		}
		int i = indexOf(field);
		if (i >= 0) {
			resized(JvmLayout.byteArray(value.length) - JvmLayout.byteArray(slot(i + 1).length));
			pairs[i + 1] = value;
			return false;
		}
		if (count >= limits.hashMaxListpackEntries()) {
			insertIntoDict(convert(), field, Bytes.hash(field), value);
			return true;
		}
		if (count * 2 + 2 > pairs.length) {
			resized(JvmLayout.referenceArray(pairs.length * 2) - JvmLayout.referenceArray(pairs.length));
			pairs = Arrays.copyOf(pairs, pairs.length * 2);
		}
		pairs[count * 2] = field;
		pairs[count * 2 + 1] = value;
		count++;
		resized(pairBytes(field, value));
		return true;
	}

	private void insertIntoDict(Dict<DictEntry> d, byte[] field, int hash, byte[] value) {
		long table = d.tableBytes();
		d.insert(new DictEntry(field, hash, value));
		resized(DictEntry.SHELL + pairBytes(field, value) + d.tableBytes() - table);
	}

	private static long pairBytes(byte[] field, byte[] value) {
		return JvmLayout.byteArray(field.length) + JvmLayout.byteArray(value.length);
	}

	public boolean remove(byte[] field) {
		if (dict != null) {
			long table = dict.tableBytes();
			DictEntry e = dict.remove(field, Bytes.hash(field));
			if (e == null) {
				return false;
			}
			resized(dict.tableBytes() - table - DictEntry.SHELL - pairBytes(e.key, (byte[]) e.value));
			return true;
		}
		int i = indexOf(field);
		if (i < 0) {
			return false;
		}
		resized(-pairBytes(slot(i), slot(i + 1)));
		System.arraycopy(pairs, i + 2, pairs, i, count * 2 - i - 2);
		count--;
		pairs[count * 2] = null;
		pairs[count * 2 + 1] = null;
		return true;
	}

	/** Visits fields in Redis's order for the compact encoding (insertion order). */
	public void forEach(BiConsumer<byte[], byte[]> action) {
		if (dict != null) {
			dict.forEach(e -> action.accept(e.key, (byte[]) e.value));
			return;
		}
		for (int i = 0; i < count; i++) {
			action.accept(slot(i * 2), slot(i * 2 + 1));
		}
	}

	/** Field/value pairs as a flat list, in iteration order. */
	public List<byte[]> flatten() {
		List<byte[]> out = new ArrayList<>(size() * 2);
		forEach((f, v) -> {
			out.add(f);
			out.add(v);
		});
		return out;
	}

	/**
	 * One HSCAN step over the hashtable encoding; compact hashes are returned whole by
	 * the caller.
	 */
	public long scan(long cursor, BiConsumer<byte[], byte[]> visitor) {
		Dict<DictEntry> d = Objects.requireNonNull(dict, "HSCAN steps only through the hashtable encoding");
		return d.scan(cursor, e -> visitor.accept(e.key, (byte[]) e.value));
	}

	/**
	 * A random field index into {@link #flatten()}-order for compact hashes, or a random
	 * entry otherwise. The hash must not be empty (a stored hash never is).
	 */
	public byte[][] randomPair(RandomGenerator rnd) {
		if (dict != null) {
			DictEntry e = dict.random(rnd);
			if (e == null) {
				throw new NoSuchElementException("empty hash");
			}
			return new byte[][] { e.key, (byte[]) e.value };
		}
		int i = rnd.nextInt(count);
		return new byte[][] { slot(i * 2), slot(i * 2 + 1) };
	}

	/**
	 * A copy in this hash's encoding, as hashTypeDup makes one: a hashtable stays one
	 * even when it has shrunk below the listpack limits.
	 */
	@Override
	public HashValue deepCopy() {
		HashValue copy = new HashValue(limits);
		if (dict == null) {
			copy.pairs = Arrays.copyOf(pairs, pairs.length);
			copy.count = count;
			// the same array and members as this hash
			copy.resized(memoryUsage() - copy.memoryUsage());
		}
		else {
			Dict<DictEntry> copied = new Dict<>();
			dict.forEach(e -> copied.insert(new DictEntry(e.key, e.hash, e.value)));
			copy.pairs = CONVERTED;
			copy.dict = copied;
			// the same entries and members, in a table that may be smaller than this
			// one's
			copy.resized(memoryUsage() - dict.tableBytes() + copied.tableBytes() - copy.memoryUsage());
		}
		return copy;
	}

	private int indexOf(byte[] field) {
		for (int i = 0; i < count * 2; i += 2) {
			if (Arrays.equals(pairs[i], field)) {
				return i;
			}
		}
		return -1;
	}

	/** Switches to the hashtable encoding, for good, and returns the new dict. */
	private Dict<DictEntry> convert() {
		Dict<DictEntry> d = new Dict<>();
		for (int i = 0; i < count; i++) {
			byte[] f = slot(i * 2);
			d.insert(new DictEntry(f, Bytes.hash(f), slot(i * 2 + 1)));
		}
		resized(Dict.SHELL + d.tableBytes() + count * DictEntry.SHELL - JvmLayout.referenceArray(pairs.length));
		dict = d;
		pairs = CONVERTED;
		count = 0;
		return d;
	}

	/** Slot {@code i} of the compact encoding, which must be below {@code 2 * count}. */
	// The type cannot say that the slots of the first count pairs are never null, and
	// every walk of a compact hash reads them, so no check is added to prove it.
	@SuppressWarnings("NullAway")
	private byte[] slot(int i) {
		return pairs[i];
	}

	@Override
	long recount() {
		long[] total = { SHELL };
		if (dict == null) {
			total[0] += JvmLayout.referenceArray(pairs.length);
		}
		else {
			total[0] += Dict.SHELL + dict.tableBytes() + dict.size() * DictEntry.SHELL;
		}
		forEach((f, v) -> total[0] += pairBytes(f, v));
		return total[0];
	}

}

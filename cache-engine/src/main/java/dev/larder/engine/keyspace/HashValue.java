package dev.larder.engine.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A Redis hash. Small hashes keep their fields and values packed in one byte array in
 * insertion order ({@link HashListpack}), like Redis's listpack encoding, so
 * HGETALL/HKEYS order matches Redis exactly and small hashes stay compact; every
 * operation on one is a linear scan, as in Redis. Past Redis's thresholds (512 fields,
 * 64-byte strings) it converts, once and for good, to a {@link Dict} like Redis's
 * hashtable encoding.
 *
 * <p>
 * A compact hash hands out copies of its fields and values (they live in its array); a
 * hashtable hands out the arrays it holds. Neither may be changed by the caller.
 *
 * <p>
 * Its memory estimate is this object plus, in the compact encoding, the listpack object
 * and its array (its capacity); in the hashtable encoding, the dict, its table, and an
 * entry and the field's and value's arrays per field.
 */
public final class HashValue extends AccountedValue implements CollectionValue {

	public static final int MAX_COMPACT_ENTRIES = 512;

	public static final int MAX_COMPACT_VALUE = 64;

	private static final long SHELL = JvmLayout.instance(HashValue.class);

	/** The compact encoding; null once converted. */
	private @Nullable HashListpack pack = new HashListpack();

	/** The hashtable encoding; null while the hash is compact. */
	private @Nullable Dict<DictEntry> dict;

	/**
	 * Up to where it stays compact (CONFIG SET hash-max-listpack-*), read as it grows.
	 */
	private final EncodingLimits limits;

	/** An empty hash under Redis's default limits. */
	public HashValue() {
		this(EncodingLimits.DEFAULTS);
	}

	/**
	 * An empty hash that stays compact within {@code limits}, as they are when it grows.
	 */
	public HashValue(EncodingLimits limits) {
		super(SHELL + HashListpack.SHELL);
		this.limits = limits;
	}

	private HashValue(long bytes, EncodingLimits limits) {
		super(bytes);
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
		return pack != null;
	}

	@Override
	public String encoding() {
		return pack != null ? "listpack" : "hashtable";
	}

	public int size() {
		HashListpack p = pack;
		return p != null ? p.size() : dict().size();
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	/** The field's value, or null when the hash has no such field. */
	public byte @Nullable [] get(byte[] field) {
		HashListpack p = pack;
		if (p == null) {
			DictEntry e = dict().get(field, Bytes.hash(field));
			return e == null ? null : (byte[]) e.value;
		}
		int at = p.find(field);
		return at < 0 ? null : p.value(at);
	}

	/**
	 * Sets a field; returns true if it was new. An existing field keeps its position, as
	 * in a listpack.
	 */
	public boolean put(byte[] field, byte[] value) {
		HashListpack p = pack;
		if (p != null) {
			long maxValue = limits.hashMaxListpackValue();
			if (field.length <= maxValue && value.length <= maxValue) {
				int at = p.find(field);
				long before = p.heapBytes();
				if (at >= 0) {
					p.replaceValue(at, value);
					resized(p.heapBytes() - before);
					return false;
				}
				if (p.size() < limits.hashMaxListpackEntries()) {
					p.append(field, value);
					resized(p.heapBytes() - before);
					return true;
				}
			}
			convert(p);
		}
		Dict<DictEntry> d = dict();
		int h = Bytes.hash(field);
		DictEntry e = d.get(field, h);
		if (e != null) {
			resized(JvmLayout.byteArray(value.length) - JvmLayout.byteArray(((byte[]) e.value).length));
			e.value = value;
			return false;
		}
		long table = d.tableBytes();
		d.insert(new DictEntry(field, h, value));
		resized(DictEntry.SHELL + pairBytes(field, value) + d.tableBytes() - table);
		return true;
	}

	private static long pairBytes(byte[] field, byte[] value) {
		return JvmLayout.byteArray(field.length) + JvmLayout.byteArray(value.length);
	}

	public boolean remove(byte[] field) {
		HashListpack p = pack;
		if (p != null) {
			int at = p.find(field);
			if (at < 0) {
				return false;
			}
			long before = p.heapBytes();
			p.removeAt(at);
			resized(p.heapBytes() - before);
			return true;
		}
		Dict<DictEntry> d = dict();
		long table = d.tableBytes();
		DictEntry e = d.remove(field, Bytes.hash(field));
		if (e == null) {
			return false;
		}
		resized(d.tableBytes() - table - DictEntry.SHELL - pairBytes(e.key, (byte[]) e.value));
		return true;
	}

	/** Visits fields in Redis's order for the compact encoding (insertion order). */
	public void forEach(BiConsumer<byte[], byte[]> action) {
		HashListpack p = pack;
		if (p == null) {
			dict().forEach(e -> action.accept(e.key, (byte[]) e.value));
			return;
		}
		for (int at = p.first(); at >= 0; at = p.next(at)) {
			action.accept(p.field(at), p.value(at));
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
	 * A random field and its value: any pair of a compact hash with equal chance, or a
	 * random entry otherwise. The hash must not be empty (a stored hash never is).
	 */
	public byte[][] randomPair(RandomGenerator rnd) {
		HashListpack p = pack;
		if (p == null) {
			DictEntry e = dict().random(rnd);
			if (e == null) {
				throw new NoSuchElementException("empty hash");
			}
			return new byte[][] { e.key, (byte[]) e.value };
		}
		if (p.size() == 0) {
			throw new NoSuchElementException("empty hash");
		}
		int at = p.first();
		for (int skip = rnd.nextInt(p.size()); skip > 0; skip--) {
			at = p.next(at);
		}
		return new byte[][] { p.field(at), p.value(at) };
	}

	/**
	 * A copy in this hash's encoding, as hashTypeDup makes one: a hashtable stays one
	 * even when it has shrunk below the listpack limits.
	 */
	@Override
	public HashValue deepCopy() {
		HashListpack p = pack;
		if (p != null) {
			// the same object and array sizes as this hash
			HashValue copy = new HashValue(memoryUsage(), limits);
			copy.pack = p.copy();
			return copy;
		}
		Dict<DictEntry> d = dict();
		Dict<DictEntry> copied = new Dict<>();
		d.forEach(e -> copied.insert(new DictEntry(e.key, e.hash, e.value)));
		// the same entries and members, in a table that may be smaller than this one's
		HashValue copy = new HashValue(memoryUsage() - d.tableBytes() + copied.tableBytes(), limits);
		copy.pack = null;
		copy.dict = copied;
		return copy;
	}

	/** Switches to the hashtable encoding, for good. */
	private void convert(HashListpack p) {
		Dict<DictEntry> d = new Dict<>();
		long pairs = 0;
		for (int at = p.first(); at >= 0; at = p.next(at)) {
			byte[] f = p.field(at);
			byte[] v = p.value(at);
			d.insert(new DictEntry(f, Bytes.hash(f), v));
			pairs += DictEntry.SHELL + pairBytes(f, v);
		}
		pack = null;
		dict = d;
		resized(Dict.SHELL + d.tableBytes() + pairs - p.heapBytes());
	}

	@Override
	long recount() {
		HashListpack p = pack;
		if (p != null) {
			return SHELL + p.heapBytes();
		}
		Dict<DictEntry> d = dict();
		long[] total = { SHELL + Dict.SHELL + d.tableBytes() };
		d.forEach(e -> total[0] += DictEntry.SHELL + pairBytes(e.key, (byte[]) e.value));
		return total[0];
	}

	/** Checks the compact encoding's entries (tests only: walks everything). */
	void verify() {
		HashListpack p = pack;
		if (p != null) {
			p.verify();
		}
	}

	// The encoding is either the listpack or the dict, never both or neither: every
	// method asks pack first, so the hashtable's accessor adds no check.
	@SuppressWarnings("NullAway")
	private Dict<DictEntry> dict() {
		return dict;
	}

}

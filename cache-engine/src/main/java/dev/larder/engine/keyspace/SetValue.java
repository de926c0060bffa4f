package dev.larder.engine.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A Redis set over a {@link Dict} of members. While every member is an integer and there
 * are at most 512 of them it reports {@code intset}, as Redis 7.0 does, and lists members
 * in ascending numeric order (what an intset's iteration gives); the first non-integer
 * member or the 513th switches it to {@code hashtable} for good, again as in Redis.
 *
 * <p>
 * Both encodings are the same dict, so its memory estimate is the same for both: this
 * object, the dict and its table, and an entry plus the member's bytes per member.
 */
public final class SetValue extends AccountedValue implements CollectionValue {

	public static final int MAX_INTSET_ENTRIES = 512;

	private static final long SHELL = JvmLayout.instance(SetValue.class) + Dict.SHELL;

	private final Dict<DictEntry> dict = new Dict<>();

	/**
	 * The limits an intset checks as it grows; null once the set is a hashtable, which it
	 * stays. One field for both the encoding and its limits keeps the object at 32 bytes.
	 */
	private @Nullable EncodingLimits intset;

	/** An empty set under Redis's default limits. */
	public SetValue() {
		this(EncodingLimits.DEFAULTS);
	}

	/**
	 * An empty set that stays an intset within {@code limits}, as they are when it grows.
	 */
	public SetValue(EncodingLimits limits) {
		super(SHELL);
		this.intset = limits;
	}

	@Override
	public ValueType type() {
		return ValueType.SET;
	}

	@Override
	public <R> R accept(ValueVisitor<R> visitor) {
		return visitor.visitSet(this);
	}

	@Override
	public boolean isEmpty() {
		return dict.isEmpty();
	}

	public int size() {
		return dict.size();
	}

	public boolean isIntset() {
		return intset != null;
	}

	@Override
	public String encoding() {
		return intset != null ? "intset" : "hashtable";
	}

	public boolean contains(byte[] member) {
		return dict.get(member, Bytes.hash(member)) != null;
	}

	public boolean add(byte[] member) {
		int h = Bytes.hash(member);
		if (dict.get(member, h) != null) {
			return false;
		}
		EncodingLimits limits = intset;
		if (limits != null && (dict.size() >= limits.setMaxIntsetEntries() || !isCanonicalLong(member))) {
			intset = null;
		}
		long table = dict.tableBytes();
		dict.insert(new DictEntry(member, h, DictEntry.NO_VALUE));
		resized(memberBytes(member) + dict.tableBytes() - table);
		return true;
	}

	public boolean remove(byte[] member) {
		long table = dict.tableBytes();
		if (dict.remove(member, Bytes.hash(member)) == null) {
			return false;
		}
		resized(dict.tableBytes() - table - memberBytes(member));
		return true;
	}

	private static long memberBytes(byte[] member) {
		return DictEntry.SHELL + JvmLayout.byteArray(member.length);
	}

	/** A random member: the set must not be empty (a stored set never is). */
	public byte[] random(RandomGenerator rnd) {
		DictEntry e = dict.random(rnd);
		if (e == null) {
			throw new NoSuchElementException("empty set");
		}
		return e.key;
	}

	/**
	 * Members in Redis's iteration order where it is defined (intset: ascending), else
	 * dict order.
	 */
	public List<byte[]> members() {
		List<byte[]> out = new ArrayList<>(dict.size());
		dict.forEach(e -> out.add(e.key));
		if (intset != null) {
			out.sort((a, b) -> Long.compare(intsetValue(a), intsetValue(b)));
		}
		return out;
	}

	public void forEach(Consumer<byte[]> action) {
		dict.forEach(e -> action.accept(e.key));
	}

	public long scan(long cursor, Consumer<byte[]> visitor) {
		return dict.scan(cursor, e -> visitor.accept(e.key));
	}

	@Override
	public SetValue deepCopy() {
		SetValue copy = new SetValue();
		dict.forEach(e -> copy.dict.insert(new DictEntry(e.key, e.hash, DictEntry.NO_VALUE)));
		copy.intset = intset;
		// the same members, in a table that may be smaller than this one's
		copy.resized(memoryUsage() - SHELL - dict.tableBytes() + copy.dict.tableBytes());
		return copy;
	}

	@Override
	long recount() {
		long[] total = { SHELL + dict.tableBytes() };
		dict.forEach(e -> total[0] += memberBytes(e.key));
		return total[0];
	}

	private static long intsetValue(byte[] member) {
		// add() keeps intset only while every member passes isCanonicalLong.
		return Objects.requireNonNull(Bytes.parseLong(member), "an intset member is an integer");
	}

	/**
	 * string2ll with the round trip Redis's intset requires: no leading zeros, '+', or
	 * spaces.
	 */
	static boolean isCanonicalLong(byte[] b) {
		Long v = Bytes.parseLong(b);
		return v != null && java.util.Arrays.equals(Bytes.fromLong(v), b);
	}

}

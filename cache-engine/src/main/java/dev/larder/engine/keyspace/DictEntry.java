package dev.larder.engine.keyspace;

import org.jspecify.annotations.Nullable;

/** A node of a {@link Dict} chain: the key bytes, their hash, and the value. */
public class DictEntry {

	/** The heap of one plain entry (a hash field or set member), not its bytes. */
	static final long SHELL = JvmLayout.instance(DictEntry.class);

	/**
	 * The value of entries that are only a key (set members, sorted-set nodes): like
	 * {@code HashSet}'s {@code PRESENT}, a shared marker keeps {@link #value} non-null
	 * for the keys and hash fields that have one, and costs no more than the null it
	 * replaces.
	 */
	static final Object NO_VALUE = new Object();

	/**
	 * The key's bytes, or {@link InlineKeys#MARKER} for a top-level key kept inline: read
	 * it through {@link #key()} unless the entry is known to be a hash field, set member
	 * or sorted-set member.
	 */
	final byte[] key;

	final int hash;

	Object value;

	/** The next entry of the same bucket, or null at the end of the chain. */
	@Nullable DictEntry next;

	public DictEntry(byte[] key, int hash, Object value) {
		this.key = key;
		this.hash = hash;
		this.value = value;
	}

	/**
	 * The key's bytes: the stored array, or a new one for a short top-level key kept
	 * inline ({@link InlineKeys}).
	 */
	public byte[] key() {
		byte[] k = key;
		return k != InlineKeys.MARKER ? k : inlineKey();
	}

	private byte[] inlineKey() {
		InlineKey inline = (InlineKey) this;
		return InlineKeys.bytes(inline.keyLow(), inline.keyHigh());
	}

	/** Whether this entry's key is {@code other}, without making an array of it. */
	final boolean keyEquals(byte[] other) {
		byte[] k = key;
		if (k != InlineKeys.MARKER) {
			return Bytes.equals(k, other);
		}
		InlineKey inline = (InlineKey) this;
		return InlineKeys.equals(inline.keyLow(), inline.keyHigh(), other);
	}

	/** The hash of {@link #key()} (Bytes.hash), kept so it is never computed twice. */
	public int hash() {
		return hash;
	}

	public Object value() {
		return value;
	}

}

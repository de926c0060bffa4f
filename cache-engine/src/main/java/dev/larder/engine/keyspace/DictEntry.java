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

	public byte[] key() {
		return key;
	}

	/** The hash of {@link #key()} (Bytes.hash), kept so it is never computed twice. */
	public int hash() {
		return hash;
	}

	public Object value() {
		return value;
	}

}

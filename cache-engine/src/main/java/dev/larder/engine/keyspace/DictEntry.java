package dev.larder.engine.keyspace;

/** A node of a {@link Dict} chain: the key bytes, their hash, and the value. */
public class DictEntry {

	/** The heap of one plain entry (a hash field or set member), not its bytes. */
	static final long SHELL = JvmLayout.instance(DictEntry.class);

	final byte[] key;

	final int hash;

	Object value;

	DictEntry next;

	public DictEntry(byte[] key, int hash, Object value) {
		this.key = key;
		this.hash = hash;
		this.value = value;
	}

	public byte[] key() {
		return key;
	}

	public Object value() {
		return value;
	}

}

package dev.larder.engine.keyspace;

/**
 * A top-level key. The expiry lives in the entry itself (one object per key instead of
 * Redis's separate expires dict), and {@code volatileIndex} is its slot in the shard's
 * array of keys with a TTL, which is what the active expiry cycle samples.
 */
public final class KeyEntry extends DictEntry {

	/** Value of {@link #expireAt()} for keys without a TTL. */
	public static final long NO_EXPIRY = -1;

	long expireAt = NO_EXPIRY;

	int volatileIndex = -1;

	/** Only {@link Database} makes entries, so a value is a string or a collection. */
	KeyEntry(byte[] key, int hash, Object value) {
		super(key, hash, value);
	}

	/** Absolute expiry in Unix milliseconds, or {@link #NO_EXPIRY}. */
	public long expireAt() {
		return expireAt;
	}

	public boolean hasExpiry() {
		return expireAt != NO_EXPIRY;
	}

	/** Redis's keyIsExpired: a key is gone once the clock is strictly past its expiry. */
	public boolean isExpired(long nowMillis) {
		return expireAt != NO_EXPIRY && nowMillis > expireAt;
	}

	// Typed views of the value, for callers that have checked its type
	// (CommandContext.lookupRead/lookupWrite, ValueType.of): the casts live here rather
	// than in every command, and another type fails them with a ClassCastException.

	public byte[] asString() {
		return (byte[]) value;
	}

	public ListValue asList() {
		return (ListValue) value;
	}

	public SetValue asSet() {
		return (SetValue) value;
	}

	public ZSetValue asZSet() {
		return (ZSetValue) value;
	}

	public HashValue asHash() {
		return (HashValue) value;
	}

}

package dev.larder.engine.keyspace;

/**
 * A top-level key. Keys without a TTL are this class; a key gets a TTL by being replaced
 * in its dict with a {@link VolatileKeyEntry}, which adds the expiry and its slot in the
 * shard's array of keys with a TTL (what the active expiry cycle samples): so a key
 * without a TTL does not pay for one, as in Redis, whose expires dict holds only keys
 * that have a TTL.
 *
 * <p>
 * {@link #access} is Redis's 24-bit {@code lru} field of an object, widened to 32 bits:
 * the time of the last access, or under an LFU policy Redis's minutes-and-counter pair
 * (see {@link KeyAccess}). It fills what would be padding of the object.
 */
public sealed class KeyEntry extends DictEntry permits VolatileKeyEntry, InlineKeyEntry {

	/** Value of {@link #expireAt()} for keys without a TTL. */
	public static final long NO_EXPIRY = -1;

	int access;

	/** Only {@link Database} makes entries, so a value is a string or a collection. */
	KeyEntry(byte[] key, int hash, Object value) {
		super(key, hash, value);
	}

	/** The entry for a key without a TTL: its key inline when short enough. */
	static KeyEntry of(byte[] key, int hash, Object value) {
		return InlineKeys.fits(key) ? new InlineKeyEntry(key, hash, value) : new KeyEntry(key, hash, value);
	}

	/** The heap this entry and its key's bytes take (not the value). */
	long entryAndKeyBytes() {
		if (this instanceof InlineKey) {
			return this instanceof VolatileKeyEntry ? DbShard.VOLATILE_INLINE_ENTRY_BYTES : DbShard.INLINE_ENTRY_BYTES;
		}
		return (this instanceof VolatileKeyEntry ? DbShard.VOLATILE_ENTRY_BYTES : DbShard.ENTRY_BYTES)
				+ JvmLayout.byteArray(key.length);
	}

	/** Absolute expiry in Unix milliseconds, or {@link #NO_EXPIRY}. */
	public long expireAt() {
		return NO_EXPIRY;
	}

	public boolean hasExpiry() {
		return false;
	}

	/** Redis's keyIsExpired: a key is gone once the clock is strictly past its expiry. */
	public boolean isExpired(long nowMillis) {
		return false;
	}

	// Typed views of the value, for callers that have checked its type
	// (CommandContext.lookupRead/lookupWrite, ValueType.of): the casts live here rather
	// than in every command, and another type fails them with a ClassCastException.

	/**
	 * The string's bytes, safe to keep and to reply with: a copy when the stored string
	 * may later change in place (a bitmap, see {@link RawString}).
	 */
	public byte[] asString() {
		Object v = value;
		return v instanceof RawString raw ? raw.bytes.clone() : (byte[]) v;
	}

	/**
	 * The stored bytes themselves, without a copy, for a command reading them under the
	 * key's shard lock: not to be changed, nor kept or replied with past the lock.
	 */
	public byte[] stringUnderLock() {
		Object v = value;
		return v instanceof RawString raw ? raw.bytes : (byte[]) v;
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

	public StreamValue asStream() {
		return (StreamValue) value;
	}

}

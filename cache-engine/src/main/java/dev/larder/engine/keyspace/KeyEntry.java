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

	public KeyEntry(byte[] key, int hash, Object value) {
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

}

package dev.larder.engine.keyspace;

/**
 * A key that has, or once had, a TTL. It stays this class after PERSIST (its expiry back
 * to {@link #NO_EXPIRY}): turning back would allocate on every PERSIST for 16 bytes.
 */
final class VolatileKeyEntry extends KeyEntry {

	long expireAt = NO_EXPIRY;

	/** Slot in the slice's array of keys with a TTL, or -1 when it has none. */
	int volatileIndex = -1;

	VolatileKeyEntry(byte[] key, int hash, Object value) {
		super(key, hash, value);
	}

	/** A copy of {@code e} that can hold a TTL, to take its place in the dict. */
	VolatileKeyEntry(KeyEntry e) {
		super(e.key, e.hash, e.value);
		this.access = e.access;
	}

	@Override
	public long expireAt() {
		return expireAt;
	}

	@Override
	public boolean hasExpiry() {
		return expireAt != NO_EXPIRY;
	}

	@Override
	public boolean isExpired(long nowMillis) {
		return expireAt != NO_EXPIRY && nowMillis > expireAt;
	}

}

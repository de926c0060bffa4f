package dev.larder.engine.keyspace;

/**
 * A key that has, or once had, a TTL. It stays this class after PERSIST (its expiry back
 * to {@link #NO_EXPIRY}): turning back would allocate on every PERSIST for 16 bytes.
 */
sealed class VolatileKeyEntry extends KeyEntry permits VolatileInlineKeyEntry {

	long expireAt = NO_EXPIRY;

	/** Slot in the slice's array of keys with a TTL, or -1 when it has none. */
	int volatileIndex = -1;

	VolatileKeyEntry(byte[] key, int hash, Object value) {
		super(key, hash, value);
	}

	/** The entry for a key about to get a TTL: its key inline when short enough. */
	static VolatileKeyEntry of(byte[] key, int hash, Object value) {
		return InlineKeys.fits(key) ? new VolatileInlineKeyEntry(InlineKeys.low(key), InlineKeys.high(key), hash, value)
				: new VolatileKeyEntry(key, hash, value);
	}

	/** A copy of {@code e} that can hold a TTL, to take its place in the dict. */
	static VolatileKeyEntry copyOf(KeyEntry e) {
		VolatileKeyEntry v = e instanceof InlineKey inline
				? new VolatileInlineKeyEntry(inline.keyLow(), inline.keyHigh(), e.hash, e.value)
				: new VolatileKeyEntry(e.key, e.hash, e.value);
		v.access = e.access;
		return v;
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

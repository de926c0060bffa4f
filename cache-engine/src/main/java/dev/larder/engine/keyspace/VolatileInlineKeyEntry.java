package dev.larder.engine.keyspace;

/** A {@link VolatileKeyEntry} whose short key is kept inline (see {@link InlineKeys}). */
final class VolatileInlineKeyEntry extends VolatileKeyEntry implements InlineKey {

	private final long keyLow;

	private final long keyHigh;

	VolatileInlineKeyEntry(long keyLow, long keyHigh, int hash, Object value) {
		super(InlineKeys.MARKER, hash, value);
		this.keyLow = keyLow;
		this.keyHigh = keyHigh;
	}

	@Override
	public long keyLow() {
		return keyLow;
	}

	@Override
	public long keyHigh() {
		return keyHigh;
	}

}

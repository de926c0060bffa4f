package dev.larder.engine.keyspace;

/** A {@link KeyEntry} whose short key is kept inline (see {@link InlineKeys}). */
final class InlineKeyEntry extends KeyEntry implements InlineKey {

	private final long keyLow;

	private final long keyHigh;

	InlineKeyEntry(byte[] key, int hash, Object value) {
		super(InlineKeys.MARKER, hash, value);
		this.keyLow = InlineKeys.low(key);
		this.keyHigh = InlineKeys.high(key);
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

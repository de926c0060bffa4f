package dev.larder.cache.refresh;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A stored value together with when it logically expires, the ttl it was written with and
 * how long its load took. Caches with refresh-ahead or stale-if-error store entries in
 * envelopes so that an entry can outlive its logical ttl in the backend (to be served
 * stale) and so that any instance reading it knows when to refresh it.
 *
 * <p>
 * In a backend that stores bytes an envelope is a 28-byte header in front of the
 * serializer's bytes: the magic {@code 00 'L' 'R'}, a format version ({@code 1}), then
 * the expiry (epoch milliseconds), the ttl (milliseconds) and the load time
 * (nanoseconds), each a big-endian long. No serializer's output starts with a zero byte
 * followed by {@code LR} (JSON is text, Java serialization starts {@code AC ED}), so
 * values written without an envelope, by caches that had neither feature on, read as they
 * always did. In a backend that keeps references the envelope is this object.
 *
 * @param payload the encoded value (the serializer's bytes, or the value itself) or, once
 * decoded by the cache, the store value
 * @param expiresAtMillis the logical expiry, epoch milliseconds
 * @param ttlMillis the ttl the entry was written with
 * @param loadNanos how long the load that produced the value took; 0 for a plain put
 */
public record Envelope(Object payload, long expiresAtMillis, long ttlMillis, long loadNanos) {

	private static final byte[] MAGIC = { 0, 'L', 'R', 1 };

	static final int HEADER_BYTES = MAGIC.length + 3 * Long.BYTES;

	/**
	 * The form a store keeps: bytes when the payload is bytes, else this object.
	 */
	public Object toStored() {
		if (!(this.payload instanceof byte[] bytes)) {
			return this;
		}
		return ByteBuffer.allocate(HEADER_BYTES + bytes.length)
			.put(MAGIC)
			.putLong(this.expiresAtMillis)
			.putLong(this.ttlMillis)
			.putLong(this.loadNanos)
			.put(bytes)
			.array();
	}

	/**
	 * The envelope a store returned, or {@code null} when the stored value is a plain
	 * one, written without an envelope. Cheap for plain values: one type check, and for
	 * bytes a look at the first four.
	 */
	public static @Nullable Envelope open(Object stored) {
		if (stored instanceof Envelope envelope) {
			return envelope;
		}
		if (!(stored instanceof byte[] bytes) || !isEnveloped(bytes)) {
			return null;
		}
		ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC.length, 3 * Long.BYTES);
		long expiresAt = header.getLong();
		long ttl = header.getLong();
		long load = header.getLong();
		return new Envelope(Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length), expiresAt, ttl, load);
	}

	private static boolean isEnveloped(byte[] bytes) {
		return bytes.length >= HEADER_BYTES && bytes[0] == MAGIC[0] && bytes[1] == MAGIC[1] && bytes[2] == MAGIC[2]
				&& bytes[3] == MAGIC[3];
	}

	/** This envelope around another form of the same value (its decoded form). */
	public Envelope withPayload(Object payload) {
		return new Envelope(payload, this.expiresAtMillis, this.ttlMillis, this.loadNanos);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Envelope that
				&& Arrays.deepEquals(new Object[] { this.payload }, new Object[] { that.payload })
				&& this.expiresAtMillis == that.expiresAtMillis && this.ttlMillis == that.ttlMillis
				&& this.loadNanos == that.loadNanos;
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(new Object[] { this.payload }) * 31 + Long.hashCode(this.expiresAtMillis);
	}

	@Override
	public String toString() {
		return "Envelope[expiresAt=" + this.expiresAtMillis + ", ttl=" + this.ttlMillis + "ms, load=" + this.loadNanos
				+ "ns]";
	}

}

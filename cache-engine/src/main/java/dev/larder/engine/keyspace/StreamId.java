package dev.larder.engine.keyspace;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A stream entry ID, Redis's streamID: two unsigned 64-bit numbers, milliseconds and
 * sequence, ordered as unsigned numbers (ms first).
 *
 * @param ms the milliseconds part, unsigned
 * @param seq the sequence part, unsigned
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {

	/** 0-0, the smallest ID. */
	public static final StreamId MIN = new StreamId(0, 0);

	/** The largest ID (both parts UINT64_MAX). */
	public static final StreamId MAX = new StreamId(-1, -1);

	@Override
	public int compareTo(StreamId o) {
		int c = Long.compareUnsigned(ms, o.ms);
		return c != 0 ? c : Long.compareUnsigned(seq, o.seq);
	}

	public boolean isZero() {
		return ms == 0 && seq == 0;
	}

	/** The next ID (streamIncrID), or null past the largest. */
	public @Nullable StreamId incr() {
		if (seq == -1L) {
			if (ms == -1L) {
				return null;
			}
			return new StreamId(ms + 1, 0);
		}
		return new StreamId(ms, seq + 1);
	}

	/** The previous ID (streamDecrID), or null before the smallest. */
	public @Nullable StreamId decr() {
		if (seq == 0) {
			if (ms == 0) {
				return null;
			}
			return new StreamId(ms - 1, -1L);
		}
		return new StreamId(ms, seq - 1);
	}

	@Override
	public String toString() {
		return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
	}

	public byte[] bytes() {
		return toString().getBytes(StandardCharsets.US_ASCII);
	}

}

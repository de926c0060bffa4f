package dev.larder.engine.keyspace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Byte-string helpers shared by the keyspace and the commands: keys and values are raw
 * bytes, as in Redis.
 */
public final class Bytes {

	public static final byte[] EMPTY = new byte[0];

	private Bytes() {
	}

	/**
	 * A well-mixed 32-bit hash. Low bits pick a dictionary bucket and a different mix
	 * picks the shard, so both need every input bit to reach them (plain
	 * {@code Arrays.hashCode} clusters on short numeric keys).
	 */
	public static int hash(byte[] key) {
		int h = 0x9747b28c ^ key.length;
		int i = 0;
		for (; i + 4 <= key.length; i += 4) {
			int k = (key[i] & 0xff) | (key[i + 1] & 0xff) << 8 | (key[i + 2] & 0xff) << 16 | key[i + 3] << 24;
			k *= 0xcc9e2d51;
			k = Integer.rotateLeft(k, 15);
			k *= 0x1b873593;
			h ^= k;
			h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
		}
		int k = 0;
		for (int shift = 0; i < key.length; i++, shift += 8) {
			k |= (key[i] & 0xff) << shift;
		}
		h ^= Integer.rotateLeft(k * 0xcc9e2d51, 15) * 0x1b873593;
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	public static boolean equals(byte[] a, byte[] b) {
		return Arrays.equals(a, b);
	}

	public static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	public static String string(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}

	/**
	 * ASCII case-insensitive comparison against a lower-case literal, without allocating.
	 */
	public static boolean equalsIgnoreCase(byte[] b, String lowerAscii) {
		if (b.length != lowerAscii.length()) {
			return false;
		}
		for (int i = 0; i < b.length; i++) {
			int c = b[i];
			if (c >= 'A' && c <= 'Z') {
				c += 32;
			}
			if (c != lowerAscii.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Decimal text of {@code v}, as Redis stores integers produced by INCR. */
	public static byte[] fromLong(long v) {
		return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Redis's {@code string2ll}: an optional '-', no leading zeros, no spaces or '+',
	 * within 64 bits. Returns false when {@code b} is not such an integer; the value goes
	 * to {@code out[0]}.
	 */
	public static boolean parseLong(byte[] b, long[] out) {
		return parseLong(b, b.length, out);
	}

	/**
	 * {@link #parseLong(byte[], long[])} over the first {@code len} bytes of {@code b}.
	 */
	public static boolean parseLong(byte[] b, int len, long[] out) {
		return parseLong(b, 0, len, out);
	}

	/**
	 * {@link #parseLong(byte[], long[])} over {@code len} bytes of {@code b} from
	 * {@code from}.
	 */
	public static boolean parseLong(byte[] b, int from, int len, long[] out) {
		if (len == 0 || len > 20) {
			return false;
		}
		if (len == 1 && b[from] == '0') {
			out[0] = 0;
			return true;
		}
		int i = from;
		int end = from + len;
		boolean negative = false;
		if (b[i] == '-') {
			negative = true;
			i++;
			if (len == 1) {
				return false;
			}
		}
		if (b[i] < '1' || b[i] > '9') {
			return false;
		}
		long v = 0; // accumulated as a negative number so Long.MIN_VALUE fits
		for (; i < end; i++) {
			int d = b[i] - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			if (v < (Long.MIN_VALUE + d) / 10) {
				return false;
			}
			v = v * 10 - d;
		}
		if (!negative) {
			if (v == Long.MIN_VALUE) {
				return false;
			}
			v = -v;
		}
		out[0] = v;
		return true;
	}

	/**
	 * Like {@link #parseLong(byte[], long[])} but returning null on failure, for cold
	 * paths.
	 */
	public static @Nullable Long parseLong(byte[] b) {
		long[] out = new long[1];
		return parseLong(b, out) ? out[0] : null;
	}

}

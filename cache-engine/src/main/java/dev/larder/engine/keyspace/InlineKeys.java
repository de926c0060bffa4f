package dev.larder.engine.keyspace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Keys of up to {@link #MAX} bytes stored in two longs of their entry rather than in an
 * array of their own. A short key's array costs a 16-byte header plus padding (32 bytes
 * for a 10-byte key) and a cache miss of its own on every lookup; inline it costs 16
 * bytes and sits in the entry's line. Most cache keys are longer than this, but the short
 * ones are numerous exactly where memory per key matters (counters, ids).
 *
 * <p>
 * Layout: {@code low} holds bytes 0..7 and {@code high} bytes 8..14, both little-endian,
 * unused bytes zero; the top byte of {@code high} holds the length, so keys that differ
 * only by trailing zero bytes differ.
 */
final class InlineKeys {

	static final int MAX = 15;

	/**
	 * The {@link DictEntry#key} of entries whose key is inline: compared by identity, so
	 * a real empty key (another array) is never mistaken for it.
	 */
	static final byte[] MARKER = new byte[0];

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private InlineKeys() {
	}

	static boolean fits(byte[] key) {
		return key.length <= MAX;
	}

	static long low(byte[] key) {
		return key.length >= 8 ? (long) LONG.get(key, 0) : partial(key, 0, key.length);
	}

	static long high(byte[] key) {
		int n = key.length;
		long bytes = n > 8 ? (long) LONG.get(key, n - 8) >>> (8 * (16 - n)) : 0;
		return bytes | ((long) n << 56);
	}

	static boolean equals(long low, long high, byte[] key) {
		return key.length <= MAX && high(key) == high && low(key) == low;
	}

	static byte[] bytes(long low, long high) {
		int n = (int) (high >>> 56);
		byte[] key = new byte[n];
		for (int i = 0; i < n; i++) {
			key[i] = (byte) (i < 8 ? low >>> (8 * i) : high >>> (8 * (i - 8)));
		}
		return key;
	}

	private static long partial(byte[] key, int from, int length) {
		long v = 0;
		for (int i = length - 1; i >= 0; i--) {
			v = (v << 8) | (key[from + i] & 0xff);
		}
		return v;
	}

}

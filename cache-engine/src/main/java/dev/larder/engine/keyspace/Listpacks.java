package dev.larder.engine.keyspace;

/**
 * The bytes an element takes in a Redis listpack (listpack.c's encodings plus the
 * backlen), for a stream's node sizes: integers in 1 to 9 bytes of encoding, strings that
 * read as a canonical integer stored as one, others with a 1, 2 or 5 byte header.
 */
final class Listpacks {

	private Listpacks() {
	}

	static long intSize(long v) {
		int enc;
		if (v >= 0 && v <= 127) {
			enc = 1;
		}
		else if (v >= -4096 && v <= 4095) {
			enc = 2;
		}
		else if (v >= -32768 && v <= 32767) {
			enc = 3;
		}
		else if (v >= -8388608 && v <= 8388607) {
			enc = 4;
		}
		else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
			enc = 5;
		}
		else {
			enc = 9;
		}
		return enc + backlen(enc);
	}

	static long size(byte[] s) {
		if (s.length > 0 && s.length <= 20 && SetValue.isCanonicalLong(s)) {
			Long v = Bytes.parseLong(s);
			if (v != null) {
				return intSize(v);
			}
		}
		long enc;
		if (s.length < 64) {
			enc = 1 + s.length;
		}
		else if (s.length < 4096) {
			enc = 2 + s.length;
		}
		else {
			enc = 5 + (long) s.length;
		}
		return enc + backlen(enc);
	}

	private static long backlen(long l) {
		if (l <= 127) {
			return 1;
		}
		if (l < 16383) {
			return 2;
		}
		if (l < 2097151) {
			return 3;
		}
		if (l < 268435455) {
			return 4;
		}
		return 5;
	}

}

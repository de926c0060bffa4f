package dev.larder.engine.dump;

import java.util.Arrays;

/**
 * Reads of a byte array that never go past a limit: any read that would is a
 * {@link BadPayloadException}, so a corrupt length cannot index out of bounds.
 */
final class Bounded {

	private final byte[] data;

	private final int from;

	private final int to;

	Bounded(byte[] data, int from, int to) {
		this.data = data;
		this.from = from;
		this.to = to;
	}

	int unsigned(int at, int end) {
		check(at, 1, end);
		return data[at] & 0xff;
	}

	long littleEndian(int at, int n) {
		return littleEndian(at, n, to);
	}

	long littleEndian(int at, int n, int end) {
		check(at, n, end);
		long v = 0;
		for (int i = n - 1; i >= 0; i--) {
			v = (v << 8) | (data[at + i] & 0xff);
		}
		return v;
	}

	long bigEndian(int at, int n, int end) {
		check(at, n, end);
		long v = 0;
		for (int i = 0; i < n; i++) {
			v = (v << 8) | (data[at + i] & 0xff);
		}
		return v;
	}

	byte[] slice(int at, int len, int end) {
		check(at, len, end);
		return Arrays.copyOfRange(data, at, at + len);
	}

	private void check(int at, long n, int end) {
		if (at < from || n < 0 || at + n > Math.min(end, to)) {
			throw new BadPayloadException("read beyond the end");
		}
	}

}

package dev.larder.engine.dump;

import java.util.Arrays;

/** A growable byte buffer with the little-endian writes the RDB formats use. */
final class ByteSink {

	private byte[] buf;

	private int size;

	ByteSink(int capacity) {
		this.buf = new byte[Math.max(16, capacity)];
	}

	void write(int b) {
		ensure(1);
		buf[size++] = (byte) b;
	}

	void write(byte[] b) {
		write(b, 0, b.length);
	}

	void write(byte[] b, int from, int len) {
		ensure(len);
		System.arraycopy(b, from, buf, size, len);
		size += len;
	}

	/** {@code n} bytes of {@code v}, least significant first. */
	void writeLittleEndian(long v, int n) {
		ensure(n);
		for (int i = 0; i < n; i++) {
			buf[size++] = (byte) (v >>> (8 * i));
		}
	}

	/** {@code n} bytes of {@code v}, most significant first. */
	void writeBigEndian(long v, int n) {
		ensure(n);
		for (int i = n - 1; i >= 0; i--) {
			buf[size++] = (byte) (v >>> (8 * i));
		}
	}

	/** Overwrites {@code n} bytes at {@code at}, least significant first. */
	void putLittleEndian(int at, long v, int n) {
		for (int i = 0; i < n; i++) {
			buf[at + i] = (byte) (v >>> (8 * i));
		}
	}

	int size() {
		return size;
	}

	byte[] array() {
		return buf;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(buf, size);
	}

	private void ensure(int n) {
		if (size + n > buf.length) {
			buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
		}
	}

}

package dev.larder.benchmarks.hitratio;

/**
 * Key ids as RESP keys: {@code key:} and eight zero-padded digits. Every key has the same
 * length, so a server holds as many entries of one trace as of another under the same
 * maxmemory.
 */
final class KeyNames {

	static final int MAX_ID = 99_999_999;

	private static final byte[] PREFIX = { 'k', 'e', 'y', ':' };

	private static final int DIGITS = 8;

	private KeyNames() {
	}

	static byte[] of(int id) {
		if (id < 0 || id > MAX_ID) {
			throw new IllegalArgumentException("key id out of range: " + id);
		}
		byte[] key = new byte[PREFIX.length + DIGITS];
		System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
		int rest = id;
		for (int i = key.length - 1; i >= PREFIX.length; i--) {
			key[i] = (byte) ('0' + rest % 10);
			rest /= 10;
		}
		return key;
	}

}

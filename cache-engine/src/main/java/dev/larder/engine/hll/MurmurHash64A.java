package dev.larder.engine.hll;

/**
 * MurmurHash2, 64-bit version, as Redis's hyperloglog.c has it (made endian neutral:
 * blocks are read little-endian). A port of Redis's code (BSD-3-Clause, Copyright (c)
 * 2014, Salvatore Sanfilippo), itself after Austin Appleby's public-domain original.
 */
public final class MurmurHash64A {

	private static final long M = 0xc6a4a7935bd1e995L;

	private static final int R = 47;

	private MurmurHash64A() {
	}

	/** The hash of {@code data}, with {@code seed} read as C's unsigned int. */
	public static long hash(byte[] data, long seed) {
		int len = data.length;
		long h = (seed & 0xffffffffL) ^ (len * M);
		int blocks = len - (len & 7);
		for (int i = 0; i < blocks; i += 8) {
			h = mixBlock(h, littleEndian(data, i));
		}
		int rest = len & 7;
		if (rest != 0) {
			// C's switch that falls through from case 7 to case 1: XOR in the tail bytes
			for (int i = rest - 1; i >= 0; i--) {
				h ^= (long) (data[blocks + i] & 0xff) << (8 * i);
			}
			h *= M;
		}
		return finish(h);
	}

	/**
	 * The hash of the 8 bytes of {@code value} in little-endian order, as PFSELFTEST
	 * hashes a uint64_t on a little-endian machine, without an array.
	 */
	public static long hashLong(long value, long seed) {
		long h = (seed & 0xffffffffL) ^ (8 * M);
		return finish(mixBlock(h, value));
	}

	private static long mixBlock(long h, long block) {
		long k = block * M;
		k ^= k >>> R;
		k *= M;
		h ^= k;
		return h * M;
	}

	private static long finish(long h) {
		h ^= h >>> R;
		h *= M;
		h ^= h >>> R;
		return h;
	}

	private static long littleEndian(byte[] b, int i) {
		return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
				| (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48
				| (b[i + 7] & 0xffL) << 56;
	}

}

package dev.larder.engine.command;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bit-level helpers of Redis 7.0's bitops.c, on byte arrays: population count, first
 * set or clear bit, signed and unsigned bit fields of up to 64 bits and their overflow
 * rules. Bit 0 is the most significant bit of the first byte, as in Redis.
 *
 * <p>
 * A port of Redis's src/bitops.c (Copyright (c) 2009-2012, Salvatore Sanfilippo, BSD
 * 3-clause licence); the word-at-a-time scans read eight bytes as one big-endian long
 * where Redis reads an aligned unsigned long, which finds the same bits.
 */
final class BitOps {

	/** BFOVERFLOW_WRAP: an overflowing result wraps around. */
	static final int OVERFLOW_WRAP = 0;

	/** BFOVERFLOW_SAT: an overflowing result stops at the type's bound. */
	static final int OVERFLOW_SAT = 1;

	/** BFOVERFLOW_FAIL: an overflowing operation writes nothing and answers null. */
	static final int OVERFLOW_FAIL = 2;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private BitOps() {
	}

	/**
	 * redisPopcount: the bits set in {@code count} bytes of {@code s} from {@code from}.
	 */
	static long popcount(byte[] s, int from, int count) {
		long bits = 0;
		int i = from;
		int end = from + count;
		for (; i + 8 <= end; i += 8) {
			bits += Long.bitCount((long) LONGS.get(s, i));
		}
		for (; i < end; i++) {
			bits += Integer.bitCount(s[i] & 0xff);
		}
		return bits;
	}

	/**
	 * redisBitpos: the position, counted from {@code from}, of the first bit equal to
	 * {@code bit} in {@code count} bytes. Looking for a clear bit in bytes that are all
	 * set answers {@code count * 8}, as if the bytes went on with zeros; looking for a
	 * set bit that is not there answers -1.
	 */
	static long bitpos(byte[] s, int from, int count, int bit) {
		long skipWord = bit == 1 ? 0L : -1L;
		int skipByte = bit == 1 ? 0 : 0xff;
		long pos = 0;
		int i = from;
		int end = from + count;
		while (i + 8 <= end && (long) LONGS.get(s, i) == skipWord) {
			i += 8;
			pos += 64;
		}
		for (; i < end; i++, pos += 8) {
			int b = s[i] & 0xff;
			if (b != skipByte) {
				for (int k = 7; k >= 0; k--) {
					if (((b >> k) & 1) == bit) {
						return pos + 7 - k;
					}
				}
			}
		}
		return bit == 1 ? -1 : pos;
	}

	/**
	 * setUnsignedBitfield: the low {@code bits} bits of {@code value} at {@code offset}.
	 */
	static void setUnsigned(byte[] p, long offset, int bits, long value) {
		for (int j = 0; j < bits; j++) {
			long bitval = (value & (1L << (bits - 1 - j))) != 0 ? 1 : 0;
			int index = (int) (offset >>> 3);
			int bit = 7 - (int) (offset & 7);
			int byteval = p[index] & 0xff;
			byteval &= ~(1 << bit);
			byteval |= (int) bitval << bit;
			p[index] = (byte) byteval;
			offset++;
		}
	}

	/** getUnsignedBitfield: {@code bits} bits at {@code offset} as an unsigned number. */
	static long getUnsigned(byte[] p, long offset, int bits) {
		long value = 0;
		for (int j = 0; j < bits; j++) {
			int index = (int) (offset >>> 3);
			int bit = 7 - (int) (offset & 7);
			int bitval = (p[index] >> bit) & 1;
			value = (value << 1) | bitval;
			offset++;
		}
		return value;
	}

	/** getSignedBitfield: the field read as two's complement of {@code bits} bits. */
	static long getSigned(byte[] p, long offset, int bits) {
		long value = getUnsigned(p, offset, bits);
		if (bits < 64 && (value & (1L << (bits - 1))) != 0) {
			value |= -1L << bits;
		}
		return value;
	}

	/**
	 * checkUnsignedBitfieldOverflow: 0 when {@code value + incr} fits in {@code bits}
	 * unsigned bits, 1 on overflow, -1 on underflow; on overflow or underflow
	 * {@code limit[0]} gets the value to store under WRAP or SAT ({@code value} is
	 * unsigned).
	 */
	static int checkUnsignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
		long max = bits == 64 ? -1L : (1L << bits) - 1;
		long maxincr = max - value;
		long minincr = -value;
		if (Long.compareUnsigned(value, max) > 0 || incr > 0 && incr > maxincr) {
			if (owtype == OVERFLOW_WRAP) {
				return unsignedWrap(value, incr, bits, limit);
			}
			if (owtype == OVERFLOW_SAT) {
				limit[0] = max;
			}
			return 1;
		}
		if (incr < 0 && incr < minincr) {
			if (owtype == OVERFLOW_WRAP) {
				return unsignedWrap(value, incr, bits, limit);
			}
			if (owtype == OVERFLOW_SAT) {
				limit[0] = 0;
			}
			return -1;
		}
		return 0;
	}

	/** The handle_wrap of checkUnsignedBitfieldOverflow (which answers 1 then). */
	private static int unsignedWrap(long value, long incr, int bits, long[] limit) {
		long mask = bits == 64 ? 0 : -1L << bits;
		limit[0] = (value + incr) & ~mask;
		return 1;
	}

	/**
	 * checkSignedBitfieldOverflow: as {@link #checkUnsignedOverflow} for a signed field,
	 * whose WRAP wraps towards the most negative value.
	 */
	static int checkSignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
		long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
		long min = -max - 1;
		// maxincr and minincr may wrap, but are read only once value is known in range
		long maxincr = max - value;
		long minincr = min - value;
		if (value > max || bits != 64 && incr > maxincr || value >= 0 && incr > 0 && incr > maxincr) {
			if (owtype == OVERFLOW_WRAP) {
				return signedWrap(value, incr, bits, limit);
			}
			if (owtype == OVERFLOW_SAT) {
				limit[0] = max;
			}
			return 1;
		}
		if (value < min || bits != 64 && incr < minincr || value < 0 && incr < 0 && incr < minincr) {
			if (owtype == OVERFLOW_WRAP) {
				return signedWrap(value, incr, bits, limit);
			}
			if (owtype == OVERFLOW_SAT) {
				limit[0] = min;
			}
			return -1;
		}
		return 0;
	}

	/** The handle_wrap of checkSignedBitfieldOverflow (which answers 1 then). */
	private static int signedWrap(long value, long incr, int bits, long[] limit) {
		long msb = 1L << (bits - 1);
		long c = value + incr;
		if (bits < 64) {
			long mask = -1L << bits;
			c = (c & msb) != 0 ? c | mask : c & ~mask;
		}
		limit[0] = c;
		return 1;
	}

}

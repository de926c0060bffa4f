package dev.larder.engine.scripting;

/**
 * LZF compression as Redis builds it (lzf_c.c with lzfP.h's defaults: HLOG 16, VERY_FAST,
 * not ULTRA_FAST), so that FUNCTION DUMP's payload is byte for byte redis-server's. A
 * port of liblzf 3.6 by Marc Alexander Lehmann (BSD-licensed). The hash table starts
 * empty, which is what Redis's uninitialised table amounts to (a stale slot can only
 * point outside the input, which the bounds checks reject).
 */
final class Lzf {

	private static final int HLOG = 16;

	private static final int HSIZE = 1 << HLOG;

	private static final int MAX_LIT = 1 << 5;

	private static final int MAX_OFF = 1 << 13;

	private static final int MAX_REF = (1 << 8) + (1 << 3);

	private Lzf() {
	}

	/**
	 * lzf_compress: the compressed length written to {@code out}, or 0 when the input
	 * does not fit in {@code outLen} bytes. {@code out} must have a few bytes of slack
	 * beyond {@code outLen}.
	 */
	static int compress(byte[] in, byte[] out, int outLen) {
		int inLen = in.length;
		if (inLen == 0 || outLen == 0) {
			return 0;
		}
		int[] htab = new int[HSIZE];
		int ip = 0;
		int op = 0;
		int lit = 0;
		op++; // start run
		int hval = first(in, ip);
		while (ip < inLen - 2) {
			hval = next(hval, in, ip);
			int slot = idx(hval);
			int ref = htab[slot];
			htab[slot] = ip;
			int off = ip - ref - 1;
			if (ref < ip && off < MAX_OFF && ip + 4 < inLen && ref > 0 && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]
					&& in[ref + 2] == in[ip + 2]) {
				int len = 2;
				int maxlen = Math.min(inLen - ip - len, MAX_REF);
				out[op - lit - 1] = (byte) (lit - 1); // stop run
				op -= lit == 0 ? 1 : 0; // undo run if length is zero
				if (op + 3 + 1 >= outLen) {
					return 0;
				}
				boolean mismatch = false;
				if (maxlen > 16) {
					for (int k = 0; k < 16; k++) {
						len++;
						if (in[ref + len] != in[ip + len]) {
							mismatch = true;
							break;
						}
					}
				}
				if (!mismatch) {
					do {
						len++;
					}
					while (len < maxlen && in[ref + len] == in[ip + len]);
				}
				len -= 2; // len is now #octets - 1
				ip++;
				if (len < 7) {
					out[op++] = (byte) ((off >> 8) + (len << 5));
				}
				else {
					out[op++] = (byte) ((off >> 8) + (7 << 5));
					out[op++] = (byte) (len - 7);
				}
				out[op++] = (byte) off;
				lit = 0;
				op++; // start run
				ip += len + 1;
				if (ip >= inLen - 2) {
					break;
				}
				ip -= 2;
				hval = first(in, ip);
				hval = next(hval, in, ip);
				htab[idx(hval)] = ip;
				ip++;
				hval = next(hval, in, ip);
				htab[idx(hval)] = ip;
				ip++;
			}
			else {
				if (op >= outLen) {
					return 0;
				}
				lit++;
				out[op++] = in[ip++];
				if (lit == MAX_LIT) {
					out[op - lit - 1] = (byte) (lit - 1); // stop run
					lit = 0;
					op++; // start run
				}
			}
		}
		if (op + 3 > outLen) {
			return 0;
		}
		while (ip < inLen) {
			lit++;
			out[op++] = in[ip++];
			if (lit == MAX_LIT) {
				out[op - lit - 1] = (byte) (lit - 1);
				lit = 0;
				op++;
			}
		}
		out[op - lit - 1] = (byte) (lit - 1); // end run
		op -= lit == 0 ? 1 : 0;
		return op;
	}

	private static int first(byte[] in, int p) {
		return (in[p] & 0xff) << 8 | (in[p + 1] & 0xff);
	}

	private static int next(int v, byte[] in, int p) {
		return v << 8 | (in[p + 2] & 0xff);
	}

	/** VERY_FAST's IDX over an unsigned 32-bit hval. */
	private static int idx(int h) {
		return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1);
	}

}

package dev.larder.engine.dump;

/**
 * LZF, as Redis 7.0 bundles it (liblzf 3.6 by Marc Alexander Lehmann, BSD licence): a
 * port of lzf_c.c with Redis's settings (HLOG 16, VERY_FAST) so that a compressed string
 * is byte for byte what redis-server writes, and of lzf_d.c, which checks every length
 * against both buffers so that a corrupt payload fails instead of reading or writing out
 * of bounds.
 */
public final class Lzf {

	private static final int HLOG = 16;

	private static final int HSIZE = 1 << HLOG;

	private static final int MAX_LIT = 1 << 5;

	private static final int MAX_OFF = 1 << 13;

	private static final int MAX_REF = (1 << 8) + (1 << 3);

	private Lzf() {
	}

	private static int first(byte[] in, int p) {
		return ((in[p] & 0xff) << 8) | (in[p + 1] & 0xff);
	}

	private static int next(int v, byte[] in, int p) {
		return (v << 8) | (in[p + 2] & 0xff);
	}

	private static int idx(int h) {
		return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1);
	}

	/**
	 * Compresses {@code in} into at most {@code outLen} bytes; 0 when it does not fit
	 * (lzf_compress's contract), else the compressed length, the bytes in {@code out}.
	 */
	public static int compress(byte[] in, byte[] out, int outLen) {
		int inLen = in.length;
		if (inLen == 0 || outLen == 0) {
			return 0;
		}
		// positions + 1, so that 0 is an empty slot (Redis's table starts with no
		// candidate that can pass the checks below)
		int[] htab = new int[HSIZE];
		int ip = 0;
		int op = 0;
		int inEnd = inLen;
		int outEnd = outLen;
		int lit = 0;
		op++; // start run
		int hval = first(in, ip);
		while (ip < inEnd - 2) {
			hval = next(hval, in, ip);
			int slot = idx(hval);
			int ref = htab[slot] - 1;
			htab[slot] = ip + 1;
			int off;
			if (ref >= 0 && ref < ip && (off = ip - ref - 1) < MAX_OFF && ref > 0 && in[ref + 2] == in[ip + 2]
					&& in[ref] == in[ip] && in[ref + 1] == in[ip + 1]) {
				int len = 2;
				int maxlen = inEnd - ip - len;
				maxlen = Math.min(maxlen, MAX_REF);
				if (op + 3 + 1 >= outEnd && op - (lit == 0 ? 1 : 0) + 3 + 1 >= outEnd) {
					return 0;
				}
				out[op - lit - 1] = (byte) (lit - 1); // stop run
				op -= lit == 0 ? 1 : 0; // undo run if length is zero
				// lzf_c.c unrolls 16 steps when maxlen > 16 and checks maxlen only after
				// them, so a match can run up to 2 bytes past maxlen (to the end of the
				// input): Redis's output has those longer matches
				boolean mismatch = false;
				if (maxlen > 16) {
					for (int k = 0; k < 16 && !mismatch; k++) {
						len++;
						mismatch = in[ref + len] != in[ip + len];
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
					out[op++] = (byte) ((off >>> 8) + (len << 5));
				}
				else {
					out[op++] = (byte) ((off >>> 8) + (7 << 5));
					out[op++] = (byte) (len - 7);
				}
				out[op++] = (byte) off;
				lit = 0;
				op++; // start run
				ip += len + 1;
				if (ip >= inEnd - 2) {
					break;
				}
				ip -= 2;
				hval = first(in, ip);
				hval = next(hval, in, ip);
				htab[idx(hval)] = ip + 1;
				ip++;
				hval = next(hval, in, ip);
				htab[idx(hval)] = ip + 1;
				ip++;
			}
			else {
				if (op >= outEnd) {
					return 0;
				}
				lit++;
				out[op++] = in[ip++];
				if (lit == MAX_LIT) {
					out[op - lit - 1] = (byte) (lit - 1);
					lit = 0;
					op++;
				}
			}
		}
		if (op + 3 > outEnd) {
			return 0;
		}
		while (ip < inEnd) {
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

	/**
	 * Decompresses {@code in[from, from+len)} into exactly {@code outLen} bytes; null
	 * when the data is corrupt or does not decompress to that length.
	 */
	public static byte @org.jspecify.annotations.Nullable [] decompress(byte[] in, int from, int len, int outLen) {
		byte[] out = new byte[outLen];
		int ip = from;
		int inEnd = from + len;
		int op = 0;
		while (ip < inEnd) {
			int ctrl = in[ip++] & 0xff;
			if (ctrl < (1 << 5)) { // literal run
				ctrl++;
				if (op + ctrl > outLen || ip + ctrl > inEnd) {
					return null;
				}
				System.arraycopy(in, ip, out, op, ctrl);
				ip += ctrl;
				op += ctrl;
			}
			else { // back reference
				int refLen = ctrl >>> 5;
				if (refLen == 7) {
					if (ip >= inEnd) {
						return null;
					}
					refLen += in[ip++] & 0xff;
				}
				if (ip >= inEnd) {
					return null;
				}
				int ref = op - ((ctrl & 0x1f) << 8) - 1 - (in[ip++] & 0xff);
				refLen += 2;
				if (op + refLen > outLen || ref < 0) {
					return null;
				}
				for (int i = 0; i < refLen; i++) {
					out[op++] = out[ref++];
				}
			}
		}
		return op == outLen ? out : null;
	}

}

package dev.larder.engine.hll;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A HyperLogLog string value being read or changed by one command: Redis 7.0.15's "HYLL"
 * format, byte for byte, so that GET returns what redis-server would and a value written
 * by redis-server reads here. A port of Redis's src/hyperloglog.c (BSD-3-Clause,
 * Copyright (c) 2014, Salvatore Sanfilippo), keeping its order of operations: which
 * opcodes a sparse update writes, when it promotes to dense, and what a corrupted value
 * makes each function do.
 *
 * <p>
 * The format: a 16-byte header ("HYLL", the encoding byte, three unused bytes, the cached
 * cardinality as 8 little-endian bytes whose top bit marks it stale) followed by either
 * the dense registers (16384 6-bit registers packed from the least significant bit, 12288
 * bytes) or the sparse opcodes ZERO {@code 00xxxxxx}, XZERO {@code 01xxxxxx yyyyyyyy} and
 * VAL {@code 1vvvvvxx}.
 *
 * <p>
 * Stored strings are never changed in place (GET replies and COPY share them), so this
 * works copy-on-write: it reads the stored array until the first change, then a private
 * copy with room to grow, as an sds string has; {@link #bytes()} gives the result to
 * store. Reading past the end of the value reads 0, as Redis reads the sds terminator.
 *
 * <p>
 * One behaviour of Redis is not reproduced: a corrupted sparse value that ends in the
 * first byte of an XZERO opcode reads its length's second byte from past the end of the
 * string, and an update that splits that opcode leaves a byte there, which later commands
 * on the same Redis object read. This class reproduces it within one command; a stored
 * value keeps no bytes past its end, so a later command reads 0 there.
 */
public final class HyperLogLog {

	static final int P = 14;

	/** Bits of the hash that count the run of zeros. */
	static final int Q = 64 - P;

	public static final int REGISTERS = 1 << P;

	private static final int P_MASK = REGISTERS - 1;

	private static final int BITS = 6;

	private static final int REGISTER_MAX = (1 << BITS) - 1;

	static final int HDR_SIZE = 16;

	static final int DENSE_SIZE = HDR_SIZE + (REGISTERS * BITS + 7) / 8;

	static final int DENSE = 0;

	static final int SPARSE = 1;

	private static final int MAX_ENCODING = 1;

	private static final int ENCODING_AT = 4;

	/** The byte whose top bit marks the cached cardinality stale: card[7]. */
	private static final int CARD_MSB_AT = 15;

	private static final int CARD_AT = 8;

	static final long SEED = 0xadc83b19L;

	private static final int SPARSE_XZERO_BIT = 0x40;

	private static final int SPARSE_VAL_BIT = 0x80;

	static final int SPARSE_VAL_MAX_VALUE = 32;

	private static final int SPARSE_VAL_MAX_LEN = 4;

	private static final int SPARSE_ZERO_MAX_LEN = 64;

	private static final int SPARSE_XZERO_MAX_LEN = 16384;

	/**
	 * Room a sparse update may need past the value's end: Redis makes room for 3 bytes
	 * (XZERO split into XZERO-VAL-XZERO) and relies on the terminator past them.
	 */
	private static final int SPARSE_SLACK = 8;

	private byte[] buf;

	private int len;

	/** Whether {@link #buf} is this object's own copy, which it may change. */
	private boolean owned;

	/** A dense value of zeros, header included, as PFSELFTEST makes one. */
	static HyperLogLog zeroDense() {
		return new HyperLogLog(new byte[DENSE_SIZE], DENSE_SIZE, true);
	}

	private HyperLogLog(byte[] buf, int len, boolean owned) {
		this.buf = buf;
		this.len = len;
		this.owned = owned;
	}

	/**
	 * createHLLObject: an empty HyperLogLog, sparse, all registers in one XZERO opcode.
	 */
	public static HyperLogLog create() {
		int sparselen = HDR_SIZE + ((REGISTERS + (SPARSE_XZERO_MAX_LEN - 1)) / SPARSE_XZERO_MAX_LEN) * 2;
		byte[] s = new byte[sparselen];
		int p = HDR_SIZE;
		int aux = REGISTERS;
		while (aux != 0) {
			int xzero = Math.min(SPARSE_XZERO_MAX_LEN, aux);
			xzeroSet(s, p, xzero);
			p += 2;
			aux -= xzero;
		}
		s[0] = 'H';
		s[1] = 'Y';
		s[2] = 'L';
		s[3] = 'L';
		s[ENCODING_AT] = SPARSE;
		return new HyperLogLog(s, sparselen, true);
	}

	/**
	 * isHLLObjectOrReply's test of a string value: the magic, a known encoding, and the
	 * exact length of a dense one. A sparse value may still be corrupted inside.
	 */
	public static boolean isValid(byte[] value) {
		if (value.length < HDR_SIZE) {
			return false;
		}
		if (value[0] != 'H' || value[1] != 'Y' || value[2] != 'L' || value[3] != 'L') {
			return false;
		}
		int encoding = value[ENCODING_AT] & 0xff;
		if (encoding > MAX_ENCODING) {
			return false;
		}
		return encoding != DENSE || value.length == DENSE_SIZE;
	}

	/** A stored value that {@link #isValid} accepted, read without copying. */
	public static HyperLogLog of(byte[] value) {
		return new HyperLogLog(value, value.length, false);
	}

	/** The value to store: the stored array itself when nothing changed. */
	public byte[] bytes() {
		if (!owned || buf.length == len) {
			return buf;
		}
		buf = Arrays.copyOf(buf, len);
		return buf;
	}

	/** Whether a command changed this value, so that it must be stored again. */
	public boolean changed() {
		return owned;
	}

	public boolean isSparse() {
		return buf[ENCODING_AT] == SPARSE;
	}

	// ---- header: cached cardinality

	public boolean validCache() {
		return (buf[CARD_MSB_AT] & 0x80) == 0;
	}

	/** The cached cardinality, little endian; meaningful when {@link #validCache()}. */
	public long cachedCardinality() {
		long card = 0;
		for (int i = 7; i >= 0; i--) {
			card = card << 8 | (buf[CARD_AT + i] & 0xffL);
		}
		return card;
	}

	public void cacheCardinality(long card) {
		writable(len);
		for (int i = 0; i < 8; i++) {
			buf[CARD_AT + i] = (byte) (card >>> (8 * i));
		}
	}

	/** HLL_INVALIDATE_CACHE: sets the top bit of the cached cardinality. */
	public void invalidateCache() {
		if (validCache()) {
			writable(len);
			buf[CARD_MSB_AT] |= (byte) 0x80;
		}
	}

	// ---- adding elements

	/**
	 * hllAdd: 1 if a register changed, 0 if not, -1 if the sparse representation is
	 * corrupted (registers already changed by this command stay changed, as in Redis).
	 */
	public int add(byte[] element, long sparseMaxBytes) {
		return addHashed(MurmurHash64A.hash(element, SEED), sparseMaxBytes);
	}

	/** hllAdd of an element whose MurmurHash64A (with Redis's seed) is {@code hash}. */
	int addHashed(long hash, long sparseMaxBytes) {
		int index = (int) (hash & P_MASK);
		int count = patternLength(hash);
		return switch (buf[ENCODING_AT]) {
			case DENSE -> denseSet(index, count);
			case SPARSE -> sparseSet(index, count, sparseMaxBytes);
			default -> -1;
		};
	}

	/**
	 * hllPatLen: the length of the 000..1 pattern of the hash bits above the register
	 * index, at most Q + 1.
	 */
	static int patternLength(long hash) {
		long bits = hash >>> P | 1L << Q;
		return Long.numberOfTrailingZeros(bits) + 1;
	}

	/** PFMERGE's write of a merged register: the dense or the sparse update. */
	public void set(int index, int count, long sparseMaxBytes) {
		if (buf[ENCODING_AT] == DENSE) {
			denseSet(index, count);
		}
		else {
			sparseSet(index, count, sparseMaxBytes);
		}
	}

	// ---- dense representation

	/** hllDenseSet: raises the register at {@code index} to {@code count}. */
	int denseSet(long index, int count) {
		int old = denseGet(buf, len, (int) index);
		if (count > old) {
			writable(len);
			denseSetRegister(buf, (int) index, count);
			return 1;
		}
		return 0;
	}

	/** The dense register {@code regnum} (HLL_DENSE_GET_REGISTER). */
	public int register(int regnum) {
		return denseGet(buf, len, regnum);
	}

	static int denseGet(byte[] v, int vlen, int regnum) {
		int b = HDR_SIZE + regnum * BITS / 8;
		int fb = regnum * BITS & 7;
		int fb8 = 8 - fb;
		int b0 = v[b] & 0xff;
		int b1 = b + 1 < vlen ? v[b + 1] & 0xff : 0;
		return ((b0 >>> fb) | (b1 << fb8)) & REGISTER_MAX;
	}

	/**
	 * HLL_DENSE_SET_REGISTER. The last register's second byte would be the sds
	 * terminator, which the write leaves unchanged, so it is skipped.
	 */
	static void denseSetRegister(byte[] v, int regnum, int val) {
		int b = HDR_SIZE + regnum * BITS / 8;
		int fb = regnum * BITS & 7;
		int fb8 = 8 - fb;
		v[b] = (byte) ((v[b] & ~(REGISTER_MAX << fb)) | (val << fb));
		if (b + 1 < v.length) {
			v[b + 1] = (byte) ((v[b + 1] & ~(REGISTER_MAX >>> fb8)) | (val >>> fb8));
		}
	}

	// ---- sparse representation

	/**
	 * hllSparseToDense: false (and no change) if the sparse representation does not cover
	 * exactly the 16384 registers. The header is copied, unused bytes and cached
	 * cardinality included.
	 */
	public boolean toDense() {
		if (buf[ENCODING_AT] == DENSE) {
			return true;
		}
		byte[] dense = new byte[DENSE_SIZE];
		System.arraycopy(buf, 0, dense, 0, HDR_SIZE);
		dense[ENCODING_AT] = DENSE;
		int idx = 0;
		int p = HDR_SIZE;
		int end = len;
		while (p < end) {
			int op = buf[p] & 0xff;
			if (isZero(op)) {
				idx += zeroLen(op);
				p++;
			}
			else if (isXzero(op)) {
				idx += xzeroLen(op, u(p + 1));
				p += 2;
			}
			else {
				int runlen = valLen(op);
				int regval = valValue(op);
				if (runlen + idx > REGISTERS) {
					return false; // overflow
				}
				if (idx < 0) {
					return false; // C's int wrapped round: Redis would write out of
									// bounds
				}
				while (runlen-- != 0) {
					denseSetRegister(dense, idx, regval);
					idx++;
				}
				p++;
			}
		}
		if (idx != REGISTERS) {
			return false;
		}
		buf = dense;
		len = DENSE_SIZE;
		owned = true;
		return true;
	}

	/**
	 * hllSparseSet: raises the register at {@code index} to {@code count}, splitting the
	 * opcode that covers it and merging equal neighbours; promotes to dense when the
	 * count does not fit a VAL opcode or the value would grow past
	 * {@code sparseMaxBytes}. 1 if updated, 0 if not, -1 if corrupted.
	 */
	int sparseSet(long index, int count, long sparseMaxBytes) {
		if (count > SPARSE_VAL_MAX_VALUE) {
			return promote(index, count);
		}
		// Step 1: locate the opcode that covers the register.
		int sparse = HDR_SIZE;
		int p = sparse;
		int end = len;
		long first = 0;
		int prev = -1;
		long span = 0;
		while (p < end) {
			int op = buf[p] & 0xff;
			int oplen = 1;
			if (isZero(op)) {
				span = zeroLen(op);
			}
			else if (isVal(op)) {
				span = valLen(op);
			}
			else {
				span = xzeroLen(op, u(p + 1));
				oplen = 2;
			}
			if (index <= first + span - 1) {
				break;
			}
			prev = p;
			p += oplen;
			first += span;
		}
		if (span == 0 || p >= end) {
			return -1;
		}
		int op = buf[p] & 0xff;
		int next = isXzero(op) ? p + 2 : p + 1;
		if (next >= end) {
			next = -1;
		}
		boolean zero = false;
		boolean xzero = false;
		boolean val = false;
		long runlen;
		if (isZero(op)) {
			zero = true;
			runlen = zeroLen(op);
		}
		else if (isXzero(op)) {
			xzero = true;
			runlen = xzeroLen(op, u(p + 1));
		}
		else {
			val = true;
			runlen = valLen(op);
		}
		// Step 2: the trivial cases (A, B, C), else split the opcode (D).
		if (val && valValue(op) >= count) {
			return 0;
		}
		// From here on the value changes: a private copy with room to grow, as Redis's
		// sdsMakeRoomFor(3) (made earlier there, a change of capacity only).
		writable(len + SPARSE_SLACK);
		boolean updated = false;
		if (val) {
			if (runlen == 1) {
				buf[p] = valByte(count, 1);
				updated = true;
			}
		}
		if (!updated && zero && runlen == 1) {
			buf[p] = valByte(count, 1);
			updated = true;
		}
		if (!updated) {
			byte[] seq = new byte[5];
			int n = 0;
			int last = (int) (first + span - 1);
			if (zero || xzero) {
				if (index != first) {
					n = zeros(seq, n, (int) (index - first));
				}
				seq[n++] = valByte(count, 1);
				if (index != last) {
					n = zeros(seq, n, (int) (last - index));
				}
			}
			else {
				int curval = valValue(op);
				if (index != first) {
					seq[n++] = valByte(curval, (int) (index - first));
				}
				seq[n++] = valByte(count, 1);
				if (index != last) {
					seq[n++] = valByte(curval, (int) (last - index));
				}
			}
			// Step 3: substitute the new sequence for the old opcode.
			int seqlen = n;
			int oldlen = xzero ? 2 : 1;
			int deltalen = seqlen - oldlen;
			if (deltalen > 0 && len + deltalen > sparseMaxBytes) {
				return promote(index, count);
			}
			if (deltalen != 0 && next >= 0) {
				System.arraycopy(buf, next, buf, next + deltalen, end - next);
			}
			len += deltalen;
			buf[len] = 0; // sdsIncrLen's terminator, written before the new sequence
			System.arraycopy(seq, 0, buf, p, seqlen);
			end += deltalen;
		}
		// Step 4: merge adjacent VAL opcodes of equal value, scanning up to 5 opcodes.
		p = prev >= 0 ? prev : sparse;
		int scanlen = 5;
		while (p < end && scanlen-- != 0) {
			int o = buf[p] & 0xff;
			if (isXzero(o)) {
				p += 2;
				continue;
			}
			else if (isZero(o)) {
				p++;
				continue;
			}
			if (p + 1 < end && isVal(buf[p + 1] & 0xff)) {
				int o2 = buf[p + 1] & 0xff;
				int v1 = valValue(o);
				int v2 = valValue(o2);
				if (v1 == v2) {
					int merged = valLen(o) + valLen(o2);
					if (merged <= SPARSE_VAL_MAX_LEN) {
						buf[p + 1] = valByte(v1, merged);
						System.arraycopy(buf, p + 1, buf, p, end - p);
						len--;
						end--;
						buf[len] = 0;
						continue;
					}
				}
			}
			p++;
		}
		invalidateCache();
		return 1;
	}

	/** A run of zero registers as a ZERO opcode, or XZERO when longer than 64. */
	private static int zeros(byte[] seq, int n, int runlen) {
		if (runlen > SPARSE_ZERO_MAX_LEN) {
			xzeroSet(seq, n, runlen);
			return n + 2;
		}
		seq[n] = (byte) (runlen - 1);
		return n + 1;
	}

	/** The promote label of hllSparseSet: to dense, then the dense update. */
	private int promote(long index, int count) {
		if (!toDense()) {
			return -1;
		}
		return denseSet(index, count); // 1: a register needed raising
	}

	// ---- histograms, merge, count

	/**
	 * hllCount: the estimate, or -1 if the value is sparse and does not cover exactly the
	 * 16384 registers.
	 */
	public long count() {
		int[] reghisto = new int[64];
		if (buf[ENCODING_AT] == DENSE) {
			denseHistogram(reghisto);
		}
		else if (!sparseHistogram(reghisto)) {
			return -1;
		}
		return HllEstimator.estimate(reghisto);
	}

	/** hllCount of the HLL_RAW encoding: one register per byte, as PFCOUNT merges. */
	public static long countRaw(byte[] max) {
		int[] reghisto = new int[64];
		for (byte b : max) {
			reghisto[b]++;
		}
		return HllEstimator.estimate(reghisto);
	}

	private void denseHistogram(int[] reghisto) {
		for (int j = 0; j < REGISTERS; j++) {
			reghisto[denseGet(buf, len, j)]++;
		}
	}

	/** hllSparseRegHisto: false when the opcodes do not add up to 16384 registers. */
	private boolean sparseHistogram(int[] reghisto) {
		int idx = 0;
		int p = HDR_SIZE;
		int end = len;
		while (p < end) {
			int op = buf[p] & 0xff;
			if (isZero(op)) {
				int runlen = zeroLen(op);
				idx += runlen;
				reghisto[0] += runlen;
				p++;
			}
			else if (isXzero(op)) {
				int runlen = xzeroLen(op, u(p + 1));
				idx += runlen;
				reghisto[0] += runlen;
				p += 2;
			}
			else {
				int runlen = valLen(op);
				idx += runlen;
				reghisto[valValue(op)] += runlen;
				p++;
			}
		}
		return idx == REGISTERS;
	}

	/**
	 * hllMerge: raises {@code max[i]} to this value's register i. False if the value is
	 * sparse and corrupted ({@code max} may then be partly raised).
	 */
	public boolean mergeInto(byte[] max) {
		if (buf[ENCODING_AT] == DENSE) {
			for (int i = 0; i < REGISTERS; i++) {
				int val = denseGet(buf, len, i);
				if (val > max[i]) {
					max[i] = (byte) val;
				}
			}
			return true;
		}
		int p = HDR_SIZE;
		int end = len;
		int i = 0;
		while (p < end) {
			int op = buf[p] & 0xff;
			if (isZero(op)) {
				i += zeroLen(op);
				p++;
			}
			else if (isXzero(op)) {
				i += xzeroLen(op, u(p + 1));
				p += 2;
			}
			else {
				long runlen = valLen(op);
				long regval = valValue(op);
				if (runlen + i > REGISTERS) {
					return false; // overflow
				}
				if (i < 0) {
					return false; // C's int wrapped round: Redis would write out of
									// bounds
				}
				while (runlen-- != 0) {
					if (regval > max[i]) {
						max[i] = (byte) regval;
					}
					i++;
				}
				p++;
			}
		}
		return i == REGISTERS;
	}

	/** PFDEBUG DECODE's text of the sparse opcodes: "z:N", "Z:N", "v:value,N". */
	public byte[] decode() {
		StringBuilder decoded = new StringBuilder();
		int p = HDR_SIZE;
		int end = len;
		while (p < end) {
			int op = buf[p] & 0xff;
			if (isZero(op)) {
				decoded.append("z:").append(zeroLen(op)).append(' ');
				p++;
			}
			else if (isXzero(op)) {
				decoded.append("Z:").append(xzeroLen(op, u(p + 1))).append(' ');
				p += 2;
			}
			else {
				decoded.append("v:").append(valValue(op)).append(',').append(valLen(op)).append(' ');
				p++;
			}
		}
		return decoded.toString().strip().getBytes(StandardCharsets.US_ASCII);
	}

	// ---- opcodes

	/**
	 * The byte at {@code i}, where C reads it: at the value's end that is the sds
	 * terminator, 0 unless an update of this command wrote over it (a sparse value that
	 * ends in half an XZERO opcode, split by an update, has its last byte there).
	 */
	private int u(int i) {
		return i < buf.length ? buf[i] & 0xff : 0;
	}

	private static boolean isZero(int op) {
		return (op & 0xc0) == 0;
	}

	private static boolean isXzero(int op) {
		return (op & 0xc0) == SPARSE_XZERO_BIT;
	}

	private static boolean isVal(int op) {
		return (op & SPARSE_VAL_BIT) != 0;
	}

	private static int zeroLen(int op) {
		return (op & 0x3f) + 1;
	}

	private static int xzeroLen(int op, int next) {
		return ((op & 0x3f) << 8 | next) + 1;
	}

	private static int valValue(int op) {
		return (op >> 2 & 0x1f) + 1;
	}

	private static int valLen(int op) {
		return (op & 0x3) + 1;
	}

	private static byte valByte(int val, int runlen) {
		return (byte) ((val - 1) << 2 | (runlen - 1) | SPARSE_VAL_BIT);
	}

	private static void xzeroSet(byte[] s, int p, int runlen) {
		int l = runlen - 1;
		s[p] = (byte) (l >> 8 | SPARSE_XZERO_BIT);
		s[p + 1] = (byte) (l & 0xff);
	}

	/** Makes {@link #buf} this object's own copy, of at least {@code capacity} bytes. */
	private void writable(int capacity) {
		if (!owned || buf.length < capacity) {
			buf = Arrays.copyOf(buf, Math.max(capacity, len));
			owned = true;
		}
	}

}

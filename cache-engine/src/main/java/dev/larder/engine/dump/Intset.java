package dev.larder.engine.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis's intset (src/intset.c, BSD licence): a 4-byte encoding (2, 4 or 8 bytes a
 * value), a 4-byte count, then the values ascending, all little-endian.
 */
final class Intset {

	private Intset() {
	}

	/**
	 * The intset of {@code sorted} values in the smallest encoding that holds them all,
	 * which is the one Redis's intset has unless a wider value was added and removed.
	 */
	static byte[] write(long[] sorted) {
		int enc = 2;
		for (long v : sorted) {
			if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
				enc = 8;
			}
			else if ((v < Short.MIN_VALUE || v > Short.MAX_VALUE) && enc < 4) {
				enc = 4;
			}
		}
		ByteSink out = new ByteSink(8 + enc * sorted.length);
		out.writeLittleEndian(enc, 4);
		out.writeLittleEndian(sorted.length, 4);
		for (long v : sorted) {
			out.writeLittleEndian(v, enc);
		}
		return out.toByteArray();
	}

	/**
	 * The values of an intset blob, checked as intsetValidateIntegrity does (encoding,
	 * size, strictly ascending).
	 */
	static List<Long> read(byte[] blob) {
		Bounded in = new Bounded(blob, 0, blob.length);
		long enc = in.littleEndian(0, 4);
		if (enc != 2 && enc != 4 && enc != 8) {
			throw new BadPayloadException("bad intset encoding");
		}
		long count = in.littleEndian(4, 4);
		if (count == 0 || 8 + count * enc != blob.length) {
			throw new BadPayloadException("intset size mismatch");
		}
		List<Long> values = new ArrayList<>((int) count);
		int n = (int) enc;
		for (int i = 0; i < count; i++) {
			long raw = in.littleEndian(8 + i * n, n);
			long v = n == 2 ? (short) raw : n == 4 ? (int) raw : raw;
			if (!values.isEmpty() && values.get(values.size() - 1) >= v) {
				throw new BadPayloadException("intset not ascending");
			}
			values.add(v);
		}
		return values;
	}

}

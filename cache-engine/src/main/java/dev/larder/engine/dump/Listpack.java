package dev.larder.engine.dump;

import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Redis's listpack format (src/listpack.c): building one as lpAppend would, entry by
 * entry, and reading one back with every length checked against the blob (what
 * lpValidateIntegrity with deep validation checks), so that a corrupt blob is refused and
 * never read out of bounds. A port of the encoding rules of listpack.c (BSD licence).
 */
final class Listpack {

	static final int HEADER_SIZE = 6;

	private static final int EOF = 0xFF;

	private final ByteSink out = new ByteSink(64);

	private int count;

	Listpack() {
		out.writeLittleEndian(0, 4);
		out.writeLittleEndian(0, 2);
	}

	/** Appends an element, as an integer when it reads as one (lpStringToInt64). */
	Listpack append(byte[] element) {
		Long v = canonicalLong(element);
		int start = out.size();
		if (v != null) {
			writeInteger(v);
		}
		else {
			writeString(element);
		}
		writeBacklen(out.size() - start);
		count++;
		return this;
	}

	/** The size lpBytes would report if the listpack ended after the entries so far. */
	int bytes() {
		return out.size() + 1;
	}

	int count() {
		return count;
	}

	byte[] finish() {
		out.write(EOF);
		out.putLittleEndian(0, out.size(), 4);
		out.putLittleEndian(4, Math.min(count, 65535), 2);
		return out.toByteArray();
	}

	/** string2ll's strict reading: no sign but '-', no leading zeros, no spaces. */
	static @Nullable Long canonicalLong(byte[] s) {
		if (s.length == 0 || s.length > 20) {
			return null;
		}
		Long v = Bytes.parseLong(s);
		return v != null && java.util.Arrays.equals(Bytes.fromLong(v), s) ? v : null;
	}

	private void writeInteger(long v) {
		if (v >= 0 && v <= 127) {
			out.write((int) v);
		}
		else if (v >= -4096 && v <= 4095) {
			long uv = v < 0 ? (1L << 13) + v : v;
			out.write((int) ((uv >>> 8) | 0xC0));
			out.write((int) (uv & 0xff));
		}
		else if (v >= -32768 && v <= 32767) {
			out.write(0xF1);
			out.writeLittleEndian(v, 2);
		}
		else if (v >= -8388608 && v <= 8388607) {
			out.write(0xF2);
			out.writeLittleEndian(v, 3);
		}
		else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
			out.write(0xF3);
			out.writeLittleEndian(v, 4);
		}
		else {
			out.write(0xF4);
			out.writeLittleEndian(v, 8);
		}
	}

	private void writeString(byte[] s) {
		int len = s.length;
		if (len < 64) {
			out.write(0x80 | len);
		}
		else if (len < 4096) {
			out.write(0xE0 | (len >>> 8));
			out.write(len & 0xff);
		}
		else {
			out.write(0xF0);
			out.writeLittleEndian(len, 4);
		}
		out.write(s);
	}

	private void writeBacklen(long l) {
		if (l <= 127) {
			out.write((int) l);
		}
		else if (l < 16383) {
			out.write((int) (l >>> 7));
			out.write((int) ((l & 127) | 128));
		}
		else if (l < 2097151) {
			out.write((int) (l >>> 14));
			out.write((int) (((l >>> 7) & 127) | 128));
			out.write((int) ((l & 127) | 128));
		}
		else if (l < 268435455) {
			out.write((int) (l >>> 21));
			out.write((int) (((l >>> 14) & 127) | 128));
			out.write((int) (((l >>> 7) & 127) | 128));
			out.write((int) ((l & 127) | 128));
		}
		else {
			out.write((int) (l >>> 28));
			out.write((int) (((l >>> 21) & 127) | 128));
			out.write((int) (((l >>> 14) & 127) | 128));
			out.write((int) (((l >>> 7) & 127) | 128));
			out.write((int) ((l & 127) | 128));
		}
	}

	private static int backlenSize(long l) {
		return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
	}

	/**
	 * The elements of a listpack blob, integers as their decimal strings.
	 * @throws BadPayloadException when the blob is not a well-formed listpack
	 */
	static List<byte[]> read(byte[] lp) {
		Bounded in = new Bounded(lp, 0, lp.length);
		if (lp.length < HEADER_SIZE + 1) {
			throw new BadPayloadException("listpack too short");
		}
		long total = in.littleEndian(0, 4);
		if (total != lp.length) {
			throw new BadPayloadException("listpack length mismatch");
		}
		int declared = (int) in.littleEndian(4, 2);
		if ((lp[lp.length - 1] & 0xff) != EOF) {
			throw new BadPayloadException("listpack without terminator");
		}
		List<byte[]> elements = new ArrayList<>();
		int p = HEADER_SIZE;
		int end = lp.length - 1;
		while (p < end) {
			int start = p;
			int enc = lp[p] & 0xff;
			byte[] element;
			if ((enc & 0x80) == 0) {
				element = Bytes.fromLong(enc);
				p += 1;
			}
			else if ((enc & 0xC0) == 0x80) {
				int len = enc & 0x3f;
				element = in.slice(p + 1, len, end);
				p += 1 + len;
			}
			else if ((enc & 0xE0) == 0xC0) {
				long uv = ((long) (enc & 0x1f) << 8) | in.unsigned(p + 1, end);
				element = Bytes.fromLong(uv >= 1 << 12 ? uv - (1 << 13) : uv);
				p += 2;
			}
			else if ((enc & 0xF0) == 0xE0) {
				int len = ((enc & 0x0f) << 8) | in.unsigned(p + 1, end);
				element = in.slice(p + 2, len, end);
				p += 2 + len;
			}
			else {
				switch (enc) {
					case 0xF0 -> {
						long len = in.littleEndian(p + 1, 4, end);
						if (len > end - p - 5) {
							throw new BadPayloadException("listpack string beyond its end");
						}
						element = in.slice(p + 5, (int) len, end);
						p += 5 + (int) len;
					}
					case 0xF1 -> {
						element = Bytes.fromLong((short) in.littleEndian(p + 1, 2, end));
						p += 3;
					}
					case 0xF2 -> {
						element = Bytes.fromLong((in.littleEndian(p + 1, 3, end) << 40) >> 40);
						p += 4;
					}
					case 0xF3 -> {
						element = Bytes.fromLong((int) in.littleEndian(p + 1, 4, end));
						p += 5;
					}
					case 0xF4 -> {
						element = Bytes.fromLong(in.littleEndian(p + 1, 8, end));
						p += 9;
					}
					default -> throw new BadPayloadException("bad listpack encoding");
				}
			}
			long encodedSize = p - start;
			int backlen = backlenSize(encodedSize);
			if (p + backlen > end) {
				throw new BadPayloadException("listpack entry beyond its end");
			}
			// the backlen must be the entry's size as lpEncodeBacklen writes it (what
			// lpValidateNext's backward read accepts)
			Listpack expected = new Listpack();
			int from = expected.out.size();
			expected.writeBacklen(encodedSize);
			if (!java.util.Arrays.equals(expected.out.array(), from, from + backlen, lp, p, p + backlen)) {
				throw new BadPayloadException("listpack backlen mismatch");
			}
			p += backlen;
			elements.add(element);
		}
		if (p != end || (declared != 65535 && declared != elements.size())) {
			throw new BadPayloadException("listpack count mismatch");
		}
		return elements;
	}

}

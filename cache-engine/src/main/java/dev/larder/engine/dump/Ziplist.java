package dev.larder.engine.dump;

import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the formats Redis no longer writes but still loads from older payloads: ziplists
 * (src/ziplist.c) and zipmaps (src/zipmap.c), both BSD licensed. Every length is checked
 * against the blob, as ziplistValidateIntegrity and zipmapValidateIntegrity do.
 */
final class Ziplist {

	private static final int HEADER_SIZE = 10;

	private Ziplist() {
	}

	/** The entries of a ziplist blob, integers as their decimal strings. */
	static List<byte[]> read(byte[] zl) {
		Bounded in = new Bounded(zl, 0, zl.length);
		if (zl.length < HEADER_SIZE + 1) {
			throw new BadPayloadException("ziplist too short");
		}
		if (in.littleEndian(0, 4) != zl.length) {
			throw new BadPayloadException("ziplist length mismatch");
		}
		long tail = in.littleEndian(4, 4);
		int declared = (int) in.littleEndian(8, 2);
		int end = zl.length - 1;
		if ((zl[end] & 0xff) != 0xFF) {
			throw new BadPayloadException("ziplist without terminator");
		}
		List<byte[]> entries = new ArrayList<>();
		int p = HEADER_SIZE;
		int prevStart = -1;
		int prevSize = 0;
		while (p < end) {
			int start = p;
			int prevlen = in.unsigned(p, end);
			if (prevlen == 0xFE) {
				prevlen = (int) in.littleEndian(p + 1, 4, end);
				p += 5;
			}
			else {
				p += 1;
			}
			if (prevlen != prevSize) {
				throw new BadPayloadException("ziplist prevlen mismatch");
			}
			int enc = in.unsigned(p, end);
			byte[] entry;
			switch (enc >>> 6) {
				case 0 -> {
					int len = enc & 0x3f;
					entry = in.slice(p + 1, len, end);
					p += 1 + len;
				}
				case 1 -> {
					int len = ((enc & 0x3f) << 8) | in.unsigned(p + 1, end);
					entry = in.slice(p + 2, len, end);
					p += 2 + len;
				}
				case 2 -> {
					long len = in.bigEndian(p + 1, 4, end);
					if (enc != 0x80 || len > end - p - 5) {
						throw new BadPayloadException("bad ziplist string");
					}
					entry = in.slice(p + 5, (int) len, end);
					p += 5 + (int) len;
				}
				default -> {
					long v;
					int size;
					switch (enc) {
						case 0xC0 -> {
							v = (short) in.littleEndian(p + 1, 2, end);
							size = 2;
						}
						case 0xD0 -> {
							v = (int) in.littleEndian(p + 1, 4, end);
							size = 4;
						}
						case 0xE0 -> {
							v = in.littleEndian(p + 1, 8, end);
							size = 8;
						}
						case 0xF0 -> {
							v = (in.littleEndian(p + 1, 3, end) << 40) >> 40;
							size = 3;
						}
						case 0xFE -> {
							v = (byte) in.unsigned(p + 1, end);
							size = 1;
						}
						default -> {
							if (enc < 0xF1 || enc > 0xFD) {
								throw new BadPayloadException("bad ziplist encoding");
							}
							v = (enc & 0x0f) - 1;
							size = 0;
						}
					}
					entry = Bytes.fromLong(v);
					p += 1 + size;
				}
			}
			prevStart = start;
			prevSize = p - start;
			entries.add(entry);
		}
		if (p != end || (prevStart >= 0 ? tail != prevStart : tail != HEADER_SIZE)
				|| (declared != 65535 && declared != entries.size())) {
			throw new BadPayloadException("ziplist header mismatch");
		}
		return entries;
	}

	/** The keys and values of a zipmap blob, alternating. */
	static List<byte[]> readZipmap(byte[] zm) {
		Bounded in = new Bounded(zm, 0, zm.length);
		int end = zm.length;
		int p = 1;
		in.unsigned(0, end);
		List<byte[]> out = new ArrayList<>();
		while (true) {
			int len = in.unsigned(p, end);
			if (len == 0xFF) {
				p++;
				break;
			}
			int klen = len;
			if (len == 254) {
				klen = (int) in.littleEndian(p + 1, 4, end);
				p += 5;
			}
			else if (len == 253) {
				throw new BadPayloadException("bad zipmap length");
			}
			else {
				p += 1;
			}
			if (klen < 0) {
				throw new BadPayloadException("bad zipmap length");
			}
			byte[] key = in.slice(p, klen, end);
			p += klen;
			int vl = in.unsigned(p, end);
			int vlen = vl;
			if (vl == 254) {
				vlen = (int) in.littleEndian(p + 1, 4, end);
				p += 5;
			}
			else if (vl >= 253) {
				throw new BadPayloadException("bad zipmap length");
			}
			else {
				p += 1;
			}
			int free = in.unsigned(p, end);
			p += 1;
			if (vlen < 0) {
				throw new BadPayloadException("bad zipmap length");
			}
			byte[] value = in.slice(p, vlen, end);
			p += vlen + free;
			out.add(key);
			out.add(value);
		}
		if (p != end || out.isEmpty()) {
			throw new BadPayloadException("zipmap size mismatch");
		}
		return out;
	}

}

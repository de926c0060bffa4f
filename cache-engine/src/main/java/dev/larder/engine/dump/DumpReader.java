package dev.larder.engine.dump;

import dev.larder.engine.command.Scores;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.EncodingLimits;
import dev.larder.engine.keyspace.HashValue;
import dev.larder.engine.keyspace.ListValue;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.ZSetValue;
import java.util.List;

/**
 * Reads a value as Redis 7.0's rdbLoadObjectType and rdbLoadObject do (src/rdb.c, BSD
 * licence), from every RDB type a 7.0 server loads except streams and modules, into the
 * engine's values under its encoding limits. Everything read is checked against the
 * payload, and no allocation is larger than what is left of it (or, for an LZF string,
 * than what its compressed bytes can expand to), so a corrupt payload is a
 * {@link BadPayloadException} and never an out-of-bounds read or a huge allocation.
 */
final class DumpReader {

	/** LZF's best ratio: a 3-byte back reference copies at most 264 bytes. */
	private static final int LZF_MAX_RATIO = 88;

	private final byte[] data;

	private final int end;

	private final EncodingLimits limits;

	private int pos;

	DumpReader(byte[] data, int end, EncodingLimits limits) {
		this.data = data;
		this.end = end;
		this.limits = limits;
	}

	Object readValue() {
		int type = readByte();
		return switch (type) {
			case RdbTypes.STRING -> readString();
			case RdbTypes.LIST -> readLinkedList();
			case RdbTypes.SET -> readSet();
			case RdbTypes.ZSET, RdbTypes.ZSET_2 -> readZSet(type == RdbTypes.ZSET_2);
			case RdbTypes.HASH -> readHash();
			case RdbTypes.HASH_ZIPMAP -> hashOf(Ziplist.readZipmap(readString()));
			case RdbTypes.LIST_ZIPLIST -> listOf(Ziplist.read(readString()), new ListValue());
			case RdbTypes.SET_INTSET -> readIntset();
			case RdbTypes.ZSET_ZIPLIST -> zsetOf(Ziplist.read(readString()));
			case RdbTypes.HASH_ZIPLIST -> hashOf(Ziplist.read(readString()));
			case RdbTypes.LIST_QUICKLIST, RdbTypes.LIST_QUICKLIST_2 -> readQuicklist(type == RdbTypes.LIST_QUICKLIST_2);
			case RdbTypes.HASH_LISTPACK -> hashOf(Listpack.read(readString()));
			case RdbTypes.ZSET_LISTPACK -> zsetOf(Listpack.read(readString()));
			// modules and streams (15, 19) are not loaded by this engine; other bytes are
			// no object type
			default -> throw new BadPayloadException("unsupported object type " + type);
		};
	}

	private int readByte() {
		if (pos >= end) {
			throw new BadPayloadException("payload truncated");
		}
		return data[pos++] & 0xff;
	}

	private long readBigEndian(int n) {
		long v = 0;
		for (int i = 0; i < n; i++) {
			v = (v << 8) | readByte();
		}
		return v;
	}

	private long readLittleEndian(int n) {
		long v = 0;
		for (int i = 0; i < n; i++) {
			v |= (long) readByte() << (8 * i);
		}
		return v;
	}

	/** rdbLoadLen. */
	private long readLength() {
		int first = readByte();
		if (first >>> 6 == 3) {
			// rdbLoadLen ignores the "encoded" flag: the low six bits are the length
			return first & 0x3f;
		}
		return lengthOf(first);
	}

	private long lengthOf(int first) {
		return switch (first >>> 6) {
			case 0 -> first & 0x3f;
			case 1 -> ((first & 0x3f) << 8) | readByte();
			default -> {
				if (first == 0x80) {
					yield readBigEndian(4);
				}
				if (first == 0x81) {
					long len = readBigEndian(8);
					if (len < 0) {
						throw new BadPayloadException("length overflows");
					}
					yield len;
				}
				throw new BadPayloadException("unknown length encoding");
			}
		};
	}

	/** A count of elements, each at least one byte, so at most what is left. */
	private int readCount() {
		long n = readLength();
		if (n > end - pos) {
			throw new BadPayloadException("count beyond the payload");
		}
		return (int) n;
	}

	/** rdbGenericLoadStringObject. */
	private byte[] readString() {
		int first = readByte();
		if (first >>> 6 == 3) {
			return switch (first & 0x3f) {
				case 0 -> Bytes.fromLong((byte) readLittleEndian(1));
				case 1 -> Bytes.fromLong((short) readLittleEndian(2));
				case 2 -> Bytes.fromLong((int) readLittleEndian(4));
				case 3 -> readCompressed();
				default -> throw new BadPayloadException("unknown string encoding");
			};
		}
		long len = lengthOf(first);
		if (len > end - pos) {
			throw new BadPayloadException("string beyond the payload");
		}
		byte[] s = java.util.Arrays.copyOfRange(data, pos, pos + (int) len);
		pos += (int) len;
		return s;
	}

	private byte[] readCompressed() {
		long clen = readLength();
		long len = readLength();
		if (clen > end - pos) {
			throw new BadPayloadException("bad LZF lengths");
		}
		if (len == 0) {
			// Redis 7.0 compares lzf_decompress's 0 ("failed") with the length 0
			pos += (int) clen;
			return new byte[0];
		}
		if (len > clen * LZF_MAX_RATIO + 32 || len > Integer.MAX_VALUE - 16) {
			throw new BadPayloadException("bad LZF lengths");
		}
		byte[] s = Lzf.decompress(data, pos, (int) clen, (int) len);
		if (s == null) {
			throw new BadPayloadException("invalid LZF compressed string");
		}
		pos += (int) clen;
		return s;
	}

	private static void nonEmpty(int count) {
		if (count == 0) {
			throw new BadPayloadException("empty key");
		}
	}

	private ListValue readLinkedList() {
		int n = readCount();
		nonEmpty(n);
		ListValue list = new ListValue();
		for (int i = 0; i < n; i++) {
			list.addLast(readString());
		}
		return list;
	}

	private ListValue readQuicklist(boolean v2) {
		int nodes = readCount();
		nonEmpty(nodes);
		ListValue list = new ListValue();
		for (int i = 0; i < nodes; i++) {
			long container = RdbTypes.QUICKLIST_NODE_PACKED;
			if (v2) {
				container = readLength();
				if (container != RdbTypes.QUICKLIST_NODE_PACKED && container != RdbTypes.QUICKLIST_NODE_PLAIN) {
					throw new BadPayloadException("quicklist node container");
				}
			}
			byte[] blob = readString();
			if (blob.length == 0) {
				throw new BadPayloadException("quicklist node of no bytes");
			}
			if (container == RdbTypes.QUICKLIST_NODE_PLAIN) {
				list.addLast(blob);
				continue;
			}
			// an empty node is skipped, as Redis does
			List<byte[]> elements = v2 ? Listpack.read(blob) : Ziplist.read(blob);
			listOf(elements, list);
		}
		if (list.isEmpty()) {
			throw new BadPayloadException("empty key");
		}
		return list;
	}

	private static ListValue listOf(List<byte[]> elements, ListValue list) {
		for (byte[] e : elements) {
			list.addLast(e);
		}
		if (list.isEmpty()) {
			throw new BadPayloadException("empty key");
		}
		return list;
	}

	private SetValue readSet() {
		int n = readCount();
		nonEmpty(n);
		SetValue set = new SetValue(limits);
		for (int i = 0; i < n; i++) {
			if (!set.add(readString())) {
				throw new BadPayloadException("duplicate set members");
			}
		}
		return set;
	}

	private SetValue readIntset() {
		SetValue set = new SetValue(limits);
		for (long v : Intset.read(readString())) {
			set.add(Bytes.fromLong(v));
		}
		return set;
	}

	private ZSetValue readZSet(boolean binaryScores) {
		int n = readCount();
		nonEmpty(n);
		ZSetValue zset = ZSetValue.inSkiplistEncoding(limits);
		for (int i = 0; i < n; i++) {
			byte[] member = readString();
			double score = binaryScores ? Double.longBitsToDouble(readLittleEndian(8)) : readAsciiDouble();
			if (Double.isNaN(score)) {
				throw new BadPayloadException("zset with NaN score");
			}
			if (zset.get(member) != null) {
				throw new BadPayloadException("duplicate zset members");
			}
			zset.insert(member, score);
		}
		return zset.convertToListpackIfSmall();
	}

	/** rdbLoadDoubleValue: a length byte (253 nan, 254 inf, 255 -inf) and the digits. */
	private double readAsciiDouble() {
		int len = readByte();
		return switch (len) {
			case 255 -> Double.NEGATIVE_INFINITY;
			case 254 -> Double.POSITIVE_INFINITY;
			case 253 -> Double.NaN;
			default -> {
				if (len > end - pos) {
					throw new BadPayloadException("double beyond the payload");
				}
				byte[] digits = java.util.Arrays.copyOfRange(data, pos, pos + len);
				pos += len;
				Double d = Scores.parse(digits);
				if (d == null) {
					throw new BadPayloadException("bad double");
				}
				yield d;
			}
		};
	}

	private ZSetValue zsetOf(List<byte[]> entries) {
		if (entries.isEmpty() || entries.size() % 2 != 0) {
			throw new BadPayloadException("zset listpack with odd or no entries");
		}
		ZSetValue zset = new ZSetValue(limits);
		for (int i = 0; i < entries.size(); i += 2) {
			double score = Scores.zzlStrtod(entries.get(i + 1));
			if (Double.isNaN(score)) {
				throw new BadPayloadException("bad zset score");
			}
			if (zset.get(entries.get(i)) != null) {
				throw new BadPayloadException("duplicate zset members");
			}
			zset.insert(entries.get(i), score);
		}
		return zset;
	}

	private HashValue readHash() {
		int n = readCount();
		nonEmpty(n);
		HashValue hash = new HashValue(limits);
		for (int i = 0; i < n; i++) {
			byte[] field = readString();
			byte[] value = readString();
			if (!hash.put(field, value)) {
				throw new BadPayloadException("duplicate hash fields");
			}
		}
		return hash;
	}

	private HashValue hashOf(List<byte[]> entries) {
		if (entries.isEmpty() || entries.size() % 2 != 0) {
			throw new BadPayloadException("hash listpack with odd or no entries");
		}
		HashValue hash = new HashValue(limits);
		for (int i = 0; i < entries.size(); i += 2) {
			if (!hash.put(entries.get(i), entries.get(i + 1))) {
				throw new BadPayloadException("duplicate hash fields");
			}
		}
		return hash;
	}

}

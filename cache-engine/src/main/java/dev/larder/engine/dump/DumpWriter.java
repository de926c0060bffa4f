package dev.larder.engine.dump;

import dev.larder.engine.command.Scores;
import dev.larder.engine.keyspace.HashValue;
import dev.larder.engine.keyspace.ListValue;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.StreamValue;
import dev.larder.engine.keyspace.ValueVisitor;
import dev.larder.engine.keyspace.Values;
import dev.larder.engine.keyspace.ZSetValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a value as Redis 7.0's rdbSaveObjectType and rdbSaveObject do (src/rdb.c, BSD
 * licence), in the RDB type of the value's encoding: listpack hashes and sorted sets as
 * their listpack, intsets as their intset, lists as a quicklist of listpack nodes cut
 * where Redis's quicklist cuts a list that was pushed at its tail, and the big encodings
 * element by element.
 */
final class DumpWriter {

	/** Redis's optimization_level: the node sizes list-max-listpack-size -1..-5 mean. */
	private static final int[] OPTIMIZATION_LEVEL = { 4096, 8192, 16384, 32768, 65536 };

	private static final int SIZE_SAFETY_LIMIT = 8192;

	private static final int SIZE_ESTIMATE_OVERHEAD = 8;

	private final ByteSink out = new ByteSink(64);

	private final boolean compress;

	private final int listFill;

	DumpWriter(boolean compress, int listFill) {
		this.compress = compress;
		this.listFill = listFill;
	}

	ByteSink out() {
		return out;
	}

	void writeValue(Object value) {
		Values.accept(value, new ValueVisitor<Void>() {

			@Override
			public Void visitString(byte[] s) {
				out.write(RdbTypes.STRING);
				writeString(s);
				return null;
			}

			@Override
			public Void visitList(ListValue list) {
				writeList(list);
				return null;
			}

			@Override
			public Void visitSet(SetValue set) {
				writeSet(set);
				return null;
			}

			@Override
			public Void visitZSet(ZSetValue zset) {
				writeZSet(zset);
				return null;
			}

			@Override
			public Void visitHash(HashValue hash) {
				writeHash(hash);
				return null;
			}

			@Override
			public Void visitStream(StreamValue stream) {
				// RDB_TYPE_STREAM_LISTPACKS_2 is not written yet: refuse rather than
				// produce a payload no server could restore
				throw new UnsupportedValueException("stream");
			}

		});
	}

	/** rdbSaveLen. */
	void writeLength(long len) {
		if (len < (1 << 6)) {
			out.write((int) len);
		}
		else if (len < (1 << 14)) {
			out.write((int) ((len >>> 8) | 0x40));
			out.write((int) (len & 0xff));
		}
		else if (len <= 0xFFFFFFFFL) {
			out.write(0x80);
			out.writeBigEndian(len, 4);
		}
		else {
			out.write(0x81);
			out.writeBigEndian(len, 8);
		}
	}

	/**
	 * rdbSaveRawString: a small integer in its integer encoding, a string longer than 20
	 * bytes LZF-compressed when that saves at least 4 bytes (and rdbcompression is on),
	 * else length and bytes.
	 */
	void writeString(byte[] s) {
		if (s.length <= 11 && writeIntegerEncoded(s)) {
			return;
		}
		if (compress && s.length > 20 && writeCompressed(s)) {
			return;
		}
		writeLength(s.length);
		out.write(s);
	}

	private boolean writeIntegerEncoded(byte[] s) {
		Long v = Listpack.canonicalLong(s);
		if (v == null) {
			return false;
		}
		long value = v;
		if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
			out.write(0xC0);
			out.writeLittleEndian(value, 1);
		}
		else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
			out.write(0xC1);
			out.writeLittleEndian(value, 2);
		}
		else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
			out.write(0xC2);
			out.writeLittleEndian(value, 4);
		}
		else {
			return false;
		}
		return true;
	}

	private boolean writeCompressed(byte[] s) {
		int outLen = s.length - 4;
		byte[] packed = new byte[outLen + 1];
		int clen = Lzf.compress(s, packed, outLen);
		if (clen == 0) {
			return false;
		}
		out.write(0xC3);
		writeLength(clen);
		writeLength(s.length);
		out.write(packed, 0, clen);
		return true;
	}

	private void writeList(ListValue list) {
		out.write(RdbTypes.LIST_QUICKLIST_2);
		List<byte[]> nodes = new ArrayList<>();
		Listpack node = null;
		for (int i = 0; i < list.size(); i++) {
			byte[] element = list.get(i);
			if (node == null || !allowInsert(node, element.length)) {
				if (node != null) {
					nodes.add(node.finish());
				}
				node = new Listpack();
			}
			node.append(element);
		}
		if (node != null) {
			nodes.add(node.finish());
		}
		writeLength(nodes.size());
		for (byte[] lp : nodes) {
			writeLength(RdbTypes.QUICKLIST_NODE_PACKED);
			writeString(lp);
		}
	}

	/** quicklist.c's _quicklistNodeAllowInsert for a node at the tail. */
	private boolean allowInsert(Listpack node, int size) {
		long newSize = (long) node.bytes() + size + SIZE_ESTIMATE_OVERHEAD;
		if (listFill < 0) {
			int offset = -listFill - 1;
			if (offset < OPTIMIZATION_LEVEL.length && newSize <= OPTIMIZATION_LEVEL[offset]) {
				return true;
			}
		}
		if (newSize > SIZE_SAFETY_LIMIT) {
			return false;
		}
		return node.count() < listFill;
	}

	private void writeSet(SetValue set) {
		List<byte[]> members = set.members();
		if (set.isIntset()) {
			out.write(RdbTypes.SET_INTSET);
			long[] values = new long[members.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = Long.parseLong(new String(members.get(i), java.nio.charset.StandardCharsets.US_ASCII));
			}
			Arrays.sort(values);
			writeString(Intset.write(values));
			return;
		}
		out.write(RdbTypes.SET);
		writeLength(members.size());
		for (byte[] m : members) {
			writeString(m);
		}
	}

	private void writeZSet(ZSetValue zset) {
		List<ZSetValue.Node> nodes = new ArrayList<>(zset.size());
		zset.forEach(nodes::add);
		if (zset.isListpack()) {
			out.write(RdbTypes.ZSET_LISTPACK);
			Listpack lp = new Listpack();
			for (ZSetValue.Node n : nodes) {
				lp.append(n.member());
				lp.append(Scores.d2string(n.score()));
			}
			writeString(lp.finish());
			return;
		}
		out.write(RdbTypes.ZSET_2);
		writeLength(nodes.size());
		// from the tail, as rdbSaveObject walks the skiplist backwards
		for (int i = nodes.size() - 1; i >= 0; i--) {
			writeString(nodes.get(i).member());
			out.writeLittleEndian(Double.doubleToRawLongBits(nodes.get(i).score()), 8);
		}
	}

	private void writeHash(HashValue hash) {
		if (hash.isCompact()) {
			out.write(RdbTypes.HASH_LISTPACK);
			Listpack lp = new Listpack();
			hash.forEach((f, v) -> {
				lp.append(f);
				lp.append(v);
			});
			writeString(lp.finish());
			return;
		}
		out.write(RdbTypes.HASH);
		writeLength(hash.size());
		hash.forEach((f, v) -> {
			writeString(f);
			writeString(v);
		});
	}

}

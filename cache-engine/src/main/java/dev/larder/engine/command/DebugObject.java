package dev.larder.engine.command;

import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.HashValue;
import dev.larder.engine.keyspace.KeyAccess;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ListValue;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.StreamValue;
import dev.larder.engine.keyspace.ValueVisitor;
import dev.larder.engine.keyspace.Values;
import dev.larder.engine.keyspace.ZSetValue;
import java.util.List;
import java.util.Locale;

/**
 * DEBUG OBJECT's line, in Redis 7.0's format: {@code Value at:<address> refcount:<n>
 * encoding:<enc> serializedlength:<n> lru:<n> lru_seconds_idle:<n>}, plus the ql_* fields
 * for a list.
 *
 * <p>
 * The figures that describe Redis's memory layout are estimates computed from the value
 * as Redis would hold it, since the engine stores values its own way:
 * <ul>
 * <li>address: the value's identity hash, which only tells two values apart;</li>
 * <li>refcount: 2147483647 for the small integers Redis shares (0 to 9999, unless an LRU
 * or LFU maxmemory policy is on), 1 otherwise;</li>
 * <li>serializedlength: the size of the value's RDB encoding (rdbSavedObjectLen), exact
 * for integers, strings up to 20 bytes, and listpacks and intsets up to 20 bytes, and an
 * upper bound otherwise, because Redis LZF-compresses longer strings and blobs
 * (rdbcompression) and the engine does not;</li>
 * <li>ql_*: the quicklist a tail-pushed list of these elements would have under the
 * list-max-listpack-size and packed threshold in force now (Redis's node split depends on
 * the order of operations and on the settings at each insertion, which the engine does
 * not keep).</li>
 * </ul>
 * lru and lru_seconds_idle come from the key's access clock as OBJECT IDLETIME does (the
 * LFU field under an LFU policy, as in Redis).
 */
final class DebugObject {

	/** object.c's OBJ_SHARED_REFCOUNT. */
	private static final int SHARED_REFCOUNT = Integer.MAX_VALUE;

	/** server.h's OBJ_SHARED_INTEGERS. */
	private static final long SHARED_INTEGERS = 10000;

	/** server.h's LRU_CLOCK_MAX. */
	private static final long LRU_CLOCK_MAX = (1 << 24) - 1;

	/** quicklist.c's SIZE_SAFETY_LIMIT and SIZE_ESTIMATE_OVERHEAD. */
	private static final long SIZE_SAFETY_LIMIT = 8192;

	private static final long SIZE_ESTIMATE_OVERHEAD = 8;

	/** quicklist.c's optimization_level, the byte limits of fill -1 to -5. */
	private static final long[] OPTIMIZATION_LEVEL = { 4096, 8192, 16384, 32768, 65536 };

	/** listpack.c's LP_HDR_SIZE plus its end byte: an empty listpack. */
	private static final long EMPTY_LISTPACK = 7;

	private DebugObject() {
	}

	/** The line for {@code e}; the caller holds its shard's lock. */
	static String line(CommandContext c, KeyEntry e) {
		Object value = e.value();
		String encoding = Values.encoding(value);
		KeyAccess access = c.core().keyspace().access();
		access.refreshClock();
		long lru;
		if (access.mode() == KeyAccess.Mode.LFU) {
			lru = access.lfuField(e);
		}
		else {
			lru = ((c.now() - access.idleMillis(e)) / 1000) & LRU_CLOCK_MAX;
		}
		long clock = (c.now() / 1000) & LRU_CLOCK_MAX;
		// estimateObjectIdleTime, which reads the field as an LRU clock whatever it holds
		long idle = clock >= lru ? clock - lru : clock + (LRU_CLOCK_MAX - lru);
		String extra = "";
		long serialized;
		if (value instanceof ListValue list) {
			Quicklist ql = Quicklist.of(c, list);
			serialized = ql.serializedLength;
			extra = String.format(Locale.ROOT,
					" ql_nodes:%d ql_avg_node:%.2f ql_listpack_max:%d ql_compressed:%d ql_uncompressed_size:%d",
					ql.nodes, (double) list.size() / ql.nodes, ql.fill, ql.compressed ? 1 : 0, ql.uncompressedSize);
		}
		else {
			serialized = serializedLength(value, encoding);
		}
		return "Value at:0x" + Integer.toHexString(System.identityHashCode(value)) + " refcount:"
				+ refcount(c, value, encoding) + " encoding:" + encoding + " serializedlength:" + serialized + " lru:"
				+ lru + " lru_seconds_idle:" + idle + extra;
	}

	private static long refcount(CommandContext c, Object value, String encoding) {
		if (!encoding.equals("int")) {
			return 1;
		}
		Long v = Bytes.parseLong((byte[]) value);
		EvictionPolicy policy = c.core().eviction().policy();
		boolean noShared = c.core().eviction().maxmemory() != 0
				&& (policy.order() == EvictionPolicy.Order.LRU || policy.order() == EvictionPolicy.Order.LFU);
		return v != null && v >= 0 && v < SHARED_INTEGERS && !noShared ? SHARED_REFCOUNT : 1;
	}

	private static long serializedLength(Object value, String encoding) {
		return Values.accept(value, new ValueVisitor<Long>() {
			@Override
			public Long visitString(byte[] s) {
				return stringLength(s);
			}

			@Override
			public Long visitList(ListValue list) {
				throw new IllegalStateException("lists are measured as quicklists");
			}

			@Override
			public Long visitSet(SetValue set) {
				List<byte[]> members = set.members();
				if (encoding.equals("intset")) {
					int width = 2;
					for (byte[] m : members) {
						Long parsed = Bytes.parseLong(m);
						long v = parsed == null ? 0 : parsed;
						width = Math.max(width, v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? 2
								: v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? 4 : 8);
					}
					return blobLength(8 + (long) width * members.size());
				}
				long n = lenLength(members.size());
				for (byte[] m : members) {
					n += rawLength(m.length);
				}
				return n;
			}

			@Override
			public Long visitZSet(ZSetValue zset) {
				if (encoding.equals("listpack")) {
					long lp = EMPTY_LISTPACK;
					for (ZSetValue.Node n = zset.first(); n != null; n = n.next()) {
						lp += listpackEntry(n.member()) + listpackEntry(Scores.d2string(n.score()));
					}
					return blobLength(lp);
				}
				long n = lenLength(zset.size());
				for (ZSetValue.Node node = zset.first(); node != null; node = node.next()) {
					n += rawLength(node.member().length) + 8; // the score as a binary
																// double
				}
				return n;
			}

			@Override
			public Long visitHash(HashValue hash) {
				List<byte[]> flat = hash.flatten();
				if (encoding.equals("listpack")) {
					long lp = EMPTY_LISTPACK;
					for (byte[] b : flat) {
						lp += listpackEntry(b);
					}
					return blobLength(lp);
				}
				long n = lenLength(flat.size() / 2);
				for (byte[] b : flat) {
					n += rawLength(b.length);
				}
				return n;
			}

			@Override
			public Long visitStream(StreamValue stream) {
				// an estimate: Redis saves the stream's listpack nodes, which the engine
				// models without their bytes; each entry costs its ID and its fields
				long n = lenLength(stream.nodeCount());
				for (byte[][] fields : stream.entries().values()) {
					n += 16;
					for (byte[] b : fields) {
						n += rawLength(b.length);
					}
				}
				return n;
			}
		});
	}

	/** rdbSaveStringObject: integers of up to 32 bits in 2, 3 or 5 bytes. */
	static long stringLength(byte[] s) {
		Long v = s.length <= 11 ? Bytes.parseLong(s) : null;
		if (v != null) {
			if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
				return 2;
			}
			if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
				return 3;
			}
			if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
				return 5;
			}
		}
		return rawLength(s.length);
	}

	/** A string saved uncompressed: its length, then its bytes. */
	private static long rawLength(long length) {
		return lenLength(length) + length;
	}

	/** A listpack or intset saved as a string (never integer-encoded). */
	private static long blobLength(long length) {
		return rawLength(length);
	}

	/** rdbSaveLen: 1, 2, 5 or 9 bytes. */
	private static long lenLength(long len) {
		if (len < (1 << 6)) {
			return 1;
		}
		if (len < (1 << 14)) {
			return 2;
		}
		return len <= 0xFFFFFFFFL ? 5 : 9;
	}

	/**
	 * One listpack entry, back length included: an integer (lpStringToInt64) in 1 to 9
	 * bytes, a string after a 1, 2 or 5 byte header.
	 */
	static long listpackEntry(byte[] b) {
		long encoded;
		Long v = b.length <= 20 ? Bytes.parseLong(b) : null;
		if (v != null) {
			if (v >= 0 && v <= 127) {
				encoded = 1;
			}
			else if (v >= -4096 && v <= 4095) {
				encoded = 2;
			}
			else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
				encoded = 3;
			}
			else if (v >= -8388608 && v <= 8388607) {
				encoded = 4;
			}
			else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
				encoded = 5;
			}
			else {
				encoded = 9;
			}
		}
		else if (b.length < 64) {
			encoded = 1 + b.length;
		}
		else if (b.length < 4096) {
			encoded = 2 + b.length;
		}
		else {
			encoded = 5 + b.length;
		}
		return encoded + backlenSize(encoded);
	}

	/** lpEncodeBacklen's size. */
	private static long backlenSize(long l) {
		if (l <= 127) {
			return 1;
		}
		if (l < 16383) {
			return 2;
		}
		if (l < 2097151) {
			return 3;
		}
		return l < 268435455 ? 4 : 5;
	}

	/** The quicklist Redis would build by pushing the list's elements at the tail. */
	private record Quicklist(long nodes, int fill, boolean compressed, long uncompressedSize, long serializedLength) {

		static Quicklist of(CommandContext c, ListValue list) {
			int fill = intParameter(c, "list-max-listpack-size");
			boolean compressed = intParameter(c, "list-compress-depth") != 0;
			long threshold = c.core().debug().packedThreshold();
			long nodes = 0;
			long total = 0;
			long serialized = 0;
			long nodeBytes = -1; // -1: no open packed node
			long nodeCount = 0;
			for (int i = 0; i < list.size(); i++) {
				byte[] element = list.get(i);
				long sz = element.length;
				if (sz >= threshold) {
					// a plain node of its own
					if (nodeBytes >= 0) {
						total += nodeBytes;
						serialized += 1 + blobLength(nodeBytes);
					}
					nodes++;
					total += sz;
					serialized += 1 + rawLength(sz);
					nodeBytes = -1;
					continue;
				}
				if (nodeBytes < 0 || !allowInsert(nodeBytes, nodeCount, sz, fill)) {
					if (nodeBytes >= 0) {
						total += nodeBytes;
						serialized += 1 + blobLength(nodeBytes);
					}
					nodes++;
					nodeBytes = EMPTY_LISTPACK;
					nodeCount = 0;
				}
				nodeBytes += listpackEntry(element);
				nodeCount++;
			}
			if (nodeBytes >= 0) {
				total += nodeBytes;
				serialized += 1 + blobLength(nodeBytes);
			}
			return new Quicklist(nodes, fill, compressed, total, lenLength(nodes) + serialized);
		}

		/** _quicklistNodeAllowInsert. */
		private static boolean allowInsert(long nodeBytes, long nodeCount, long sz, int fill) {
			long newSize = nodeBytes + sz + SIZE_ESTIMATE_OVERHEAD;
			if (fill < 0 && newSize <= OPTIMIZATION_LEVEL[Math.min(-fill, OPTIMIZATION_LEVEL.length) - 1]) {
				return true;
			}
			if (newSize > SIZE_SAFETY_LIMIT) {
				return false;
			}
			return nodeCount < fill;
		}

		private static int intParameter(CommandContext c, String name) {
			var entry = c.core().parameters().lookup(name);
			return entry == null ? 0 : Integer.parseInt(entry.parameter().get());
		}

	}

}

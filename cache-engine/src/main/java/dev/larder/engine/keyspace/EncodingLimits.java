package dev.larder.engine.keyspace;

/**
 * The sizes up to which hashes, sets and sorted sets keep Redis's compact encodings
 * (hash-max-listpack-entries and -value, set-max-intset-entries,
 * zset-max-listpack-entries and -value), and HyperLogLogs their sparse one
 * (hll-sparse-max-bytes). One per engine, changed by CONFIG SET at run time; a collection
 * reads them each time it grows, as Redis reads its server struct, so a new limit decides
 * the next conversion and never converts a collection back.
 */
public final class EncodingLimits {

	/** Redis's defaults, for collections built outside an engine. Not settable. */
	public static final EncodingLimits DEFAULTS = new EncodingLimits(true);

	private final boolean fixed;

	private volatile long hashMaxListpackEntries = HashValue.MAX_COMPACT_ENTRIES;

	private volatile long hashMaxListpackValue = HashValue.MAX_COMPACT_VALUE;

	private volatile long setMaxIntsetEntries = SetValue.MAX_INTSET_ENTRIES;

	private volatile long zsetMaxListpackEntries = ZSetValue.MAX_LISTPACK_ENTRIES;

	private volatile long zsetMaxListpackValue = ZSetValue.MAX_LISTPACK_VALUE;

	/** Redis's default stream-node-max-bytes. */
	private volatile long streamNodeMaxBytes = 4096;

	/** Redis's default stream-node-max-entries. */
	private volatile long streamNodeMaxEntries = 100;

	/** Redis's default hll-sparse-max-bytes. */
	private volatile long hllSparseMaxBytes = 3000;

	/** Redis's defaults, settable. */
	public EncodingLimits() {
		this(false);
	}

	private EncodingLimits(boolean fixed) {
		this.fixed = fixed;
	}

	public long hashMaxListpackEntries() {
		return hashMaxListpackEntries;
	}

	public void hashMaxListpackEntries(long entries) {
		this.hashMaxListpackEntries = check(entries);
	}

	/** The longest field or value, in bytes, a compact hash holds. */
	public long hashMaxListpackValue() {
		return hashMaxListpackValue;
	}

	public void hashMaxListpackValue(long bytes) {
		this.hashMaxListpackValue = check(bytes);
	}

	public long setMaxIntsetEntries() {
		return setMaxIntsetEntries;
	}

	public void setMaxIntsetEntries(long entries) {
		this.setMaxIntsetEntries = check(entries);
	}

	public long zsetMaxListpackEntries() {
		return zsetMaxListpackEntries;
	}

	public void zsetMaxListpackEntries(long entries) {
		this.zsetMaxListpackEntries = check(entries);
	}

	/** The longest member, in bytes, a compact sorted set holds. */
	public long zsetMaxListpackValue() {
		return zsetMaxListpackValue;
	}

	public void zsetMaxListpackValue(long bytes) {
		this.zsetMaxListpackValue = check(bytes);
	}

	/**
	 * The longest a sparse HyperLogLog grows, header included, before an update that
	 * would lengthen it converts it to dense.
	 */
	public long hllSparseMaxBytes() {
		return hllSparseMaxBytes;
	}

	public void hllSparseMaxBytes(long bytes) {
		this.hllSparseMaxBytes = check(bytes);
	}

	/**
	 * The listpack size past which a stream starts a new node (stream-node-max-bytes; 0
	 * means no limit).
	 */
	public long streamNodeMaxBytes() {
		return streamNodeMaxBytes;
	}

	public void streamNodeMaxBytes(long bytes) {
		this.streamNodeMaxBytes = check(bytes);
	}

	/**
	 * The entries, deleted ones included, at which a stream starts a new node
	 * (stream-node-max-entries; 0 means no limit).
	 */
	public long streamNodeMaxEntries() {
		return streamNodeMaxEntries;
	}

	public void streamNodeMaxEntries(long entries) {
		this.streamNodeMaxEntries = check(entries);
	}

	private long check(long limit) {
		if (fixed) {
			throw new UnsupportedOperationException("Redis's default encoding limits are not settable");
		}
		if (limit < 0) {
			throw new IllegalArgumentException("an encoding limit cannot be negative: " + limit);
		}
		return limit;
	}

}

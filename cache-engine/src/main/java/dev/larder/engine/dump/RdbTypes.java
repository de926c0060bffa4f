package dev.larder.engine.dump;

/** The RDB object type bytes of Redis 7.0 (src/rdb.h) that a DUMP payload starts with. */
final class RdbTypes {

	static final int STRING = 0;

	static final int LIST = 1;

	static final int SET = 2;

	static final int ZSET = 3;

	static final int HASH = 4;

	static final int ZSET_2 = 5;

	static final int HASH_ZIPMAP = 9;

	static final int LIST_ZIPLIST = 10;

	static final int SET_INTSET = 11;

	static final int ZSET_ZIPLIST = 12;

	static final int HASH_ZIPLIST = 13;

	static final int LIST_QUICKLIST = 14;

	static final int HASH_LISTPACK = 16;

	static final int ZSET_LISTPACK = 17;

	static final int LIST_QUICKLIST_2 = 18;

	/** The RDB version Redis 7.0 writes, and the newest it loads. */
	static final int RDB_VERSION = 10;

	/**
	 * A quicklist node that holds one element as is (7.0: an element of 1 GB or more).
	 */
	static final int QUICKLIST_NODE_PLAIN = 1;

	/** A quicklist node that holds a listpack. */
	static final int QUICKLIST_NODE_PACKED = 2;

	private RdbTypes() {
	}

}

package dev.larder.engine.keyspace;

import dev.larder.engine.hll.HyperLogLog;

/**
 * The operations every stored value supports whatever its type, each a
 * {@link ValueVisitor}, so none of them can miss a type: OBJECT ENCODING
 * ({@link #encoding}), COPY ({@link #deepCopy}) and memory accounting's size estimate
 * ({@link #memoryUsage}). TYPE is {@link ValueType#of}, over the abstract
 * {@link CollectionValue#type()} that every command's type check reads.
 *
 * <p>
 * A stored value is a {@code byte[]} for a string (no wrapper object, which would cost a
 * header per key) or a {@link CollectionValue}; {@link #accept} is the one place that
 * knows this. {@link Database} only stores those two, so the cast there cannot fail.
 */
public final class Values {

	/**
	 * Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT: longer strings are {@code raw}.
	 */
	static final int EMBSTR_SIZE_LIMIT = 44;

	/**
	 * The longest string tryObjectEncoding tries to read as an integer (a long's 20
	 * characters).
	 */
	static final int INT_SIZE_LIMIT = 20;

	private static final ValueVisitor<String> ENCODING = new ValueVisitor<>() {

		/**
		 * As Redis's tryObjectEncoding names a string when it is stored. Redis keeps
		 * strings grown by APPEND or SETRANGE {@code raw} whatever their length; this
		 * engine does not track that history. HyperLogLogs, which the PF commands leave
		 * {@code raw}, are told by their header (one written by SET of up to 44 bytes and
		 * not yet used by a PF command would be {@code embstr} in Redis).
		 */
		@Override
		public String visitString(byte[] value) {
			if (value.length <= INT_SIZE_LIMIT && Bytes.parseLong(value) != null) {
				return "int";
			}
			return value.length <= EMBSTR_SIZE_LIMIT && !HyperLogLog.isValid(value) ? "embstr" : "raw";
		}

		@Override
		public String visitList(ListValue list) {
			return list.encoding();
		}

		@Override
		public String visitSet(SetValue set) {
			return set.encoding();
		}

		@Override
		public String visitZSet(ZSetValue zset) {
			return zset.encoding();
		}

		@Override
		public String visitHash(HashValue hash) {
			return hash.encoding();
		}

		@Override
		public String visitStream(StreamValue stream) {
			return stream.encoding();
		}

	};

	private static final ValueVisitor<Object> DEEP_COPY = new ValueVisitor<>() {

		/** Strings are never changed in place (APPEND and SETRANGE make new arrays). */
		@Override
		public Object visitString(byte[] value) {
			return value;
		}

		@Override
		public Object visitList(ListValue list) {
			return list.deepCopy();
		}

		@Override
		public Object visitSet(SetValue set) {
			return set.deepCopy();
		}

		@Override
		public Object visitZSet(ZSetValue zset) {
			return zset.deepCopy();
		}

		@Override
		public Object visitHash(HashValue hash) {
			return hash.deepCopy();
		}

		@Override
		public Object visitStream(StreamValue stream) {
			return stream.deepCopy();
		}

	};

	private static final ValueVisitor<Long> MEMORY_USAGE = new ValueVisitor<>() {

		/** A string is its bare array: header, length and bytes, aligned. */
		@Override
		public Long visitString(byte[] value) {
			return JvmLayout.byteArray(value.length);
		}

		@Override
		public Long visitList(ListValue list) {
			return list.memoryUsage();
		}

		@Override
		public Long visitSet(SetValue set) {
			return set.memoryUsage();
		}

		@Override
		public Long visitZSet(ZSetValue zset) {
			return zset.memoryUsage();
		}

		@Override
		public Long visitHash(HashValue hash) {
			return hash.memoryUsage();
		}

		@Override
		public Long visitStream(StreamValue stream) {
			return stream.memoryUsage();
		}

	};

	private Values() {
	}

	/** Runs {@code visitor}'s method for the type of a stored value. */
	public static <R> R accept(Object value, ValueVisitor<R> visitor) {
		if (value instanceof byte[] string) {
			return visitor.visitString(string);
		}
		return ((CollectionValue) value).accept(visitor);
	}

	/** The encoding OBJECT ENCODING names, as Redis 7.0 would. */
	public static String encoding(Object value) {
		return accept(value, ENCODING);
	}

	/**
	 * The heap a stored value holds, as memory accounting counts it (the key and its
	 * entry not included).
	 */
	public static long memoryUsage(Object value) {
		return accept(value, MEMORY_USAGE);
	}

	/** A copy that later changes to either value leave the other alone, for COPY. */
	public static Object deepCopy(Object value) {
		return accept(value, DEEP_COPY);
	}

}

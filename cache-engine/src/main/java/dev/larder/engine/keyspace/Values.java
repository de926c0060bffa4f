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
 * header per key), a {@link RawString} for the few short strings whose encoding the bytes
 * cannot tell, or a {@link CollectionValue}; {@link #accept} is the one place that knows
 * this. {@link Database} only stores those, so the cast there cannot fail.
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
		 * As Redis's tryObjectEncoding names a string when it is stored. The strings
		 * Redis keeps {@code raw} whatever their length (written by SETBIT, BITOP,
		 * APPEND, SETRANGE ...) are {@link RawString}s, which {@link #encoding} answers
		 * before this. HyperLogLogs, which the PF commands leave {@code raw}, are told by
		 * their header (one written by SET of up to 44 bytes and not yet used by a PF
		 * command would be {@code embstr} in Redis).
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

		/**
		 * A bare array is never changed in place; {@link #deepCopy} copies a
		 * {@link RawString}, which may be, and keeps it raw, as Redis's dupStringObject
		 * does.
		 */
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

	/**
	 * Runs {@code visitor}'s method for the type of a stored value. A string visitor sees
	 * a {@link RawString}'s own array: it reads it under the key's shard lock and keeps
	 * nothing of it.
	 */
	public static <R> R accept(Object value, ValueVisitor<R> visitor) {
		if (value instanceof byte[] string) {
			return visitor.visitString(string);
		}
		if (value instanceof RawString raw) {
			return visitor.visitString(raw.bytes);
		}
		return ((CollectionValue) value).accept(visitor);
	}

	/** The encoding OBJECT ENCODING names, as Redis 7.0 would. */
	public static String encoding(Object value) {
		return value instanceof RawString ? "raw" : accept(value, ENCODING);
	}

	/**
	 * The stored form of a string that Redis would hold as a raw sds whatever its content
	 * (createRawStringObject, dbUnshareStringValue): a {@link RawString} when its bytes
	 * alone would read as {@code int} or {@code embstr}, the bare array otherwise.
	 */
	static Object rawString(byte[] value) {
		return value.length > EMBSTR_SIZE_LIMIT ? value : new RawString(value);
	}

	/**
	 * The heap a stored value holds, as memory accounting counts it (the key and its
	 * entry not included).
	 */
	public static long memoryUsage(Object value) {
		return value instanceof RawString ? RawString.SHELL + accept(value, MEMORY_USAGE) : accept(value, MEMORY_USAGE);
	}

	/** A copy that later changes to either value leave the other alone, for COPY. */
	public static Object deepCopy(Object value) {
		return value instanceof RawString raw ? new RawString(raw.bytes.clone()) : accept(value, DEEP_COPY);
	}

}

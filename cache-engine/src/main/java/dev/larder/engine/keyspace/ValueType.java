package dev.larder.engine.keyspace;

/**
 * The Redis type of a stored value, as TYPE names it, in Redis's order (OBJ_STRING 0 to
 * OBJ_HASH 4, then OBJ_STREAM 6). Each type has one value class ({@code byte[]} for
 * strings, or a {@link RawString} around one for short strings Redis would call raw, a
 * {@link CollectionValue} for the others) and one method in {@link ValueVisitor}.
 */
public enum ValueType {

	STRING("string"), LIST("list"), SET("set"), ZSET("zset"), HASH("hash"), STREAM("stream");

	private final String typeName;

	ValueType(String typeName) {
		this.typeName = typeName;
	}

	/** The name TYPE replies with. */
	public String typeName() {
		return typeName;
	}

	/** The type of a stored value. */
	public static ValueType of(Object value) {
		return value instanceof byte[] || value instanceof RawString ? STRING : ((CollectionValue) value).type();
	}

}

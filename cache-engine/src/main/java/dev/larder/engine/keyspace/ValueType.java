package dev.larder.engine.keyspace;

/**
 * The Redis type of a stored value, as TYPE names it. Strings are stored as bare
 * {@code byte[]} (no wrapper, to save a header per key); every other type is a
 * {@link CollectionValue} that reports its own type, so adding lists, sets and sorted
 * sets only means adding value classes.
 */
public enum ValueType {

	STRING("string"), LIST("list"), SET("set"), ZSET("zset"), HASH("hash");

	private final String typeName;

	ValueType(String typeName) {
		this.typeName = typeName;
	}

	/** The name TYPE replies with. */
	public String typeName() {
		return typeName;
	}

	public static ValueType of(Object value) {
		return value instanceof byte[] ? STRING : ((CollectionValue) value).type();
	}

}

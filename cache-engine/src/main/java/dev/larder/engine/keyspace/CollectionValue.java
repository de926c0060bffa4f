package dev.larder.engine.keyspace;

/**
 * A stored value other than a string (strings are bare {@code byte[]}, see
 * {@link Values}). Sealed, so the value types are a closed set the compiler knows: a new
 * one must be listed here and then implement {@link #accept}, which makes it a method of
 * {@link ValueVisitor} that every per-type operation has to handle.
 */
public sealed interface CollectionValue permits ListValue, SetValue, ZSetValue, HashValue, StreamValue {

	/** Calls the visitor's method for this value's type. */
	<R> R accept(ValueVisitor<R> visitor);

	/**
	 * The type TYPE names. A plain method rather than a visit: every command's type check
	 * ({@code lookupRead}/{@code lookupWrite}) asks it.
	 */
	ValueType type();

	/** Redis deletes a key when its collection becomes empty. */
	boolean isEmpty();

	/**
	 * What OBJECT ENCODING names, as Redis 7.0 would for the same contents and history.
	 */
	String encoding();

	/** An independent copy, for COPY. */
	CollectionValue deepCopy();

	/**
	 * The heap this value holds (its objects, arrays and members' bytes), an estimate the
	 * value keeps current as it changes, so reading it costs nothing.
	 */
	long memoryUsage();

}

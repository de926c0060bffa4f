package dev.larder.engine.keyspace;

/** A non-string value (hash now; list, set, sorted set next). */
public interface CollectionValue {

	ValueType type();

	/** Redis deletes a key when its collection becomes empty. */
	boolean isEmpty();

	/** An independent copy, for COPY. */
	CollectionValue deepCopy();

}

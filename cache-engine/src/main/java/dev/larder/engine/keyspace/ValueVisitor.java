package dev.larder.engine.keyspace;

/**
 * One operation over every type of stored value, a method per type: adding a value type
 * adds a method here, and then every operation that must handle it (TYPE, OBJECT
 * ENCODING, COPY, the per-type size estimate of memory accounting) fails to compile until
 * it does. Run one with {@link Values#accept}.
 *
 * <p>
 * The methods follow Redis's type numbering (OBJ_STRING 0 to OBJ_HASH 4), as
 * {@link ValueType} does.
 *
 * @param <R> what the operation returns
 */
public interface ValueVisitor<R> {

	/** A string, stored as its bare bytes; never mutate them (they may be shared). */
	R visitString(byte[] value);

	R visitList(ListValue list);

	R visitSet(SetValue set);

	R visitZSet(ZSetValue zset);

	R visitHash(HashValue hash);

	R visitStream(StreamValue stream);

}

package dev.larder.cache.structure.sortedset;

/**
 * Named sorted sets in the backend: {@code sortedSets.set("scores").add("ana", 42)}.
 * Handles are cheap and thread-safe; two handles of one name address the same set, also
 * from other application instances sharing the backend.
 */
public interface SortedSets {

	/**
	 * A set whose members are plain strings, stored as their UTF-8 bytes (readable with
	 * redis-cli).
	 */
	ScoredSet<String> set(String name);

	/**
	 * A set whose members are objects written through the cache's
	 * {@code ValueSerializer}; members are equal when their serialized forms are, so use
	 * value types (records) as members.
	 */
	<T> ScoredSet<T> set(String name, Class<T> memberType);

}

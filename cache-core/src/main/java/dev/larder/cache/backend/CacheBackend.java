package dev.larder.cache.backend;

import dev.larder.cache.CacheSettings;

/**
 * One of Larder's storage technologies. It creates a {@link CacheStore} per cache and says how
 * the cache must prepare keys and values for it.
 */
public interface CacheBackend extends AutoCloseable {

	/** A short name for logs, metrics and errors: {@code caffeine}, {@code redis}, ... */
	String type();

	/**
	 * Creates the store for one cache.
	 * @param name the cache name
	 * @param settings the cache's resolved settings
	 * @param evictionListener to call whenever the backend itself drops an entry (size or expiry)
	 */
	CacheStore createStore(String name, CacheSettings settings, Runnable evictionListener);

	/**
	 * Whether the store keeps value objects as they are (a local cache by reference). When
	 * {@code false} the cache serializes values to {@code byte[]} before handing them over.
	 */
	boolean storesReferences();

	/**
	 * Whether the store needs keys rendered as strings ({@code <prefix><cache>::<key>}); a local
	 * per-cache store can use the method keys as they are.
	 */
	boolean requiresStringKeys();

	/** Releases connections and threads. */
	@Override
	default void close() {
	}

}

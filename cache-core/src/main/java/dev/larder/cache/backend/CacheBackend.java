package dev.larder.cache.backend;

import dev.larder.cache.near.KeyInvalidations;
import org.jspecify.annotations.Nullable;

/**
 * One of Larder's storage technologies. It creates a {@link CacheStore} per cache and
 * says how the cache must prepare keys and values for it.
 */
public interface CacheBackend extends AutoCloseable {

	/** A short name for logs, metrics and errors: {@code caffeine}, {@code redis}, ... */
	String type();

	/** Creates the store for one cache. */
	CacheStore createStore(StoreContext context);

	/**
	 * Whether the store keeps value objects as they are (a local cache by reference).
	 * When {@code false} the cache serializes values to {@code byte[]} before handing
	 * them over.
	 */
	boolean storesReferences();

	/**
	 * Whether the store needs keys rendered as strings ({@code <prefix><cache>::<key>});
	 * a local per-cache store can use the method keys as they are.
	 */
	boolean requiresStringKeys();

	/**
	 * The backend's own client, for what Larder does not wrap: the Lettuce connection,
	 * the Memcached client, the engine. {@code null} for backends without a shared
	 * client.
	 */
	default @Nullable Object nativeClient() {
		return null;
	}

	/**
	 * The sorted sets, locks and rate limiters this backend carries. Backends that carry
	 * none throw {@link dev.larder.cache.structure.UnsupportedStructureException}.
	 */
	default dev.larder.cache.structure.Structures structures() {
		throw new dev.larder.cache.structure.UnsupportedStructureException("The " + type()
				+ " backend carries no sorted sets, locks or rate limiters; the embedded, redis and caffeine backends do (larder.backend)");
	}

	/**
	 * The backend's reports of changed keys, which a near cache in front of it needs to
	 * stay exact; {@code null} where the backend has none (Memcached), in which case a
	 * near cache can only expire its entries.
	 */
	default @Nullable KeyInvalidations keyInvalidations() {
		return null;
	}

	/**
	 * A live check of the backend, for health endpoints; local backends are always up.
	 */
	default BackendHealth health() {
		return BackendHealth.up(java.util.Map.of("backend", type()));
	}

	/** Releases connections and threads. */
	@Override
	default void close() {
	}

}

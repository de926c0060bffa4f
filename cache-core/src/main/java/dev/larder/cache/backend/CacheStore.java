package dev.larder.cache.backend;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The storage behind one cache: a thin adapter over a backend's own operations.
 *
 * <p>
 * A store sees keys and values already prepared by {@code LarderCache} (rendered keys for
 * remote stores, serialized bytes where the backend needs them, a marker object for
 * cached nulls) and a ttl already decided. It does not handle nulls, ttl policy, key
 * rendering, statistics or errors: those live once in the cache. A store may throw any
 * runtime exception for a backend failure; the cache turns it into a miss or an error as
 * configured.
 */
public interface CacheStore {

	/** The stored value, or {@code null} when there is none. */
	@Nullable Object get(Object key);

	/** Stores a value; {@code ttl} of {@link Duration#ZERO} means no expiry. */
	void put(Object key, Object value, Duration ttl);

	/**
	 * Stores a value only if the key is absent, atomically.
	 * @return {@code null} if the value was stored, else the value already present
	 */
	@Nullable Object putIfAbsent(Object key, Object value, Duration ttl);

	/** Removes a key; returns whether it was present, as far as the backend can tell. */
	boolean delete(Object key);

	/** Removes every entry of this cache, and only of this cache. */
	void clear();

	/** The number of entries, or -1 where the backend cannot count them cheaply. */
	default long estimatedSize() {
		return -1;
	}

	/** Asynchronous {@link #get}; stores whose client is asynchronous override it. */
	default CompletableFuture<@Nullable Object> getAsync(Object key) {
		return CompletableFuture.completedFuture(get(key));
	}

	/**
	 * Asynchronous {@link #put}. Stores with an asynchronous client override it: the
	 * default blocks, which must never happen on a client's I/O thread.
	 */
	default CompletableFuture<Void> putAsync(Object key, Object value, Duration ttl) {
		put(key, value, ttl);
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * The remaining time to live of a key in milliseconds as Redis's {@code PTTL} answers
	 * it ({@code -1} without expiry, {@code -2} when absent), or {@link Long#MIN_VALUE}
	 * when the store cannot tell (the default). A near cache reads it when it fills, so
	 * that its entry never outlives the backend's.
	 */
	default long remainingTtlMillis(Object key) {
		return Long.MIN_VALUE;
	}

	/**
	 * Asynchronous {@link #remainingTtlMillis}; stores with an asynchronous client
	 * override it.
	 */
	default CompletableFuture<Long> remainingTtlMillisAsync(Object key) {
		return CompletableFuture.completedFuture(remainingTtlMillis(key));
	}

	/**
	 * The backend's own object for this cache, returned by
	 * {@code Cache.getNativeCache()}.
	 */
	Object nativeStore();

}

package dev.larder.cache.backend;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A store whose client computes a missing entry atomically itself (Caffeine's
 * {@code Cache.get(key, mappingFunction)}). {@code LarderCache.get(key, Callable)} hands
 * such a store its load on a miss instead of running its own single-flight followed by a
 * put: the client's lock per key already makes concurrent callers wait for one load, and
 * the loaded value is stored in the same step, so no other writer of the key, through
 * Larder or through the native cache, lands between the load and the store.
 */
public interface ComputingStore extends CacheStore {

	/**
	 * The value stored under the key, or, when there is none, the one the loader returns,
	 * stored with the given ttl, atomically: concurrent callers for the key wait for one
	 * call of the loader and answer its value. A loader answering {@code null} stores
	 * nothing and {@code null} is returned; an exception it throws propagates to its
	 * caller and nothing is stored (a waiting caller then runs its own load).
	 * @param key the store key
	 * @param loader called with the store key, at most once per call, while the key is
	 * locked: it must not write this store
	 * @param ttl the ttl of a loaded entry; {@link Duration#ZERO} means no expiry
	 * @return the stored or loaded value, or {@code null}
	 */
	@Nullable Object computeIfAbsent(Object key, Function<Object, @Nullable Object> loader, Duration ttl);

}

package dev.larder.cache.caffeine;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.ComputingStore;
import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache whose expiry, if any, is the same for every entry and set on the cache
 * itself, so the per-call ttl is already accounted for. A load on a miss runs inside
 * Caffeine's own atomic compute.
 */
class CaffeineStore implements ComputingStore {

	final Cache<Object, Object> cache;

	CaffeineStore(Cache<Object, Object> cache) {
		this.cache = cache;
	}

	@Override
	public @Nullable Object get(Object key) {
		return this.cache.getIfPresent(key);
	}

	@Override
	public void put(Object key, Object value, Duration ttl) {
		this.cache.put(key, value);
	}

	@Override
	public @Nullable Object putIfAbsent(Object key, Object value, Duration ttl) {
		return this.cache.asMap().putIfAbsent(key, value);
	}

	@Override
	public @Nullable Object computeIfAbsent(Object key, Function<Object, @Nullable Object> loader, Duration ttl) {
		return this.cache.get(key, loader);
	}

	@Override
	public boolean delete(Object key) {
		return this.cache.asMap().remove(key) != null;
	}

	@Override
	public void clear() {
		this.cache.invalidateAll();
	}

	@Override
	public long estimatedSize() {
		return this.cache.estimatedSize();
	}

	@Override
	public Object nativeStore() {
		return this.cache;
	}

}

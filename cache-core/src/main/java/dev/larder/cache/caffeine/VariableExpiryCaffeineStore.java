package dev.larder.cache.caffeine;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy.VarExpiration;
import dev.larder.cache.backend.CacheStore;
import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache with per-entry expiry, for caches whose ttl is jittered: each write
 * carries the ttl the cache decided for that entry.
 */
final class VariableExpiryCaffeineStore extends CaffeineStore implements CacheStore {

	private final VarExpiration<Object, Object> expiry;

	VariableExpiryCaffeineStore(Cache<Object, Object> cache) {
		super(cache);
		this.expiry = cache.policy()
			.expireVariably()
			.orElseThrow(() -> new IllegalStateException("Caffeine cache was built without variable expiry"));
	}

	@Override
	public void put(Object key, Object value, Duration ttl) {
		this.expiry.put(key, value, ttl);
	}

	@Override
	public @Nullable Object putIfAbsent(Object key, Object value, Duration ttl) {
		return this.expiry.putIfAbsent(key, value, ttl);
	}

}

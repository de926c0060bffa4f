package dev.larder.cache.caffeine;

import java.time.Duration;
import java.util.function.Function;

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

	/**
	 * Caffeine's compute with a duration, so a loaded entry gets the jittered ttl decided
	 * for it rather than the cache's plain one ({@code Cache.get(key, function)} would
	 * give it the expiry's create time). A value present when the key's lock is taken (a
	 * write that raced the caller's miss) is kept and the loader not called; its ttl may
	 * restart with this one, which is as long.
	 */
	@Override
	public @Nullable Object computeIfAbsent(Object key, Function<Object, @Nullable Object> loader, Duration ttl) {
		return this.expiry.compute(key, (k, present) -> (present != null) ? present : loader.apply(k), ttl);
	}

}

package dev.larder.autoconfigure.caffeine;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Callback to adjust the {@link Caffeine} builder of each cache of the Caffeine backend
 * ({@code larder.backend=caffeine}), given the cache's name, for what
 * {@code larder.caffeine.*} and {@code larder.caches.*} do not cover: a scheduler for
 * prompt expiry, an executor, a weigher, a ticker in tests. Beans of this type are
 * applied in order, when each cache is created, after Larder has set the spec, the size
 * bound, the expiry and its eviction listener; Caffeine refuses a second expiry, size
 * bound or eviction listener, so set those through Larder's properties.
 */
@FunctionalInterface
public interface LarderCaffeineCustomizer {

	void customize(String cacheName, Caffeine<Object, Object> builder);

}

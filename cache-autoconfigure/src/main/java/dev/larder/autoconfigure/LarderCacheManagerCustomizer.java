package dev.larder.autoconfigure;

import dev.larder.cache.LarderCacheManager;

/**
 * Callback to adjust the auto-configured {@link LarderCacheManager} before it is built,
 * e.g. to add a cache with settings computed in code. Beans of this type are applied in
 * order.
 */
@FunctionalInterface
public interface LarderCacheManagerCustomizer {

	void customize(LarderCacheManager.Builder builder);

}

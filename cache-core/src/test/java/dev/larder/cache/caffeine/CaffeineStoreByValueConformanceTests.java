package dev.larder.cache.caffeine;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.CacheConformanceTests;

/**
 * The cache contract on Caffeine with values serialized, as a remote backend keeps them.
 */
class CaffeineStoreByValueConformanceTests extends CacheConformanceTests {

	@Override
	protected CacheBackend createBackend() {
		return new CaffeineBackend(null, true);
	}

}

package dev.larder.cache.caffeine;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.CacheConformanceTests;

/** The cache contract on Caffeine, values kept by reference. */
class CaffeineConformanceTests extends CacheConformanceTests {

	@Override
	protected CacheBackend createBackend() {
		return new CaffeineBackend();
	}

}

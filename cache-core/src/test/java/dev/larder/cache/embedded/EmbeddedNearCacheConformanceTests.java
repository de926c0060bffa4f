package dev.larder.cache.embedded;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cache contract on the embedded engine with a near cache in front. */
class EmbeddedNearCacheConformanceTests extends SharedBackendConformanceTests {

	private static Engine engine;

	@BeforeAll
	static void startEngine() {
		engine = Engine.start(EngineConfig.defaults());
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	@Override
	protected CacheBackend createBackend() {
		return new EmbeddedBackend(engine, false);
	}

	@Override
	protected LarderCacheManager.Builder customize(LarderCacheManager.Builder builder) {
		return builder.nearCache(NearCacheSettings.enabledWithDefaults());
	}

}

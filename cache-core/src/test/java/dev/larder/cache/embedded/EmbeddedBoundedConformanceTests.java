package dev.larder.cache.embedded;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cache contract on the embedded engine with every cache given a max-size, so that
 * each call goes through the key index: the bound must change nothing else.
 */
class EmbeddedBoundedConformanceTests extends SharedBackendConformanceTests {

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
	protected LarderCacheManager manager(CacheSettings defaults) {
		return super.manager(defaults.bounded() ? defaults : defaults.withMaxSize(10_000));
	}

}

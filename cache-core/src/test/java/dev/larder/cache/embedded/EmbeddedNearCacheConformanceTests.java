package dev.larder.cache.embedded;

import java.util.List;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.SharedBackendConformanceTests;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
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
	protected LarderCacheManager manager(CacheSettings defaults) {
		LarderCacheManager manager = LarderCacheManager.builder(createBackend())
			.defaultSettings(defaults)
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(new JsonValueSerializer(TypeAllowList.of(List.of("dev.larder.cache.testtypes"))))
			.keyPrefix("conformance:")
			.clock(this.clock)
			.build();
		closeAfterTest(manager);
		return manager;
	}

}

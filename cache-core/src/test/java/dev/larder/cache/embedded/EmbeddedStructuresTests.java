package dev.larder.cache.embedded;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.conformance.LockConformanceTests;
import dev.larder.cache.structure.conformance.LockWatchdogTests;
import dev.larder.cache.structure.conformance.RateLimiterConformanceTests;
import dev.larder.cache.structure.conformance.SortedSetConformanceTests;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The structures contract on the embedded engine, in-process: each instance is a backend
 * of its own over one shared engine, as two applications would share one engine through
 * its port.
 */
class EmbeddedStructuresTests {

	private static Engine engine;

	@BeforeAll
	static void startEngine() {
		engine = Engine.start(EngineConfig.defaults());
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
	}

	private static CacheBackend backend(StructureSettings settings) {
		return new EmbeddedBackend(engine, false, settings);
	}

	@Nested
	class SortedSets extends SortedSetConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

	@Nested
	class Locks extends LockConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

	@Nested
	class RateLimiters extends RateLimiterConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

	@Nested
	class Watchdog extends LockWatchdogTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings);
		}

	}

}

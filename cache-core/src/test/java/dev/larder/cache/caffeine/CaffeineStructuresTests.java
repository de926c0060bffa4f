package dev.larder.cache.caffeine;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.conformance.LockConformanceTests;
import dev.larder.cache.structure.conformance.LockWatchdogTests;
import dev.larder.cache.structure.conformance.RateLimiterConformanceTests;
import dev.larder.cache.structure.conformance.SortedSetConformanceTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The structures contract on the Caffeine backend's local engine. Its structures are
 * local to each backend (single-instance by design), so the multi-instance tests contend
 * through one instance from many threads.
 */
class CaffeineStructuresTests {

	@Test
	void eachBackendHasStructuresOfItsOwn() {
		try (CaffeineBackend one = new CaffeineBackend(); CaffeineBackend two = new CaffeineBackend()) {
			one.structures().sortedSets().set("board").add("ana", 1);
			assertThat(one.structures().sortedSets().set("board").size()).isEqualTo(1);
			assertThat(two.structures().sortedSets().set("board").size()).isZero();
		}
	}

	@Test
	void aClosedBackendHasNoStructures() {
		CaffeineBackend backend = new CaffeineBackend();
		backend.structures().sortedSets().set("board").add("ana", 1);
		backend.close();
		assertThatIllegalStateException().isThrownBy(backend::structures).withMessageContaining("closed");
	}

	@Nested
	class SortedSets extends SortedSetConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return new CaffeineBackend(null, false, settings);
		}

		@Override
		protected boolean instancesShareStore() {
			return false;
		}

	}

	@Nested
	class Locks extends LockConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return new CaffeineBackend(null, false, settings);
		}

		@Override
		protected boolean instancesShareStore() {
			return false;
		}

	}

	@Nested
	class RateLimiters extends RateLimiterConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return new CaffeineBackend(null, false, settings);
		}

		@Override
		protected boolean instancesShareStore() {
			return false;
		}

	}

	@Nested
	class Watchdog extends LockWatchdogTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return new CaffeineBackend(null, false, settings);
		}

		@Override
		protected boolean instancesShareStore() {
			return false;
		}

	}

}

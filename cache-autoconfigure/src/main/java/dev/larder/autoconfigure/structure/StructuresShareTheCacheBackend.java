package dev.larder.autoconfigure.structure;

import dev.larder.autoconfigure.ConditionalOnSeparateStructuresBackend;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Matches when the cache's backend carries the structures:
 * {@code larder.structures.backend} is unset or names the cache's backend. Then the
 * structures need the cache's backend even where caching did not create it (no
 * {@code @EnableCaching}); otherwise they do not.
 */
class StructuresShareTheCacheBackend extends NoneNestedConditions {

	StructuresShareTheCacheBackend() {
		super(ConfigurationPhase.PARSE_CONFIGURATION);
	}

	@ConditionalOnSeparateStructuresBackend
	static class StructuresHaveABackendOfTheirOwn {

	}

}

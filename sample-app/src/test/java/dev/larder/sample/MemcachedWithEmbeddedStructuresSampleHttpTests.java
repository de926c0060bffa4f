package dev.larder.sample;

import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cache on a real memcached, the structures in an embedded engine of their own
 * ({@code larder.structures.backend=embedded}): every endpoint works.
 */
@DirtiesContext
class MemcachedWithEmbeddedStructuresSampleHttpTests extends AllStructuresSampleHttpTests {

	private static MemcachedProcess memcached;

	@BeforeAll
	static void startMemcached() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stopMemcached() {
		memcached.stop();
	}

	@DynamicPropertySource
	static void onMemcached(DynamicPropertyRegistry registry) {
		registry.add("larder.backend", () -> "memcached");
		registry.add("larder.memcached.servers", () -> memcached.address());
		registry.add("larder.structures.backend", () -> "embedded");
	}

}

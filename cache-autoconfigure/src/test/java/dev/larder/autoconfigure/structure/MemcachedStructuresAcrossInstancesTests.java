package dev.larder.autoconfigure.structure;

import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two instances on one real memcached. */
class MemcachedStructuresAcrossInstancesTests extends StructuresAcrossInstancesTests {

	private static MemcachedProcess memcached;

	@BeforeAll
	static void start() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stop() {
		memcached.stop();
	}

	@Override
	protected String[] backendProperties() {
		return new String[] { "larder.backend=memcached", "larder.memcached.servers=" + memcached.address() };
	}

}

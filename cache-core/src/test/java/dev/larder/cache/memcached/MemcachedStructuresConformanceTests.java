package dev.larder.cache.memcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.conformance.LockConformanceTests;
import dev.larder.cache.structure.conformance.LockWatchdogTests;
import dev.larder.cache.structure.conformance.RateLimiterConformanceTests;
import dev.larder.cache.testing.MemcachedProcess;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.command.BinaryCommandFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The lock and rate limiter contracts on a real memcached; each instance is its own
 * client, the locks through the text protocol and the limiters through the binary one.
 * Sorted sets are refused on Memcached (see {@link MemcachedStructuresTests}).
 */
class MemcachedStructuresConformanceTests {

	private static MemcachedProcess memcached;

	@BeforeAll
	static void startMemcached() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stopMemcached() {
		memcached.stop();
	}

	private static CacheBackend backend(StructureSettings settings, boolean binary) {
		List<InetSocketAddress> servers = List.of(new InetSocketAddress("127.0.0.1", memcached.port()));
		XMemcachedClientBuilder builder = new XMemcachedClientBuilder(servers);
		if (binary) {
			builder.setCommandFactory(new BinaryCommandFactory());
		}
		builder.setOpTimeout(5000);
		try {
			return new MemcachedBackend(builder.build(), servers, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE, settings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Nested
	class Locks extends LockConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings, false);
		}

	}

	@Nested
	class RateLimiters extends RateLimiterConformanceTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings, true);
		}

	}

	@Nested
	class Watchdog extends LockWatchdogTests {

		@Override
		protected CacheBackend createBackend(StructureSettings settings) {
			return backend(settings, false);
		}

		/**
		 * Stored as whole seconds plus one, rounded up, on a server clock that ticks once
		 * a second.
		 */
		@Override
		protected Duration longestHold(Duration lease) {
			return lease.plusSeconds(3);
		}

	}

}

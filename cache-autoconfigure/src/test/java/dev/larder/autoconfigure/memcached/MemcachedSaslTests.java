package dev.larder.autoconfigure.memcached;

import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * larder.memcached.username/password against a real memcached that requires SASL (-S) and
 * refuses every command before authentication: the right credentials cache, wrong ones
 * leave the application answering from its loader (fail-open). The servers are given as
 * an IP literal, the case where XMemcached used to lose the credentials (see
 * MemcachedServers#resolved).
 */
class MemcachedSaslTests {

	private static MemcachedProcess memcached;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withPropertyValues("larder.backend=memcached", "larder.memcached.protocol=binary",
				"larder.memcached.op-timeout=500ms");

	@BeforeAll
	static void start() {
		memcached = MemcachedProcess.startWithSasl("larder", "s3cret");
	}

	@AfterAll
	static void stop() {
		memcached.stop();
	}

	@Test
	void authenticatedClientCaches() {
		this.runner
			.withPropertyValues("larder.memcached.servers=" + memcached.address(), "larder.memcached.username=larder",
					"larder.memcached.password=s3cret")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
				AtomicInteger loads = new AtomicInteger();
				assertThat(cache.get("p1", () -> "loaded-" + loads.incrementAndGet())).isEqualTo("loaded-1");
				assertThat(cache.get("p1", () -> "loaded-" + loads.incrementAndGet())).isEqualTo("loaded-1");
				assertThat(loads).hasValue(1);
			});
	}

	@Test
	void wrongPasswordCachesNothingButNeverFailsTheCaller() {
		this.runner
			.withPropertyValues("larder.memcached.servers=" + memcached.address(), "larder.memcached.username=larder",
					"larder.memcached.password=wrong")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("products");
				AtomicInteger loads = new AtomicInteger();
				assertThat(cache.get("p1", () -> "loaded-" + loads.incrementAndGet())).isEqualTo("loaded-1");
				assertThat(cache.get("p1", () -> "loaded-" + loads.incrementAndGet())).isEqualTo("loaded-2");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

package dev.larder.autoconfigure.embedded;

import java.net.ServerSocket;
import java.util.List;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.health.LarderHealthContributorAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.testing.RedisProcess;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import dev.larder.engine.eviction.EvictionPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The default backend: the embedded engine, in-process, with an optional RESP port. */
class EmbeddedBackendAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class,
				LarderHealthContributorAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class);

	@Test
	void cachesInProcessWithoutASocketByDefault() {
		this.runner.run((context) -> {
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			LarderCache cache = manager.getCache("products");
			cache.put(1L, "tea");
			assertThat(cache.get(1L, String.class)).isEqualTo("tea");
			Engine engine = (Engine) manager.nativeClient();
			assertThat(engine.port()).isEqualTo(-1);
			assertThat(engine.execute("EXISTS", "products::1")).isEqualTo(new Reply.IntegerReply(1));
		});
	}

	@Test
	void withAPortRedisCliReadsTheCachedKeys() {
		int port = RedisProcess.freePort();
		this.runner.withPropertyValues("larder.embedded.port=" + port, "larder.key-prefix=app:").run((context) -> {
			context.getBean(LarderCacheManager.class).getCache("products").put(7L, "jam");
			assertThat(RedisProcess.cli("-p", String.valueOf(port), "KEYS", "*").trim()).isEqualTo("app:products::7");
			assertThat(RedisProcess.cli("-p", String.valueOf(port), "GET", "app:products::7")).contains("jam");
		});
		assertThat(RedisProcess.cli("-p", String.valueOf(port), "PING")).as("closed with the context")
			.doesNotContain("PONG");
	}

	@Test
	void aPasswordGuardsTheRespPort() {
		int port = RedisProcess.freePort();
		this.runner.withPropertyValues("larder.embedded.port=" + port, "larder.embedded.password=s3cret")
			.run((context) -> {
				assertThat(RedisProcess.cli("-p", String.valueOf(port), "GET", "x")).contains("NOAUTH");
				assertThat(RedisProcess.cli("-p", String.valueOf(port), "-a", "s3cret", "--no-auth-warning", "PING"))
					.contains("PONG");
			});
	}

	@Test
	void portZeroPicksAFreePort() {
		this.runner.withPropertyValues("larder.embedded.port=0")
			.run((context) -> assertThat(context.getBean(Engine.class).port()).isPositive());
	}

	@Test
	void aPortInUseFailsStartupWithTheFix() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			this.runner.withPropertyValues("larder.embedded.port=" + taken.getLocalPort())
				.run((context) -> assertThat(context).getFailure()
					.hasStackTraceContaining("larder.embedded.port")
					.hasStackTraceContaining(String.valueOf(taken.getLocalPort())));
		}
	}

	@Test
	void invalidValuesFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.embedded.port=70000")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("larder.embedded.port"));
		this.runner.withPropertyValues("larder.embedded.databases=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("larder.embedded.databases"));
		this.runner.withPropertyValues("larder.embedded.proto-max-bulk-len=1KB")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.proto-max-bulk-len"));
		this.runner.withPropertyValues("larder.embedded.script-time-limit=-1s")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.script-time-limit"));
	}

	@Test
	void scriptTimeLimitStopsARunawayScript() {
		this.runner.withPropertyValues("larder.embedded.script-time-limit=100ms").run((context) -> {
			Engine engine = context.getBean(Engine.class);
			assertThat(engine.config().scriptTimeLimitMillis()).isEqualTo(100);
			assertThat(engine.execute("EVAL", "while true do end", "0")).isInstanceOfSatisfying(Reply.ErrorReply.class,
					(error) -> assertThat(error.message()).contains("ran longer than the script time limit (100 ms)"));
		});
	}

	@Test
	void databasesAndBulkLimitReachTheEngine() {
		this.runner.withPropertyValues("larder.embedded.databases=4", "larder.embedded.proto-max-bulk-len=8MB")
			.run((context) -> {
				Engine engine = context.getBean(Engine.class);
				assertThat(engine.config().databases()).isEqualTo(4);
				assertThat(engine.config().protoMaxBulkLen()).isEqualTo(8L * 1024 * 1024);
			});
	}

	@Test
	void byDefaultTheEngineHoldsAQuarterOfTheHeapAndEvictsByTinyLfu() {
		this.runner.run((context) -> {
			Engine engine = context.getBean(Engine.class);
			assertThat(engine.config().maxmemory()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
			assertThat(engine.config().maxmemoryPolicy()).isEqualTo(EvictionPolicy.ALLKEYS_TINYLFU);
		});
	}

	@Test
	void maxMemoryTakesASize() {
		this.runner.withPropertyValues("larder.embedded.max-memory=256MB")
			.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemory())
				.isEqualTo(256L * 1024 * 1024));
		this.runner.withPropertyValues("larder.embedded.max-memory=1GB")
			.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemory())
				.isEqualTo(1024L * 1024 * 1024));
	}

	@Test
	void maxMemoryTakesAShareOfTheMaxHeap() {
		long maxHeap = Runtime.getRuntime().maxMemory();
		this.runner.withPropertyValues("larder.embedded.max-memory=10%")
			.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemory())
				.isEqualTo((long) (maxHeap * 0.10)));
		this.runner.withPropertyValues("larder.embedded.max-memory=12.5%")
			.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemory())
				.isEqualTo((long) (maxHeap * 0.125)));
	}

	@Test
	void maxMemoryZeroSetsNoBound() {
		this.runner.withPropertyValues("larder.embedded.max-memory=0")
			.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemory()).isZero());
	}

	@Test
	void everyPolicyReachesTheEngineByItsConfigName() {
		for (EvictionPolicy policy : EvictionPolicy.values()) {
			this.runner.withPropertyValues("larder.embedded.eviction-policy=" + policy.configName())
				.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemoryPolicy())
					.isEqualTo(policy));
		}
		this.runner.withPropertyValues("larder.embedded.eviction-policy=ALLKEYS-LRU")
			.run((context) -> assertThat(context.getBean(Engine.class).config().maxmemoryPolicy())
				.as("any case, as CONFIG SET takes it")
				.isEqualTo(EvictionPolicy.ALLKEYS_LRU));
	}

	@Test
	void aBadMaxMemoryFailsStartupShowingBothForms() {
		for (String bad : new String[] { "lots", "25 percent", "150%", "0%", "-5MB", "512KB", "25", "1.5GB" }) {
			this.runner.withPropertyValues("larder.embedded.max-memory=" + bad)
				.run((context) -> assertThat(context).as(bad)
					.getFailure()
					.hasStackTraceContaining("larder.embedded.max-memory must be a size such as 256MB")
					.hasStackTraceContaining("or a share of the JVM's max heap such as 25%")
					.hasStackTraceContaining("'" + bad + "'"));
		}
	}

	@Test
	void anUnknownEvictionPolicyFailsStartupListingThePolicies() {
		this.runner.withPropertyValues("larder.embedded.eviction-policy=lru")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.embedded.eviction-policy must be one of noeviction, allkeys-lru")
				.hasStackTraceContaining("allkeys-tinylfu")
				.hasStackTraceContaining("'lru'"));
	}

	/**
	 * The settings are the engine's live ones, as a RESP client sees them. Waits for
	 * CONFIG GET maxmemory, which answers the live settings once the engine's CONFIG work
	 * is merged.
	 */
	@Test
	void configGetShowsTheSettings() {
		this.runner.withPropertyValues("larder.embedded.max-memory=64MB", "larder.embedded.eviction-policy=allkeys-lfu")
			.run((context) -> {
				Engine engine = context.getBean(Engine.class);
				assertThat(engine.execute("CONFIG", "GET", "maxmemory")).isEqualTo(config("maxmemory", "67108864"));
				assertThat(engine.execute("CONFIG", "GET", "maxmemory-policy"))
					.isEqualTo(config("maxmemory-policy", "allkeys-lfu"));
			});
	}

	/** CONFIG GET's reply in process: a map, written flat over RESP2. */
	private static Reply config(String name, String value) {
		return new Reply.MapReply(List.of(Reply.bulk(name), Reply.bulk(value)));
	}

	@Test
	void healthIsUp() {
		this.runner.run((context) -> {
			var health = context.getBean("larderHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("backend", "embedded");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

}

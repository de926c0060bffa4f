package dev.larder.autoconfigure.memcached;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.health.LarderHealthContributorAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.testing.MemcachedProcess;
import dev.larder.cache.testing.RedisProcess;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.command.BinaryCommandFactory;
import net.rubyeye.xmemcached.command.TextCommandFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/** larder.backend=memcached wired from properties, against real memcached processes. */
class MemcachedBackendAutoConfigurationTests {

	private static List<MemcachedProcess> nodes;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class,
				LarderHealthContributorAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withPropertyValues("larder.backend=memcached");

	@BeforeAll
	static void start() {
		nodes = MemcachedProcess.pool(2);
	}

	@AfterAll
	static void stop() {
		nodes.forEach(MemcachedProcess::stop);
	}

	private static String servers() {
		return nodes.get(0).address() + "," + nodes.get(1).address() + ":3";
	}

	@Test
	void serversWithWeightsFormAPool() {
		this.runner.withPropertyValues("larder.memcached.servers=" + servers()).run((context) -> {
			LarderCacheManager manager = context.getBean(LarderCacheManager.class);
			assertThat(manager.getBackend()).isInstanceOf(MemcachedBackend.class);
			LarderCache cache = manager.getCache("products");
			for (int i = 0; i < 200; i++) {
				cache.put(i, "v" + i);
			}
			for (int i = 0; i < 200; i++) {
				assertThat(cache.get(i, String.class)).isEqualTo("v" + i);
			}
			assertThat(nodes).allSatisfy((node) -> assertThat(node.itemCount()).isPositive());
			MemcachedClient client = (MemcachedClient) manager.nativeClient();
			assertThat(client.getAvailableServers()).hasSize(2);
		});
	}

	@Test
	void protocolPoolSizeAndTimeoutReachTheClient() {
		this.runner
			.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address(), "larder.memcached.protocol=text",
					"larder.memcached.connection-pool-size=2", "larder.memcached.op-timeout=750ms",
					"larder.memcached.max-consecutive-timeouts=5")
			.run((context) -> {
				MemcachedClient client = (MemcachedClient) context.getBean(LarderCacheManager.class).nativeClient();
				assertThat(client.getProtocol()).isEqualTo(new TextCommandFactory().getProtocol());
				assertThat(client.getOpTimeout()).isEqualTo(750);
				assertThat(client.getTimeoutExceptionThreshold()).as("closes after more than 4 timeouts in a row")
					.isEqualTo(4);
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("text");
				cache.put("k", "v");
				assertThat(cache.get("k", String.class)).isEqualTo("v");
			});
		this.runner.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address())
			.run((context) -> assertThat(
					((MemcachedClient) context.getBean(LarderCacheManager.class).nativeClient()).getProtocol())
				.isEqualTo(new BinaryCommandFactory().getProtocol()));
	}

	@Test
	void clientCustomizersAdjustTheBuilderInOrder() {
		this.runner.withUserConfiguration(OrderedClientCustomizers.class)
			.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address(),
					"larder.memcached.op-timeout=750ms")
			.run((context) -> {
				assertThat(context.getBean(OrderedClientCustomizers.class).applied).containsExactly("first", "second");
				MemcachedClient client = (MemcachedClient) context.getBean(LarderCacheManager.class).nativeClient();
				assertThat(client.getOpTimeout()).as("the second customizer's, over larder.memcached.op-timeout")
					.isEqualTo(2222);
				assertThat(client.getName()).isEqualTo("customized");
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("customized");
				cache.put("k", "v");
				assertThat(cache.get("k", String.class)).isEqualTo("v");
			});
	}

	@Test
	void clientCustomizersAreNotUsedByAnotherBackend() {
		this.runner.withUserConfiguration(OrderedClientCustomizers.class)
			.withPropertyValues("larder.backend=caffeine")
			.run((context) -> {
				context.getBean(LarderCacheManager.class).getCache("local").put("k", "v");
				assertThat(context).doesNotHaveBean(MemcachedBackend.class);
				assertThat(context.getBean(OrderedClientCustomizers.class).applied).isEmpty();
			});
	}

	@Test
	void maxItemSizeDecidesWhatIsSkipped() {
		this.runner
			.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address(),
					"larder.memcached.max-item-size=2KB")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("limited");
				cache.put("big", "x".repeat(4000));
				assertThat(cache.get("big")).isNull();
				assertThat(cache.getStatistics().skippedWriteCount()).isEqualTo(1);
			});
	}

	@Test
	void healthShowsEachNode() {
		int down = RedisProcess.freePort();
		this.runner
			.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address() + ",127.0.0.1:" + down,
					"larder.memcached.connect-timeout=500ms")
			.run((context) -> {
				Health health = context.getBean("larderHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("nodesUp", "1/2");
				assertThat(health.getDetails().get("nodes").toString()).contains("127.0.0.1:" + down + "=DOWN");
			});
	}

	@Test
	void aLostServerRejoinsThePoolWithinTheReconnectInterval() {
		List<MemcachedProcess> pool = MemcachedProcess.pool(2);
		try {
			this.runner
				.withPropertyValues("larder.memcached.servers=" + pool.get(0).address() + "," + pool.get(1).address(),
						"larder.memcached.reconnect-interval=200ms")
				.run((context) -> {
					HealthIndicator health = context.getBean("larderHealthIndicator", HealthIndicator.class);
					pool.get(1).kill();
					RedisProcess.awaitUntil("the lost server leaves the pool",
							() -> "1/2".equals(health.health().getDetails().get("nodesUp")));
					pool.get(1).restart();
					long back = System.nanoTime();
					RedisProcess.awaitUntil("the server rejoins the pool",
							() -> "2/2".equals(health.health().getDetails().get("nodesUp")));
					// About one interval; generous for a loaded CI machine.
					assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
				});
		}
		finally {
			pool.forEach(MemcachedProcess::stop);
		}
	}

	@Test
	void startsWithEveryServerDownWhenFailingOpen() {
		this.runner
			.withPropertyValues("larder.memcached.servers=127.0.0.1:" + RedisProcess.freePort(),
					"larder.memcached.connect-timeout=500ms")
			.run((context) -> {
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("down");
				assertThat(cache.get("k", () -> "from source")).isEqualTo("from source");
				assertThat(context.getBean("larderHealthIndicator", HealthIndicator.class).health().getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Test
	void failsStartupWithEveryServerDownWhenNotFailingOpen() {
		this.runner
			.withPropertyValues("larder.memcached.servers=127.0.0.1:" + RedisProcess.freePort(),
					"larder.memcached.connect-timeout=500ms", "larder.fail-open=false")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.memcached.servers")
				.hasStackTraceContaining("larder.fail-open=false"));
	}

	@Test
	void malformedServersFailStartupNamingTheProperty() {
		for (String servers : List.of("localhost", "localhost:port", "host:11211:0", " ")) {
			this.runner.withPropertyValues("larder.memcached.servers=" + servers)
				.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("larder.memcached.servers"));
		}
	}

	@Test
	void saslNeedsBothCredentialsAndTheBinaryProtocol() {
		this.runner
			.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address(), "larder.memcached.username=app")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("larder.memcached.username and larder.memcached.password"));
		this.runner
			.withPropertyValues("larder.memcached.servers=" + nodes.get(0).address(), "larder.memcached.username=app",
					"larder.memcached.password=pw", "larder.memcached.protocol=text")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("larder.memcached.protocol"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

	/** Declared second-first, so that only their order puts them right. */
	@Configuration(proxyBeanMethods = false)
	static class OrderedClientCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		LarderMemcachedClientCustomizer second() {
			return (builder) -> {
				this.applied.add("second");
				builder.setOpTimeout(2222);
			};
		}

		@Bean
		@Order(1)
		LarderMemcachedClientCustomizer first() {
			return (builder) -> {
				this.applied.add("first");
				builder.setOpTimeout(1111);
				builder.setName("customized");
			};
		}

	}

}

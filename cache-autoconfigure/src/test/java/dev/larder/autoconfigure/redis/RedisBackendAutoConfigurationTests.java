package dev.larder.autoconfigure.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.health.LarderHealthContributorAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.redis.RedisBackend;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/** larder.backend=redis wired from properties, against real redis-server processes. */
class RedisBackendAutoConfigurationTests {

	private static RedisProcess redis;

	private static RedisProcess secured;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class,
				LarderHealthContributorAutoConfiguration.class))
		.withUserConfiguration(CachingConfiguration.class)
		.withPropertyValues("larder.backend=redis");

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
		secured = RedisProcess.start("--requirepass", "s3cret");
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
		secured.stop();
	}

	@Test
	void urlSelectsTheServer() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.key-prefix=url:").run((context) -> {
			assertThat(context.getBean(LarderCacheManager.class).getBackend()).isInstanceOf(RedisBackend.class);
			roundTrip(context, "products");
			assertThat(redis.command("EXISTS url:products::k")).isEqualTo(":1");
		});
	}

	@Test
	void hostPortPasswordAndDatabaseSelectTheServer() {
		this.runner
			.withPropertyValues("larder.redis.host=127.0.0.1", "larder.redis.port=" + secured.port(),
					"larder.redis.password=s3cret", "larder.redis.database=3", "larder.redis.client-name=larder-test",
					"larder.key-prefix=hp:")
			.run((context) -> {
				roundTrip(context, "products");
				String cli = RedisProcess.cli("-p", String.valueOf(secured.port()), "-a", "s3cret", "--no-auth-warning",
						"-n", "3", "EXISTS", "hp:products::k");
				assertThat(cli.trim()).isEqualTo("1");
				assertThat(RedisProcess.cli("-p", String.valueOf(secured.port()), "-a", "s3cret", "--no-auth-warning",
						"CLIENT", "LIST"))
					.contains("name=larder-test");
			});
	}

	@Test
	void springDataRedisPropertiesAreUsedWhenLarderHasNone() {
		this.runner
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + secured.port(),
					"spring.data.redis.password=s3cret", "larder.key-prefix=spring:")
			.run((context) -> {
				roundTrip(context, "c");
				assertThat(RedisProcess
					.cli("-p", String.valueOf(secured.port()), "-a", "s3cret", "--no-auth-warning", "EXISTS",
							"spring:c::k")
					.trim()).isEqualTo("1");
			});
	}

	@Test
	void larderRedisPropertiesOverrideSpringDataRedis() {
		this.runner
			.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:1", "larder.redis.url=" + redis.uri(),
					"larder.key-prefix=override:")
			.run((context) -> {
				roundTrip(context, "c");
				assertThat(redis.command("EXISTS override:c::k")).isEqualTo(":1");
			});
	}

	@Test
	void thePropertiesBeanLayersLarderRedisOverSpringDataRedisPropertyByProperty() {
		this.runner
			.withPropertyValues("spring.data.redis.host=spring-host", "spring.data.redis.port=7001",
					"spring.data.redis.timeout=5s", "spring.data.redis.lettuce.read-from=replicaPreferred",
					"spring.data.redis.lettuce.cluster.refresh.adaptive=false", "larder.redis.port=7002",
					"larder.redis.client-name=larder")
			.run((context) -> {
				RedisBackendProperties properties = context.getBean(RedisBackendProperties.class);
				assertThat(properties.getHost()).isEqualTo("spring-host");
				assertThat(properties.getPort()).isEqualTo(7002);
				assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getReadFrom()).isEqualTo("replicaPreferred");
				assertThat(properties.getCluster().getRefresh().isAdaptive()).isFalse();
				assertThat(properties.getClientName()).isEqualTo("larder");
				assertThat(properties.getConnectTimeout()).as("Larder's default").isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getDatabase()).isZero();
			});
	}

	@Test
	void aValueThatDoesNotConvertFailsStartupNamingThePropertyOfEitherLayer() {
		this.runner.withPropertyValues("larder.redis.port=six")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("larder.redis.port"));
		this.runner.withPropertyValues("spring.data.redis.timeout=soon")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("spring.data.redis.timeout"));
	}

	@Test
	void lettuceCustomizersAdjustTheClientOptionsInOrder() {
		this.runner.withUserConfiguration(OrderedLettuceCustomizers.class)
			.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.client-name=customized")
			.run((context) -> {
				roundTrip(context, "custom");
				assertThat(context.getBean(OrderedLettuceCustomizers.class).applied).containsExactly("first", "second");
				String client = RedisProcess.cli("-p", String.valueOf(redis.port()), "CLIENT", "LIST")
					.lines()
					.filter((line) -> line.contains("name=customized"))
					.findFirst()
					.orElseThrow();
				assertThat(client).as("the second customizer's protocol").contains("resp=2");
				var connection = (StatefulRedisConnection<?, ?>) context.getBean(LarderCacheManager.class)
					.nativeClient();
				assertThat(connection.getOptions().getDisconnectedBehavior()).as("Larder's own options are kept")
					.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
			});
	}

	@Test
	void lettuceCustomizersAreNotUsedByAnotherBackend() {
		this.runner.withUserConfiguration(OrderedLettuceCustomizers.class)
			.withPropertyValues("larder.backend=caffeine")
			.run((context) -> {
				context.getBean(LarderCacheManager.class).getCache("local").put("k", "v");
				assertThat(context).doesNotHaveBean(RedisBackend.class).doesNotHaveBean(RedisBackendProperties.class);
				assertThat(context.getBean(OrderedLettuceCustomizers.class).applied).isEmpty();
			});
	}

	@Test
	void healthShowsTheBackendTopologyAndLatency() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri()).run((context) -> {
			Health health = context.getBean("larderHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("backend", "redis")
				.containsEntry("topology", "standalone")
				.containsKey("pingLatencyMillis");
		});
	}

	@Test
	void aHungRedisIsReportedDownWithinTheFailFastBudgetAndUpAsSoonAsItAnswers() {
		try (RedisProcess hung = RedisProcess.start()) {
			this.runner.withPropertyValues("larder.redis.url=" + hung.uri(), "larder.redis.fail-fast-timeout=300ms")
				.run((context) -> {
					HealthIndicator indicator = context.getBean("larderHealthIndicator", HealthIndicator.class);
					assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
					hung.pause();
					try {
						long start = System.nanoTime();
						Health health = indicator.health();
						long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
						assertThat(health.getStatus()).isEqualTo(Status.DOWN);
						assertThat(String.valueOf(health.getDetails().get("error")))
							.contains("did not answer within 300 ms");
						// Generous for a loaded CI machine; the command timeout is 2 s.
						assertThat(millis).isLessThan(1000);
					}
					finally {
						hung.resume();
					}
					assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				});
		}
	}

	@Test
	void nonPositiveOutageSettingsFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.fail-fast-timeout=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRedisConfigurationException.class)
				.hasMessageContaining("larder.redis.fail-fast-timeout"));
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.max-reconnect-delay=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRedisConfigurationException.class)
				.hasMessageContaining("larder.redis.max-reconnect-delay"));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "management.health.larder.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("larderHealthIndicator"));
	}

	@Test
	void nativeClientIsTheLettuceConnection() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri()).run((context) -> {
			Object client = context.getBean(LarderCacheManager.class).nativeClient();
			assertThat(client).isInstanceOf(StatefulRedisConnection.class);
			assertThat(((StatefulRedisConnection<?, ?>) client).sync().ping()).isEqualTo("PONG");
		});
	}

	@Test
	void startsWithRedisDownWhenFailingOpen() {
		this.runner
			.withPropertyValues("larder.redis.url=redis://127.0.0.1:" + RedisProcess.freePort(),
					"larder.redis.timeout=500ms", "larder.redis.connect-timeout=500ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LarderCache cache = context.getBean(LarderCacheManager.class).getCache("down");
				assertThat(cache.get("k", () -> "from source")).isEqualTo("from source");
				Health health = context.getBean("larderHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void failsStartupWithRedisDownWhenNotFailingOpen() {
		int port = RedisProcess.freePort();
		this.runner
			.withPropertyValues("larder.redis.url=redis://127.0.0.1:" + port, "larder.fail-open=false",
					"larder.redis.connect-timeout=500ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("Could not connect to Redis")
					.hasStackTraceContaining("127.0.0.1:" + port)
					.hasStackTraceContaining("larder.fail-open=false");
			});
	}

	@Test
	void malformedUrlFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("larder.redis.url=http://user:pw@example.com").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRedisConfigurationException.class)
				.hasMessageContaining("larder.redis.url")
				.hasMessageContaining("redis://")
				.hasMessageNotContaining("pw");
		});
	}

	@Test
	void malformedSpringDataRedisUrlIsNamedAsSuch() {
		this.runner.withPropertyValues("spring.data.redis.url=localhost:6379")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.data.redis.url"));
	}

	@Test
	void sentinelAndClusterTogetherFailStartup() {
		this.runner
			.withPropertyValues("larder.redis.sentinel.master=mymaster", "larder.redis.sentinel.nodes=127.0.0.1:26379",
					"larder.redis.cluster.nodes=127.0.0.1:7000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("larder.redis.sentinel.nodes")
				.hasMessageContaining("larder.redis.cluster.nodes")
				.hasMessageContaining("Keep one"));
	}

	@Test
	void sentinelNodesWithoutAMasterFailStartup() {
		this.runner.withPropertyValues("larder.redis.sentinel.nodes=127.0.0.1:26379")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("larder.redis.sentinel.master"));
	}

	@Test
	void nodesMustBeHostAndPort() {
		this.runner.withPropertyValues("larder.redis.cluster.nodes=127.0.0.1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("larder.redis.cluster.nodes")
				.hasMessageContaining("host:port"));
	}

	@Test
	void unknownReadFromFailsStartup() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.read-from=somewhere")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("larder.redis.read-from")
				.hasMessageContaining("replicaPreferred"));
	}

	@Test
	void readFromReplicasUsesAMasterReplicaConnection() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.read-from=upstreamPreferred")
			.run((context) -> roundTrip(context, "rf"));
	}

	@Test
	void missingSslBundleFailsStartup() {
		this.runner.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.ssl.bundle=nope")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("larder.redis.ssl.bundle"));
	}

	static void roundTrip(AssertableApplicationContext context, String cacheName) {
		assertThat(context).hasNotFailed();
		LarderCache cache = context.getBean(LarderCacheManager.class).getCache(cacheName);
		cache.put("k", "value of " + cacheName);
		assertThat(cache.get("k", String.class)).isEqualTo("value of " + cacheName);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

	}

	/** Declared second-first, so that only their order puts them right. */
	@Configuration(proxyBeanMethods = false)
	static class OrderedLettuceCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		LarderLettuceCustomizer second() {
			return (options) -> {
				this.applied.add("second");
				options.protocolVersion(ProtocolVersion.RESP2);
			};
		}

		@Bean
		@Order(1)
		LarderLettuceCustomizer first() {
			return (options) -> {
				this.applied.add("first");
				options.protocolVersion(ProtocolVersion.RESP3);
			};
		}

	}

}

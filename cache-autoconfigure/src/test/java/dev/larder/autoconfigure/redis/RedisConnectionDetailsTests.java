package dev.larder.autoconfigure.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.health.LarderHealthContributorAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.testing.RedisCluster;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * larder.backend=redis with a Spring Boot {@link DataRedisConnectionDetails} bean, the
 * contract of {@code @ServiceConnection} and Docker Compose support: the bean decides the
 * server, before larder.redis.* and spring.data.redis.*. Against real redis-server
 * processes; the properties point at a port nothing listens on, so a cache that used them
 * would miss.
 */
class RedisConnectionDetailsTests {

	private static final String NOWHERE = "redis://127.0.0.1:1";

	private static RedisProcess redis;

	private static RedisProcess secured;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class,
				LarderHealthContributorAutoConfiguration.class))
		.withUserConfiguration(RedisBackendAutoConfigurationTests.CachingConfiguration.class)
		.withPropertyValues("larder.backend=redis", "larder.fail-open=false", "larder.redis.url=" + NOWHERE,
				"spring.data.redis.url=" + NOWHERE);

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
	void aStandaloneBeanWinsOverLarderAndSpringDataRedisProperties() {
		this.runner.withBean(DataRedisConnectionDetails.class, () -> standalone("127.0.0.1", redis.port(), 0))
			.withPropertyValues("larder.key-prefix=details:")
			.run((context) -> {
				RedisBackendAutoConfigurationTests.roundTrip(context, "products");
				assertThat(redis.command("EXISTS details:products::k")).isEqualTo(":1");
				assertThat(context.getBean("larderHealthIndicator", HealthIndicator.class).health().getDetails())
					.containsEntry("topology", "standalone");
			});
	}

	@Test
	void theBeansCredentialsAndDatabaseAreUsed() {
		DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

			@Override
			public String getPassword() {
				return "s3cret";
			}

			@Override
			public Standalone getStandalone() {
				return Standalone.of("127.0.0.1", secured.port(), 4);
			}

		};
		this.runner.withBean(DataRedisConnectionDetails.class, () -> details)
			.withPropertyValues("larder.redis.password=wrong", "larder.redis.database=1", "larder.key-prefix=auth:")
			.run((context) -> {
				RedisBackendAutoConfigurationTests.roundTrip(context, "c");
				assertThat(RedisProcess
					.cli("-p", String.valueOf(secured.port()), "-a", "s3cret", "--no-auth-warning", "-n", "4", "EXISTS",
							"auth:c::k")
					.trim()).isEqualTo("1");
			});
	}

	@Test
	void settingsThatAreNotAboutWhereToConnectStillComeFromTheProperties() {
		this.runner.withBean(DataRedisConnectionDetails.class, () -> standalone("127.0.0.1", redis.port(), 0))
			.withPropertyValues("larder.redis.client-name=from-properties")
			.run((context) -> {
				RedisBackendAutoConfigurationTests.roundTrip(context, "named");
				assertThat(RedisProcess.cli("-p", String.valueOf(redis.port()), "CLIENT", "LIST"))
					.contains("name=from-properties");
			});
	}

	@Test
	void bootsOwnDetailsFromSpringDataRedisPropertiesDoNotOverrideLarderRedisProperties() {
		// DataRedisAutoConfiguration registers PropertiesDataRedisConnectionDetails built
		// from spring.data.redis.*; Larder already layers larder.redis.* over those.
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, LarderCacheAutoConfiguration.class))
			.withUserConfiguration(RedisBackendAutoConfigurationTests.CachingConfiguration.class)
			.withPropertyValues("larder.backend=redis", "larder.fail-open=false", "spring.data.redis.url=" + NOWHERE,
					"larder.redis.url=" + redis.uri(), "larder.key-prefix=layers:")
			.run((context) -> {
				assertThat(context.getBeansOfType(DataRedisConnectionDetails.class)).hasSize(1);
				assertThat(context.getBean(DataRedisConnectionDetails.class).getClass().getName())
					.isEqualTo(ConnectionDetailsEndpoints.PROPERTIES_DETAILS);
				RedisBackendAutoConfigurationTests.roundTrip(context, "c");
				assertThat(redis.command("EXISTS layers:c::k")).isEqualTo(":1");
			});
	}

	@Test
	void anApplicationBeanAlsoReplacesBootsOwnDetails() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, LarderCacheAutoConfiguration.class))
			.withUserConfiguration(RedisBackendAutoConfigurationTests.CachingConfiguration.class)
			.withBean(DataRedisConnectionDetails.class, () -> standalone("127.0.0.1", redis.port(), 0))
			.withPropertyValues("larder.backend=redis", "larder.fail-open=false", "spring.data.redis.url=" + NOWHERE,
					"larder.redis.url=" + NOWHERE, "larder.key-prefix=both:")
			.run((context) -> {
				RedisBackendAutoConfigurationTests.roundTrip(context, "c");
				assertThat(redis.command("EXISTS both:c::k")).isEqualTo(":1");
			});
	}

	@Test
	void aSentinelBeanSelectsTheMasterTheSentinelsName() {
		RedisProcess master = RedisProcess.start();
		RedisProcess sentinel = RedisProcess
			.sentinel(List.of("sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1"));
		try {
			DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

				@Override
				public Sentinel getSentinel() {
					return new Sentinel() {

						@Override
						public int getDatabase() {
							return 2;
						}

						@Override
						public String getMaster() {
							return "mymaster";
						}

						@Override
						public List<Node> getNodes() {
							return List.of(new Node("127.0.0.1", sentinel.port()));
						}

						@Override
						public @Nullable String getUsername() {
							return null;
						}

						@Override
						public @Nullable String getPassword() {
							return null;
						}

					};
				}

			};
			this.runner.withBean(DataRedisConnectionDetails.class, () -> details)
				.withPropertyValues("larder.key-prefix=sentinel:")
				.run((context) -> {
					RedisBackendAutoConfigurationTests.roundTrip(context, "ha");
					assertThat(
							RedisProcess.cli("-p", String.valueOf(master.port()), "-n", "2", "EXISTS", "sentinel:ha::k")
								.trim())
						.isEqualTo("1");
					assertThat(context.getBean("larderHealthIndicator", HealthIndicator.class).health().getDetails())
						.containsEntry("topology", "sentinel");
				});
		}
		finally {
			sentinel.stop();
			master.stop();
		}
	}

	@Test
	void aClusterBeanSelectsTheCluster() {
		try (RedisCluster cluster = RedisCluster.start()) {
			List<DataRedisConnectionDetails.Node> nodes = cluster.addresses().stream().map((address) -> {
				int colon = address.lastIndexOf(':');
				return new DataRedisConnectionDetails.Node(address.substring(0, colon),
						Integer.parseInt(address.substring(colon + 1)));
			}).toList();
			DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

				@Override
				public Cluster getCluster() {
					return () -> nodes;
				}

			};
			this.runner.withBean(DataRedisConnectionDetails.class, () -> details).run((context) -> {
				LarderCacheManager manager = context.getBean(LarderCacheManager.class);
				assertThat(manager.nativeClient()).isInstanceOf(StatefulRedisClusterConnection.class);
				LarderCache cache = manager.getCache("spread");
				for (int i = 0; i < 100; i++) {
					cache.put(i, i);
				}
				for (RedisProcess node : cluster.nodes()) {
					assertThat(Long.parseLong(node.command("DBSIZE").substring(1))).as("keys on every master")
						.isPositive();
				}
			});
		}
	}

	@Test
	void anSslBundleFromTheBeanMeansTls() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-details-");
		Path key = dir.resolve("key.pem");
		Path cert = dir.resolve("cert.pem");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
				"-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
		int tlsPort = RedisProcess.freePort();
		RedisProcess tls = RedisProcess.start("--tls-port", String.valueOf(tlsPort), "--tls-cert-file", cert.toString(),
				"--tls-key-file", key.toString(), "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no");
		try {
			SslBundle bundle = SslBundle.of(new PemSslStoreBundle((PemSslStoreDetails) null,
					PemSslStoreDetails.forCertificate("file:" + cert)));
			DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

				@Override
				public SslBundle getSslBundle() {
					return bundle;
				}

				@Override
				public Standalone getStandalone() {
					return Standalone.of("127.0.0.1", tlsPort);
				}

			};
			this.runner.withBean(DataRedisConnectionDetails.class, () -> details)
				.withPropertyValues("larder.key-prefix=tls:")
				.run((context) -> {
					RedisBackendAutoConfigurationTests.roundTrip(context, "secure");
					assertThat(tls.command("EXISTS tls:secure::k")).isEqualTo(":1");
				});
		}
		finally {
			tls.stop();
		}
	}

	@Test
	void aMasterReplicaBeanIsRefusedWithAClearMessage() {
		DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

			@Override
			public MasterReplica getMasterReplica() {
				return () -> List.of(new Node("127.0.0.1", redis.port()));
			}

		};
		this.runner.withBean(DataRedisConnectionDetails.class, () -> details).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRedisConfigurationException.class)
				.hasMessageContaining("static master/replica topology")
				.hasMessageContaining("Sentinels or a Cluster");
		});
	}

	@Test
	void aBeanDescribingNoServerIsRefusedWithAClearMessage() {
		this.runner.withBean(DataRedisConnectionDetails.class, () -> new DataRedisConnectionDetails() {
		}).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidRedisConfigurationException.class)
				.hasMessageContaining("getStandalone() must not be null");
		});
	}

	private static DataRedisConnectionDetails standalone(String host, int port, int database) {
		return new DataRedisConnectionDetails() {

			@Override
			public Standalone getStandalone() {
				return Standalone.of(host, port, database);
			}

		};
	}

	private static void openssl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("openssl"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

}

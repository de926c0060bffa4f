package dev.larder.autoconfigure.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.health.LarderHealthContributorAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.near.InvalidationListener;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.testing.RedisCluster;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster, Sentinel (with a failover) and TLS, each against real processes started here.
 */
class RedisTopologyTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class,
				LarderHealthContributorAutoConfiguration.class, SslAutoConfiguration.class))
		.withUserConfiguration(RedisBackendAutoConfigurationTests.CachingConfiguration.class)
		.withPropertyValues("larder.backend=redis");

	@Test
	void clusterNodesSelectAClusterAndClearSpansAllNodes() {
		try (RedisCluster cluster = RedisCluster.start()) {
			this.runner
				.withPropertyValues("larder.redis.cluster.nodes=" + String.join(",", cluster.addresses()),
						"larder.redis.cluster.max-redirects=5", "larder.redis.cluster.refresh.period=30s")
				.run((context) -> {
					LarderCacheManager manager = context.getBean(LarderCacheManager.class);
					assertThat(manager.nativeClient()).isInstanceOf(StatefulRedisClusterConnection.class);
					LarderCache cache = manager.getCache("spread");
					LarderCache other = manager.getCache("kept");
					for (int i = 0; i < 300; i++) {
						cache.put(i, i);
						other.put(i, i);
					}
					for (RedisProcess node : cluster.nodes()) {
						assertThat(Long.parseLong(node.command("DBSIZE").substring(1))).as("keys on every master")
							.isPositive();
					}
					cache.clear();
					for (int i = 0; i < 300; i++) {
						assertThat(cache.get(i)).isNull();
						assertThat(other.get(i, Integer.class)).isEqualTo(i);
					}
					assertThat(context.getBean("larderHealthIndicator", HealthIndicator.class).health().getDetails())
						.containsEntry("topology", "cluster");
				});
		}
	}

	@Test
	void onAClusterLettuceCustomizersGetTheClusterOptionsBuilder() {
		try (RedisCluster cluster = RedisCluster.start()) {
			this.runner
				.withBean(LarderLettuceCustomizer.class,
						() -> (options) -> ((ClusterClientOptions.Builder) options).validateClusterNodeMembership(false)
							.protocolVersion(ProtocolVersion.RESP2))
				.withPropertyValues("larder.redis.cluster.nodes=" + String.join(",", cluster.addresses()),
						"larder.redis.cluster.max-redirects=7")
				.run((context) -> {
					LarderCacheManager manager = context.getBean(LarderCacheManager.class);
					manager.getCache("clustered").put("k", "v");
					assertThat(manager.getCache("clustered").get("k", String.class)).isEqualTo("v");
					var connection = (StatefulRedisClusterConnection<?, ?>) manager.nativeClient();
					ClusterClientOptions options = (ClusterClientOptions) connection.getOptions();
					assertThat(options.isValidateClusterNodeMembership()).isFalse();
					assertThat(options.getConfiguredProtocolVersion()).isEqualTo(ProtocolVersion.RESP2);
					assertThat(options.getMaxRedirects()).as("Larder's cluster options are kept").isEqualTo(7);
				});
		}
	}

	@Test
	void sentinelFailoverIsSurvived() {
		RedisProcess master = RedisProcess.start();
		RedisProcess replica = RedisProcess.start("--replicaof", "127.0.0.1", String.valueOf(master.port()));
		RedisProcess sentinel = RedisProcess
			.sentinel(List.of("sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1",
					"sentinel down-after-milliseconds mymaster 1000", "sentinel failover-timeout mymaster 5000"));
		try {
			RedisProcess.awaitUntil("the replica is in sync",
					() -> RedisProcess.cli("-p", String.valueOf(replica.port()), "INFO", "replication")
						.contains("master_link_status:up"));
			this.runner
				.withPropertyValues("larder.redis.sentinel.master=mymaster",
						"larder.redis.sentinel.nodes=127.0.0.1:" + sentinel.port(), "larder.redis.timeout=1s")
				.run((context) -> {
					LarderCache cache = context.getBean(LarderCacheManager.class).getCache("ha");
					cache.put("before", "failover");
					assertThat(cache.get("before", String.class)).isEqualTo("failover");
					assertThat(context.getBean("larderHealthIndicator", HealthIndicator.class).health().getDetails())
						.containsEntry("topology", "sentinel");

					master.stop();
					Eventually.await(WAIT, "the sentinel promotes the replica",
							() -> RedisProcess.cli("-p", String.valueOf(replica.port()), "ROLE").startsWith("master"));
					Eventually.await(WAIT, "the cache writes to the new master", () -> {
						cache.put("after", "failover");
						return "failover".equals(cache.get("after", String.class));
					});
					assertThat(replica.command("EXISTS ha::after")).isEqualTo(":1");
					assertThat(cache.get("before", String.class)).as("replicated before the failover")
						.isEqualTo("failover");
				});
		}
		finally {
			sentinel.stop();
			replica.stop();
			master.stop();
		}
	}

	@Test
	void tlsWithATrustBundle() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-");
		Path key = dir.resolve("key.pem");
		Path cert = dir.resolve("cert.pem");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
				"-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
		int tlsPort = RedisProcess.freePort();
		RedisProcess redis = RedisProcess.start("--tls-port", String.valueOf(tlsPort), "--tls-cert-file",
				cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", cert.toString(),
				"--tls-auth-clients", "no");
		try {
			this.runner
				.withPropertyValues("larder.redis.url=rediss://127.0.0.1:" + tlsPort, "larder.redis.ssl.bundle=redis",
						"spring.ssl.bundle.pem.redis.truststore.certificate=file:" + cert, "larder.key-prefix=tls:")
				.run((context) -> {
					RedisBackendAutoConfigurationTests.roundTrip(context, "secure");
					assertThat(redis.command("EXISTS tls:secure::k")).isEqualTo(":1");
					// The near cache's tracking connection goes over the same TLS.
					KeyInvalidations invalidations = context.getBean(CacheBackend.class).keyInvalidations();
					List<String> reported = new CopyOnWriteArrayList<>();
					invalidations.listen("tls:secure::", new InvalidationListener() {

						@Override
						public void invalidate(String changed) {
							reported.add(changed);
						}

						@Override
						public void invalidateAll() {
						}

					});
					Eventually.await(WAIT, "tracking over TLS is live", invalidations::live);
					context.getBean(LarderCacheManager.class).getCache("secure").put("tracked", "v");
					Eventually.await(WAIT, "the write is reported over TLS",
							() -> reported.contains("tls:secure::tracked"));
				});
			this.runner
				.withPropertyValues("larder.redis.url=rediss://127.0.0.1:" + tlsPort, "larder.redis.timeout=1s",
						"larder.redis.connect-timeout=1s")
				.run((context) -> {
					LarderCache cache = context.getBean(LarderCacheManager.class).getCache("untrusted");
					cache.put("k", "v");
					assertThat(cache.get("k")).as("an untrusted certificate is a miss, not a connection").isNull();
				});
		}
		finally {
			redis.stop();
		}
	}

	@Test
	void anOutageDuringCachedReadsFallsThroughToTheSourceAndHealsWithoutARestart() {
		RedisProcess redis = RedisProcess.start();
		try {
			this.runner.withUserConfiguration(CatalogConfiguration.class)
				.withPropertyValues("larder.redis.url=" + redis.uri(), "larder.redis.timeout=500ms")
				.run((context) -> {
					Catalog catalog = context.getBean(Catalog.class);
					catalog.price(1);
					catalog.price(1);
					assertThat(catalog.sourceReads()).isEqualTo(1);

					redis.stop();
					for (int i = 0; i < 10; i++) {
						assertThat(catalog.price(1)).isEqualTo(10);
					}
					assertThat(catalog.sourceReads()).isEqualTo(11);

					redis.restart();
					Eventually.await(WAIT, "reads are cached again", () -> {
						int before = catalog.sourceReads();
						catalog.price(2);
						catalog.price(2);
						return catalog.sourceReads() - before == 1;
					});
				});
		}
		finally {
			redis.stop();
		}
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class CatalogConfiguration {

		@org.springframework.context.annotation.Bean
		Catalog catalog() {
			return new Catalog();
		}

	}

	static class Catalog {

		private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

		@org.springframework.cache.annotation.Cacheable("prices")
		public int price(int id) {
			this.reads.incrementAndGet();
			return id * 10;
		}

		public int sourceReads() {
			return this.reads.get();
		}

	}

	private static void openssl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("openssl"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

}

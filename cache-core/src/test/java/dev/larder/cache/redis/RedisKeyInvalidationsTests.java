package dev.larder.cache.redis;

import java.util.List;

import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyInvalidationsContract} against a real redis-server. */
class RedisKeyInvalidationsTests extends KeyInvalidationsContract {

	private RedisProcess redis;

	@Override
	void startServer() {
		this.redis = RedisProcess.start();
	}

	@Override
	int port() {
		return this.redis.port();
	}

	@Override
	void restartServer() {
		this.redis.restart();
	}

	@Override
	void stopServer() {
		if (this.redis != null) {
			this.redis.stop();
		}
	}

	@Test
	void theTrackingConnectionUsesTheBackendsCredentialsAndClientName() {
		try (RedisProcess secured = RedisProcess.start("--requirepass", "s3cret")) {
			RedisURI uri = RedisURI.create("redis://:s3cret@127.0.0.1:" + secured.port());
			uri.setClientName("orders-app");
			uri.setTimeout(RedisTestBackends.TIMEOUT);
			try (RedisBackend backend = new RedisBackend(
					LettuceConnectors.standalone(uri, RedisTestBackends.clientOptions(), null))) {
				KeyInvalidations invalidations = backend.keyInvalidations();
				invalidations.listen(BOOKS, new Recorder());
				Eventually.await(WAIT, "reports live", invalidations::live);
				String clients = RedisProcess.cli("-p", String.valueOf(secured.port()), "-a", "s3cret",
						"--no-auth-warning", "CLIENT", "LIST");
				assertThat(clients.lines().filter((line) -> line.contains("flags=tB"))).singleElement()
					.satisfies((line) -> assertThat(line).contains("name=orders-app").contains("resp=3"));
			}
		}
	}

	@Test
	void aClusterAndReadsFromReplicasHaveNoReports() {
		ClusterClientOptions options = ClusterClientOptions.builder(RedisTestBackends.clientOptions()).build();
		try (RedisBackend cluster = new RedisBackend(
				LettuceConnectors.cluster(List.of(RedisURI.create("redis://127.0.0.1:" + port())), options, null))) {
			assertThat(cluster.keyInvalidations()).isNull();
		}
		try (RedisBackend replicas = new RedisBackend(LettuceConnectors.standalone(
				RedisURI.create("redis://127.0.0.1:" + port()), RedisTestBackends.clientOptions(), ReadFrom.REPLICA))) {
			assertThat(replicas.keyInvalidations()).isNull();
		}
	}

}

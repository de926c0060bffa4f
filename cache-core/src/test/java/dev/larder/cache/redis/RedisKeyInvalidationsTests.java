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
	void aServerThatStopsAnsweringIsGivenUpByTheHeartbeatAndTrackedAgainOnceItAnswers() {
		Recorder books = listen(BOOKS);
		// SIGSTOP: the connection stays open but nothing is answered, nor pushed.
		this.redis.pause();
		try {
			books.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE);
		}
		finally {
			this.redis.resume();
		}
		Eventually.await(WAIT, "reports live again", invalidations()::live);
		this.writer.set(BOOKS + "after", "x");
		books.awaitEvents(Recorder.ALL_WHILE_NOT_LIVE, Recorder.ALL_WHILE_NOT_LIVE, BOOKS + "after");
	}

	@Test
	void listeningWhileRedisIsDownGoesLiveOnceItIsUp() {
		int port = RedisProcess.freePort();
		RedisURI uri = RedisURI.create("redis://127.0.0.1:" + port);
		uri.setTimeout(RedisTestBackends.TIMEOUT);
		try (RedisBackend backend = new RedisBackend(
				LettuceConnectors.standalone(uri, RedisTestBackends.clientOptions(), null))) {
			KeyInvalidations invalidations = backend.keyInvalidations();
			Recorder books = new Recorder();
			invalidations.listen(BOOKS, books);
			assertThat(invalidations.live()).isFalse();
			RedisProcess late = RedisProcess.start(port);
			try {
				Eventually.await(WAIT, "reports live once Redis is up", invalidations::live);
				RedisProcess.cli("-p", String.valueOf(port), "SET", BOOKS + "1", "x");
				books.awaitKeys(BOOKS + "1");
			}
			finally {
				late.stop();
			}
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
	void throughSentinelsTrackingFollowsAFailoverToTheNewMaster() {
		RedisProcess master = RedisProcess.start();
		RedisProcess replica = RedisProcess.start("--replicaof", "127.0.0.1", String.valueOf(master.port()));
		RedisProcess sentinel = RedisProcess
			.sentinel(List.of("sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1",
					"sentinel down-after-milliseconds mymaster 1000", "sentinel failover-timeout mymaster 5000"));
		try {
			RedisProcess.awaitUntil("the replica is in sync",
					() -> RedisProcess.cli("-p", String.valueOf(replica.port()), "INFO", "replication")
						.contains("master_link_status:up"));
			RedisURI uri = RedisURI.Builder.sentinel("127.0.0.1", sentinel.port(), "mymaster")
				.withTimeout(RedisTestBackends.TIMEOUT)
				.build();
			try (RedisBackend backend = new RedisBackend(
					LettuceConnectors.standalone(uri, RedisTestBackends.clientOptions(), null))) {
				KeyInvalidations invalidations = backend.keyInvalidations();
				Recorder books = new Recorder();
				invalidations.listen(BOOKS, books);
				Eventually.await(WAIT, "reports live", invalidations::live);
				RedisProcess.cli("-p", String.valueOf(master.port()), "SET", BOOKS + "before", "x");
				Eventually.await(WAIT, "the write on the master is reported",
						() -> books.events().contains(BOOKS + "before"));

				master.stop();
				Eventually.await(WAIT, "the loss is reported", () -> !invalidations.live());
				Eventually.await(WAIT, "the sentinel promotes the replica",
						() -> RedisProcess.cli("-p", String.valueOf(replica.port()), "ROLE").startsWith("master"));
				Eventually.await(WAIT, "reports live again, from the new master", invalidations::live);
				books.clear();
				RedisProcess.cli("-p", String.valueOf(replica.port()), "SET", BOOKS + "after", "x");
				books.awaitKeys(BOOKS + "after");
			}
		}
		finally {
			sentinel.stop();
			replica.stop();
			master.stop();
		}
	}

	@Test
	void trackingRefusedByTheServerLeavesReportsNotLiveWhileCachingWorks() {
		RedisProcess.cli("-p", String.valueOf(port()), "ACL", "SETUSER", "app", "on", ">pw", "~*", "&*", "+@all",
				"-client|tracking");
		RedisURI uri = RedisURI.create("redis://app:pw@127.0.0.1:" + port());
		uri.setTimeout(RedisTestBackends.TIMEOUT);
		try (RedisBackend backend = new RedisBackend(
				LettuceConnectors.standalone(uri, RedisTestBackends.clientOptions(), null))) {
			KeyInvalidations invalidations = backend.keyInvalidations();
			Recorder books = new Recorder();
			invalidations.listen(BOOKS, books);
			// Refused once, given up, and refused again on a new connection.
			Eventually.await(WAIT, "CLIENT TRACKING refused twice", () -> refusedTrackingCommands() >= 2);
			assertThat(invalidations.live()).isFalse();
			backend.connect();
			assertThat(backend.handle().sync().ping()).isEqualTo("PONG");
		}
	}

	/**
	 * ACL LOG's count of refused commands (one entry: the same command, user and client).
	 */
	private long refusedTrackingCommands() {
		List<String> log = RedisProcess.cli("-p", String.valueOf(port()), "ACL", "LOG", "1")
			.lines()
			.map(String::trim)
			.toList();
		int count = log.indexOf("count");
		return (count >= 0 && log.contains("client|tracking")) ? Long.parseLong(log.get(count + 1)) : 0;
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

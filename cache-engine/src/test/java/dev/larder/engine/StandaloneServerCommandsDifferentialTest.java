package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WAIT, ROLE, LASTSAVE, READONLY and READWRITE against a real redis-server without
 * replicas: replies and errors equal, a WAIT that needs a replica blocks until its
 * timeout, CLIENT UNBLOCK or the client's end.
 */
class StandaloneServerCommandsDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final String MAX = "9223372036854775807";

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	static Stream<String> commands() {
		return Stream.of("WAIT", "WAIT 0", "WAIT 0 0 0", "WAIT 0 0", "WAIT -1 0", "WAIT -1 x", "WAIT x 0", "WAIT x x",
				"WAIT 0 -1", "WAIT 1 -1", "WAIT 1 1.5", "WAIT 1.5 1", "WAIT 0 " + MAX, "WAIT -5 " + MAX, "WAIT 1 1",
				"WAIT 3 2", "WAIT " + MAX + " 1", "ROLE", "ROLE x", "READONLY", "READONLY x", "READWRITE",
				"READWRITE x", "LASTSAVE x");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("commands")
	void repliesLikeRedis(String command) {
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			assertThat(mine.call(command.split(" "))).as(command).isEqualTo(theirs.call(command.split(" ")));
		}
	}

	/** RESP3: ROLE stays an array; WAIT in a transaction answers at once. */
	@Test
	void resp3AndTransactionsLikeRedis() {
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			for (String line : List.of("HELLO 3", "ROLE", "MULTI", "WAIT 1 0", "WAIT 0 0", "WAIT x 0", "EXEC", "MULTI",
					"WAIT 5 0", "LASTSAVE", "READONLY", "EXEC", "EVAL return␠redis.call('wait',0,0) 0",
					"EVAL return␠redis.call('role') 0", "EVAL return␠redis.call('readwrite') 0")) {
				String[] args = line.replace(' ', '\n').replace('␠', ' ').split("\n");
				Resp expected = theirs.call(args);
				Resp actual = mine.call(args);
				if (line.equals("HELLO 3")) {
					assertThat(actual.isError()).isFalse();
				}
				else if (line.startsWith("MULTI") || line.equals("EXEC") && expected.items().size() > 2) {
					assertThat(shape(actual)).as(line).isEqualTo(shape(expected));
				}
				else {
					assertThat(actual).as(line).isEqualTo(expected);
				}
			}
		}
	}

	/** The EXEC with LASTSAVE holds a time that differs between the servers. */
	private static String shape(Resp r) {
		if (r.items() == null) {
			return r.type() + (r.type() == ':' ? "" : String.valueOf(r.text()));
		}
		return r.type() + r.items().stream().map(StandaloneServerCommandsDifferentialTest::shape).toList().toString();
	}

	/**
	 * LASTSAVE is the start time on both, since neither has saved: INFO persistence's
	 * rdb_last_save_time, in the past.
	 */
	@Test
	void lastsaveIsTheStartTime() {
		for (int port : new int[] { engine.port(), REDIS.port() }) {
			try (RespClient c = new RespClient(port)) {
				long lastsave = Long.parseLong(c.call("LASTSAVE").text());
				String info = c.call("INFO", "persistence").text();
				assertThat(info).contains("rdb_last_save_time:" + lastsave + "\r\n");
				assertThat(lastsave).isLessThanOrEqualTo(System.currentTimeMillis() / 1000);
			}
		}
	}

	/**
	 * A WAIT for a replica blocks for ever with timeout 0: CLIENT UNBLOCK answers it 0
	 * (TIMEOUT) or the UNBLOCKED error, and CLIENT KILL ends it.
	 */
	@Test
	void blockedWaitEndsByUnblockOrKill() {
		for (int port : new int[] { engine.port(), REDIS.port() }) {
			try (RespClient waiter = new RespClient(port); RespClient admin = new RespClient(port)) {
				String id = waiter.call("CLIENT", "ID").text();
				waiter.send(RespClient.encode("WAIT", "1", "0"));
				awaitBlocked(admin, 1);
				assertThat(admin.call("CLIENT", "UNBLOCK", id).text()).isEqualTo("1");
				assertThat(waiter.read()).isEqualTo(new Resp(':', "0", null));
				waiter.send(RespClient.encode("WAIT", "1", "0"));
				awaitBlocked(admin, 1);
				assertThat(admin.call("CLIENT", "UNBLOCK", id, "ERROR").text()).isEqualTo("1");
				assertThat(waiter.read())
					.isEqualTo(new Resp('-', "UNBLOCKED client unblocked via CLIENT UNBLOCK", null));
				assertThat(waiter.call("PING").text()).isEqualTo("PONG");
				waiter.send(RespClient.encode("WAIT", "2", "0"));
				awaitBlocked(admin, 1);
				assertThat(admin.call("CLIENT", "KILL", "ID", id).text()).isEqualTo("1");
				assertThat(waiter.isClosedByServer()).isTrue();
				awaitBlocked(admin, 0);
			}
		}
	}

	/** A WAIT with a timeout answers 0 once it passed. */
	@Test
	void waitTimesOutWithZero() {
		for (int port : new int[] { engine.port(), REDIS.port() }) {
			try (RespClient c = new RespClient(port)) {
				assertThat(c.call("WAIT", "1", "20")).isEqualTo(new Resp(':', "0", null));
				assertThat(c.call("WAIT", "1", "1")).isEqualTo(new Resp(':', "0", null));
			}
		}
	}

	private static void awaitBlocked(RespClient admin, int blocked) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!admin.call("INFO", "clients").text().contains("blocked_clients:" + blocked + "\r\n")) {
			assertThat(System.nanoTime()).as("blocked_clients:" + blocked).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

}

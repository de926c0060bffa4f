package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.events.KeyChangeListener;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MOVE and SWAPDB: the same replies as a real redis-server 7.0.15 for the same scripts,
 * TTLs travelling with the keys, blocked clients served by a swap, and the changes
 * reported to key-change listeners.
 */
class MoveAndSwapdbTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	private static RespClient engineClient;

	private static RespClient redisClient;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		engineClient = new RespClient(engine.port());
		redisClient = new RespClient(REDIS.port());
	}

	@AfterAll
	static void stop() {
		if (engineClient != null) {
			engineClient.close();
			redisClient.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	@BeforeEach
	void reset() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("FLUSHALL");
			c.call("SELECT", "0");
		}
	}

	private static void same(String... command) {
		Resp expected = redisClient.call(command);
		assertThat(engineClient.call(command)).as(String.join(" ", command)).isEqualTo(expected);
	}

	@Test
	void moveAndSwapdbAnswerAsRedisDoes() {
		same("SET", "k", "v");
		same("MOVE", "k", "x");
		same("MOVE", "k", "4294967296");
		same("MOVE", "k", "16");
		same("MOVE", "k", "-1");
		same("MOVE", "k", "0");
		same("MOVE", "nokey", "1");
		same("MOVE", "k", "1");
		same("MOVE", "k", "1");
		same("EXISTS", "k");
		same("SELECT", "1");
		same("GET", "k");
		same("SET", "k", "again");
		same("SELECT", "0");
		same("SET", "k", "here");
		same("MOVE", "k", "1");
		same("SWAPDB", "x", "1");
		same("SWAPDB", "0", "x");
		same("SWAPDB", "99", "x");
		same("SWAPDB", "0", "4294967296");
		same("SWAPDB", "0", "16");
		same("SWAPDB", "0", "0");
		same("SWAPDB", "0", "1");
		same("GET", "k");
		same("DBSIZE");
		same("SELECT", "1");
		same("GET", "k");
		same("SWAPDB", "1", "2");
		same("DBSIZE");
		same("KEYS", "*");
	}

	@Test
	void aKeyKeepsItsTtlThroughMoveAndSwapdb() {
		engineClient.call("SET", "t", "v", "EX", "1000");
		assertThat(engineClient.call("MOVE", "t", "3").text()).isEqualTo("1");
		engineClient.call("SELECT", "3");
		assertThat(Long.parseLong(engineClient.call("TTL", "t").text())).isBetween(990L, 1000L);
		engineClient.call("SWAPDB", "3", "4");
		engineClient.call("SELECT", "4");
		assertThat(Long.parseLong(engineClient.call("TTL", "t").text())).isBetween(990L, 1000L);
		assertThat(Long.parseLong(engineClient.call("MEMORY", "USAGE", "t").text())).isPositive();
	}

	@Test
	void aClientBlockedOnAKeyIsServedWhenASwapBringsItIn() throws Exception {
		try (RespClient blocked = new RespClient(engine.port())) {
			blocked.call("SELECT", "5");
			blocked.send(RespClient.encode("BLPOP", "queue", "0"));
			// the BLPOP is parked once the engine counts it
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (!engineClient.call("INFO", "clients").text().contains("blocked_clients:1")) {
				assertThat(System.nanoTime()).as("BLPOP parked").isLessThan(deadline);
				Thread.onSpinWait();
			}
			engineClient.call("SELECT", "6");
			engineClient.call("RPUSH", "queue", "job");
			assertThat(engineClient.call("SWAPDB", "5", "6").text()).isEqualTo("OK");
			assertThat(blocked.read().items()).extracting(Resp::text).containsExactly("queue", "job");
		}
	}

	@Test
	void moveAndSwapdbReportTheirChanges() {
		List<String> seen = new ArrayList<>();
		KeyChangeListener listener = new KeyChangeListener() {
			@Override
			public void keyModified(int db, byte[] key) {
				seen.add("modified " + db + " " + new String(key));
			}

			@Override
			public void databaseFlushed(int db) {
			}

			@Override
			public void databasesSwapped(int a, int b) {
				seen.add("swapped " + a + " " + b);
			}
		};
		engine.execute("SET", "m", "v");
		engine.addKeyChangeListener(listener);
		try {
			engine.execute("MOVE", "m", "2");
			engine.execute("SWAPDB", "2", "7");
		}
		finally {
			engine.removeKeyChangeListener(listener);
		}
		assertThat(seen).containsSubsequence("modified 0 m", "modified 2 m", "swapped 2 7");
	}

}

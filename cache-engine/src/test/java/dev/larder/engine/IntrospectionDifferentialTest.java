package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INFO, CLIENT, SLOWLOG and LATENCY against a real redis-server 7.0.15: each INFO
 * section's field names in Redis's order (the values are each server's own), the help
 * texts, the errors, SLOWLOG's entry shape, and what CLIENT KILL, REPLY and PAUSE do to
 * connections.
 *
 * <p>
 * Documented differences: CLIENT LIST and CLIENT INFO end with lib-name and lib-ver
 * (Redis 7.2's fields, for CLIENT SETINFO, which the engine serves); INFO commandstats
 * and latencystats list commands in the engine's table order, where Redis walks a hash
 * table, so those are compared as sets. Every other field Redis 7.0.15 prints is printed,
 * with the values Redis gives a feature that is off where the engine has no such feature
 * (persistence, replication, forks, cluster, modules, defragmentation).
 */
class IntrospectionDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	private static RespClient engineClient;

	private static RespClient redisClient;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
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
	void fixture() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("RESET");
			c.call("FLUSHALL");
			c.call("CONFIG", "SET", "slowlog-log-slower-than", "10000");
			c.call("CONFIG", "SET", "slowlog-max-len", "128");
			c.call("CONFIG", "SET", "maxclients", "10000");
			c.call("SLOWLOG", "RESET");
			c.call("CONFIG", "RESETSTAT");
			c.call("SET", "str", "v");
			c.call("GET", "str");
			c.call("INCR", "str");
			c.call("GET");
			c.call("NOSUCH");
			c.call("CLIENT", "ID");
			c.call("SELECT", "2");
			c.call("SET", "ttl", "v", "EX", "100");
			c.call("SELECT", "0");
		}
	}

	private static void both(String... args) {
		engineClient.call(args);
		redisClient.call(args);
	}

	private static List<String> fieldNames(Resp info) {
		return info.text()
			.lines()
			.filter(l -> l.contains(":") || l.startsWith("#"))
			.map(l -> l.contains(":") ? l.substring(0, l.indexOf(':')) : l)
			.collect(Collectors.toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules",
			"errorstats", "cluster", "keyspace", "default", "" })
	void infoSectionHasRedisFieldsInRedisOrder(String section) {
		String[] args = section.isEmpty() ? new String[] { "INFO" } : new String[] { "INFO", section };
		assertThat(fieldNames(engineClient.call(args))).isEqualTo(fieldNames(redisClient.call(args)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "commandstats", "latencystats" })
	void perCommandSectionsListTheSameCommands(String section) {
		assertThat(new TreeSet<>(fieldNames(engineClient.call("INFO", section))))
			.isEqualTo(new TreeSet<>(fieldNames(redisClient.call("INFO", section))));
	}

	@Test
	void commandStatsCountTheSameCalls() {
		Set<String> engine = statsWithoutTimes(engineClient.call("INFO", "commandstats"));
		Set<String> redis = statsWithoutTimes(redisClient.call("INFO", "commandstats"));
		assertThat(engine).isEqualTo(redis);
		assertThat(engineClient.call("INFO", "errorstats").text())
			.isEqualTo(redisClient.call("INFO", "errorstats").text());
	}

	/** cmdstat lines with usec and usec_per_call blanked. */
	private static Set<String> statsWithoutTimes(Resp info) {
		return info.text()
			.lines()
			.map(l -> l.replaceAll("usec=[0-9]+,usec_per_call=[0-9.]+", "usec"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	@Test
	void everythingAndAllHaveRedisSections() {
		for (String arg : List.of("everything", "all")) {
			assertThat(headers(engineClient.call("INFO", arg))).as(arg)
				.isEqualTo(headers(redisClient.call("INFO", arg)));
		}
		assertThat(headers(engineClient.call("INFO", "keyspace", "SERVER", "nosuch")))
			.isEqualTo(headers(redisClient.call("INFO", "keyspace", "SERVER", "nosuch")));
		assertThat(engineClient.call("INFO", "nosuch")).isEqualTo(redisClient.call("INFO", "nosuch"));
	}

	private static List<String> headers(Resp info) {
		return info.text().lines().filter(l -> l.startsWith("#")).toList();
	}

	@Test
	void clientListHasRedisFields() {
		List<String> engine = clientFields(engineClient.call("CLIENT", "INFO").text());
		assertThat(engine.subList(engine.size() - 2, engine.size())).containsExactly("lib-name", "lib-ver");
		assertThat(engine.subList(0, engine.size() - 2))
			.isEqualTo(clientFields(redisClient.call("CLIENT", "INFO").text()));
		assertThat(engineClient.call("CLIENT", "INFO").text()).contains(" cmd=client|info ");
	}

	private static List<String> clientFields(String line) {
		return Stream.of(line.trim().split(" ")).map(f -> f.substring(0, f.indexOf('='))).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CLIENT", "SLOWLOG", "LATENCY" })
	void helpIsRedis(String container) {
		assertThat(engineClient.call(container, "HELP")).isEqualTo(redisClient.call(container, "HELP"));
	}

	static Stream<String> errors() {
		return Stream.of("CLIENT KILL 1.2.3.4:5", "CLIENT KILL id", "CLIENT KILL ID abc", "CLIENT KILL ID 0",
				"CLIENT KILL ID 99999", "CLIENT KILL ADDR 1.1.1.1:1", "CLIENT KILL TYPE foo", "CLIENT KILL TYPE pubsub",
				"CLIENT KILL TYPE master", "CLIENT KILL TYPE slave", "CLIENT KILL SKIPME maybe", "CLIENT KILL foo bar",
				"CLIENT KILL USER nobody", "CLIENT KILL USER default SKIPME yes TYPE replica", "CLIENT KILL MAXAGE 1",
				"CLIENT KILL ID 1 extra", "CLIENT KILL", "CLIENT LIST TYPE foo", "CLIENT LIST TYPE replica",
				"CLIENT LIST TYPE master", "CLIENT LIST TYPE pubsub", "CLIENT LIST ID", "CLIENT LIST ID abc",
				"CLIENT LIST ID 0", "CLIENT LIST foo", "CLIENT LIST ID 1 2 x", "CLIENT LIST TYPE normal ID 1",
				"CLIENT PAUSE", "CLIENT PAUSE abc", "CLIENT PAUSE -1", "CLIENT PAUSE 10 foo", "CLIENT PAUSE abc foo",
				"CLIENT PAUSE 1 write extra", "CLIENT PAUSE 0 WRITE", "CLIENT UNPAUSE", "CLIENT UNPAUSE x",
				"CLIENT REPLY", "CLIENT REPLY foo", "CLIENT REPLY on extra", "CLIENT REPLY ON", "CLIENT NO-EVICT",
				"CLIENT NO-EVICT foo", "CLIENT NO-EVICT on", "CLIENT NO-EVICT OFF", "CLIENT UNBLOCK",
				"CLIENT UNBLOCK abc", "CLIENT UNBLOCK 1 foo", "CLIENT UNBLOCK abc foo", "CLIENT UNBLOCK 99999",
				"CLIENT UNBLOCK 99999 ERROR", "CLIENT UNBLOCK 1 timeout x", "CLIENT GETNAME x", "CLIENT ID x",
				"CLIENT INFO x", "CLIENT FOO", "SLOWLOG", "SLOWLOG FOO", "SLOWLOG GET x", "SLOWLOG GET -2",
				"SLOWLOG GET 1 2", "SLOWLOG LEN x", "SLOWLOG RESET x", "SLOWLOG HELP x", "LATENCY", "LATENCY FOO",
				"LATENCY LATEST x", "LATENCY HISTORY", "LATENCY HISTORY nosuch", "LATENCY GRAPH nosuch",
				"LATENCY RESET nosuch", "LATENCY DOCTOR x", "LATENCY HISTOGRAM nosuch", "CONFIG SET maxclients 0",
				"CONFIG SET timeout -1", "CONFIG SET slowlog-log-slower-than -2", "CONFIG SET latency-tracking maybe");
	}

	@ParameterizedTest
	@MethodSource("errors")
	void repliesAndErrorsAreRedis(String command) {
		String[] args = command.split(" ");
		assertThat(engineClient.call(args)).as(command).isEqualTo(redisClient.call(args));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void latencyDoctorOfAQuietInstanceIsRedis(int protocol) {
		both("HELLO", Integer.toString(protocol));
		assertThat(engineClient.call("LATENCY", "DOCTOR")).isEqualTo(redisClient.call("LATENCY", "DOCTOR"));
		both("CONFIG", "SET", "latency-monitor-threshold", "10000");
		assertThat(engineClient.call("LATENCY", "DOCTOR")).isEqualTo(redisClient.call("LATENCY", "DOCTOR"));
		both("CONFIG", "SET", "latency-monitor-threshold", "0");
		both("HELLO", "2");
	}

	/**
	 * A script over the latency monitor's threshold: the report and Redis's advice, which
	 * depends on slowlog-log-slower-than (off, over the threshold, under it), are Redis's
	 * but for the milliseconds each server took.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "-1", "100000", "0" })
	void latencyDoctorAfterASlowCommandIsRedis(String slowerThan) {
		Map<String, String> reports = new LinkedHashMap<>();
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("CONFIG", "SET", "latency-monitor-threshold", "50");
			try {
				c.call("LATENCY", "RESET");
				c.call("CONFIG", "SET", "slowlog-log-slower-than", slowerThan);
				c.call("EVAL", "local i = 0 while i < 10000000 do i = i + 1 end return i", "0");
				reports.put(c == engineClient ? "engine" : "redis",
						c.call("LATENCY", "DOCTOR")
							.text()
							.replaceAll("\\d+ms", "<n>ms")
							.replaceAll("period \\d+\\.\\d+ sec", "period <s> sec"));
			}
			finally {
				c.call("CONFIG", "SET", "latency-monitor-threshold", "0");
				c.call("LATENCY", "RESET");
			}
		}
		assertThat(reports.get("engine")).isEqualTo(reports.get("redis"));
	}

	@Test
	void slowLogEntryHasRedisShape() {
		both("CONFIG", "SET", "slowlog-log-slower-than", "0");
		both("SLOWLOG", "RESET");
		both("CLIENT", "SETNAME", "slowpoke");
		List<String> args = new ArrayList<>(List.of("DEL", "x".repeat(300)));
		for (int i = 0; i < 40; i++) {
			args.add("k" + i);
		}
		both(args.toArray(new String[0]));
		both("AUTH", "default", "secret");
		both("HELLO", "2", "AUTH", "default", "pw", "SETNAME", "slowpoke");
		Resp engine = engineClient.call("SLOWLOG", "GET", "4");
		Resp redis = redisClient.call("SLOWLOG", "GET", "4");
		assertThat(engine.items()).hasSameSizeAs(redis.items());
		for (int i = 0; i < redis.items().size(); i++) {
			List<Resp> e = engine.items().get(i).items();
			List<Resp> r = redis.items().get(i).items();
			assertThat(e).hasSize(6);
			assertThat(e.get(3)).as("argv of entry %d", i).isEqualTo(r.get(3));
			assertThat(e.get(5)).isEqualTo(r.get(5));
			assertThat(e.get(4).text()).startsWith("127.0.0.1:");
		}
		both("CONFIG", "SET", "slowlog-max-len", "1");
		both("PING");
		assertThat(engineClient.call("SLOWLOG", "LEN")).isEqualTo(redisClient.call("SLOWLOG", "LEN"));
	}

	@Test
	void replyModesAreRedis() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.send(RespClient.encode("CLIENT", "REPLY", "SKIP"));
			c.send(RespClient.encode("ECHO", "skipped"));
			c.send(RespClient.encode("CLIENT", "REPLY", "OFF"));
			c.send(RespClient.encode("ECHO", "off"));
			c.send(RespClient.encode("NOSUCH"));
			c.send(RespClient.encode("CLIENT", "REPLY", "SKIP"));
			c.send(RespClient.encode("CLIENT", "REPLY", "FOO"));
		}
		assertThat(engineClient.call("CLIENT", "REPLY", "ON")).isEqualTo(redisClient.call("CLIENT", "REPLY", "ON"));
		assertThat(engineClient.call("ECHO", "on")).isEqualTo(redisClient.call("ECHO", "on"));
		// RESET turns replies back on (and answers), and keeps NO-EVICT
		both("CLIENT", "NO-EVICT", "on");
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.send(RespClient.encode("CLIENT", "REPLY", "OFF"));
		}
		assertThat(engineClient.call("RESET")).isEqualTo(redisClient.call("RESET"));
		assertThat(flags(engineClient)).isEqualTo(flags(redisClient)).isEqualTo("e");
		both("CLIENT", "NO-EVICT", "off");
	}

	private static String flags(RespClient c) {
		return Stream.of(c.call("CLIENT", "INFO").text().trim().split(" "))
			.filter(f -> f.startsWith("flags="))
			.findFirst()
			.orElseThrow()
			.substring("flags=".length());
	}

	@Test
	void killClosesTheConnectionsRedisCloses() {
		for (int port : List.of(engine.port(), REDIS.port())) {
			RespClient admin = new RespClient(port);
			RespClient victim = new RespClient(port);
			RespClient self = new RespClient(port);
			try {
				long victimId = Long.parseLong(victim.call("CLIENT", "ID").text());
				assertThat(admin.call("CLIENT", "KILL", "ID", Long.toString(victimId)).text()).isEqualTo("1");
				assertThat(victim.isClosedByServer()).isTrue();
				long selfId = Long.parseLong(self.call("CLIENT", "ID").text());
				assertThat(self.call("CLIENT", "KILL", "ID", Long.toString(selfId)).text()).isEqualTo("0");
				assertThat(self.call("CLIENT", "KILL", "ID", Long.toString(selfId), "SKIPME", "no").text())
					.isEqualTo("1");
				assertThat(self.isClosedByServer()).isTrue();
			}
			finally {
				admin.close();
				victim.close();
				self.close();
			}
		}
	}

	@Test
	void pauseWriteHoldsWritesOnBoth() {
		for (int port : List.of(engine.port(), REDIS.port())) {
			RespClient admin = new RespClient(port);
			RespClient writer = new RespClient(port);
			try {
				long writerId = Long.parseLong(writer.call("CLIENT", "ID").text());
				assertThat(admin.call("CLIENT", "PAUSE", "100000", "WRITE").text()).isEqualTo("OK");
				writer.send(RespClient.encode("SET", "paused", "1"));
				await(() -> admin.call("CLIENT", "LIST", "ID", Long.toString(writerId)).text().contains(" flags=b "));
				assertThat(admin.call("GET", "paused").isNull()).isTrue();
				assertThat(admin.call("CLIENT", "UNPAUSE").text()).isEqualTo("OK");
				assertThat(writer.read().text()).isEqualTo("OK");
				assertThat(admin.call("GET", "paused").text()).isEqualTo("1");
			}
			finally {
				admin.close();
				writer.close();
			}
		}
	}

	/**
	 * Redis counts the commands an EXEC queued (mstate.cmd_flags): a transaction that
	 * queued a write before a WRITE pause waits for its end, one that only reads does
	 * not.
	 */
	@Test
	void pauseWriteHoldsAnExecThatQueuedAWriteOnBoth() {
		Map<String, List<Resp>> seen = new LinkedHashMap<>();
		for (int port : List.of(engine.port(), REDIS.port())) {
			RespClient admin = new RespClient(port);
			RespClient writer = new RespClient(port);
			try {
				List<Resp> replies = new ArrayList<>();
				long writerId = Long.parseLong(writer.call("CLIENT", "ID").text());
				replies.add(writer.call("MULTI"));
				replies.add(writer.call("GET", "paused"));
				replies.add(admin.call("CLIENT", "PAUSE", "100000", "WRITE"));
				replies.add(writer.call("EXEC")); // reads only: runs during the pause
				replies.add(admin.call("CLIENT", "UNPAUSE"));
				replies.add(writer.call("MULTI"));
				replies.add(writer.call("SET", "paused", "1")); // queued before the pause
				replies.add(admin.call("CLIENT", "PAUSE", "100000", "WRITE"));
				writer.send(RespClient.encode("EXEC"));
				await(() -> admin.call("CLIENT", "LIST", "ID", Long.toString(writerId))
					.text()
					.matches("(?s).* flags=x?b .*")); // in MULTI and blocked
				replies.add(admin.call("GET", "paused"));
				replies.add(admin.call("CLIENT", "UNPAUSE"));
				replies.add(writer.read());
				replies.add(admin.call("GET", "paused"));
				seen.put(port == engine.port() ? "engine" : "redis", replies);
			}
			finally {
				admin.call("CLIENT", "UNPAUSE");
				admin.close();
				writer.close();
			}
		}
		assertThat(seen.get("engine")).isEqualTo(seen.get("redis"));
		assertThat(seen.get("redis").get(8).isNull()).as("no write during the pause").isTrue();
	}

	/**
	 * The idle timeout closes an idle client but spares subscribers, monitors (replicas
	 * to Redis) and blocked clients. The idle client's last command comes after the last
	 * line written to the monitor, and only admin commands, which MONITOR does not see,
	 * run after it; a client connected once the idle one is gone must be closed too
	 * before the survivors are counted, so every closing of the first round is done.
	 */
	@Test
	void timeoutSparesSubscribersMonitorsAndBlockedClientsAsRedis() {
		Map<String, List<String>> survivors = new LinkedHashMap<>();
		for (int port : List.of(engine.port(), REDIS.port())) {
			RespClient observer = port == engine.port() ? engineClient : redisClient;
			Map<String, RespClient> clients = new LinkedHashMap<>();
			Map<String, Long> ids = new LinkedHashMap<>();
			try {
				for (String role : List.of("idle", "subscriber", "monitor", "blocked")) {
					RespClient c = new RespClient(port);
					clients.put(role, c);
					ids.put(role, Long.parseLong(c.call("CLIENT", "ID").text()));
				}
				clients.get("monitor").call("MONITOR");
				clients.get("subscriber").call("SUBSCRIBE", "idle");
				clients.get("blocked").send(RespClient.encode("BLPOP", "idle:list", "0"));
				await(() -> observer.call("INFO", "clients").text().contains("blocked_clients:1\r\n"));
				clients.get("idle").call("CONFIG", "GET", "timeout");
				observer.call("CONFIG", "SET", "timeout", "1");
				await(() -> !listed(observer, ids.get("idle")));
				RespClient late = new RespClient(port);
				clients.put("late", late);
				late.call("CONFIG", "GET", "timeout"); // connected: the newest id is its
				long lateId = newestId(observer);
				await(() -> !listed(observer, lateId));
				survivors.put(port == engine.port() ? "engine" : "redis",
						ids.keySet().stream().filter(role -> listed(observer, ids.get(role))).toList());
			}
			finally {
				observer.call("CONFIG", "SET", "timeout", "0");
				clients.values().forEach(RespClient::close);
			}
		}
		assertThat(survivors.get("engine")).isEqualTo(survivors.get("redis"))
			.containsExactly("subscriber", "monitor", "blocked");
	}

	/**
	 * Output counts as interaction for the idle timeout (writeToClient): a RESP3 client
	 * tracking in BCAST mode that only receives invalidations stays while keys change,
	 * when one that receives nothing is closed, as is one connected after it went.
	 */
	@Test
	void timeoutSparesAClientThatKeepsReceivingAsRedis() {
		Map<String, Boolean> trackerSurvived = new LinkedHashMap<>();
		for (int port : List.of(engine.port(), REDIS.port())) {
			RespClient observer = port == engine.port() ? engineClient : redisClient;
			RespClient silent = new RespClient(port);
			RespClient tracker = new RespClient(port);
			RespClient late = null;
			try {
				long silentId = Long.parseLong(silent.call("CLIENT", "ID").text());
				long trackerId = Long.parseLong(tracker.call("CLIENT", "ID").text());
				tracker.call("HELLO", "3");
				tracker.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "idle:");
				observer.call("CONFIG", "SET", "timeout", "1");
				writeUntilGone(observer, silentId);
				late = new RespClient(port);
				late.call("CONFIG", "GET", "timeout");
				long lateId = newestId(observer);
				writeUntilGone(observer, lateId);
				trackerSurvived.put(port == engine.port() ? "engine" : "redis", listed(observer, trackerId));
			}
			finally {
				observer.call("CONFIG", "SET", "timeout", "0");
				silent.close();
				tracker.close();
				if (late != null) {
					late.close();
				}
			}
		}
		assertThat(trackerSurvived).containsEntry("engine", true).containsEntry("redis", true);
	}

	/** Changes a tracked key every 10 ms until the client is gone. */
	private static void writeUntilGone(RespClient writer, long id) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (listed(writer, id)) {
			assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
			writer.call("SET", "idle:key", "v");
			LockSupport.parkNanos(10_000_000); // a poll, not a timing
		}
	}

	private static long newestId(RespClient observer) {
		return observer.call("CLIENT", "LIST")
			.text()
			.lines()
			.mapToLong(l -> Long.parseLong(l.substring(3, l.indexOf(' '))))
			.max()
			.orElseThrow();
	}

	private static boolean listed(RespClient observer, long id) {
		return observer.call("CLIENT", "LIST").text().contains("id=" + id + " ");
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
			LockSupport.parkNanos(1_000_000); // a poll, not a timing
		}
	}

	@Test
	void maxClientsRefusalIsRedis() {
		both("CONFIG", "SET", "maxclients", "1");
		try (RespClient e = new RespClient(engine.port()); RespClient r = new RespClient(REDIS.port())) {
			assertThat(e.read()).isEqualTo(r.read());
			assertThat(e.isClosedByServer()).isTrue();
			assertThat(r.isClosedByServer()).isTrue();
		}
		finally {
			both("CONFIG", "SET", "maxclients", "10000");
		}
		assertThat(engineClient.call("INFO", "stats").text()).contains("rejected_connections:1\r\n");
		assertThat(redisClient.call("INFO", "stats").text()).contains("rejected_connections:1\r\n");
	}

}

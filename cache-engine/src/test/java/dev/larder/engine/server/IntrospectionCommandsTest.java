package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INFO's statistics, SLOWLOG, LATENCY and CLIENT's controls over RESP against the engine:
 * each test starts an engine of its own, so counters, pauses and limits start fresh.
 */
class IntrospectionCommandsTest {

	private Engine engine;

	private final List<RespClient> clients = new ArrayList<>();

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterEach
	void stop() {
		clients.forEach(RespClient::close);
		engine.close();
	}

	private RespClient connect() {
		RespClient c = new RespClient(engine.port());
		clients.add(c);
		return c;
	}

	private static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what);
			}
			LockSupport.parkNanos(1_000_000); // a poll, not a timing
		}
	}

	/** INFO's fields of a section, name to value. */
	private static Map<String, String> info(RespClient c, String section) {
		Map<String, String> fields = new LinkedHashMap<>();
		c.call("INFO", section).text().lines().filter(l -> l.contains(":")).forEach(l -> {
			int colon = l.indexOf(':');
			fields.put(l.substring(0, colon), l.substring(colon + 1));
		});
		return fields;
	}

	private static long id(RespClient c) {
		return Long.parseLong(c.call("CLIENT", "ID").text());
	}

	/** The CLIENT LIST line of client {@code id}, or null when it is not connected. */
	private static String listLine(RespClient observer, long id) {
		return observer.call("CLIENT", "LIST")
			.text()
			.lines()
			.filter(l -> l.startsWith("id=" + id + " "))
			.findFirst()
			.orElse(null);
	}

	private static Resp ok() {
		return new Resp('+', "OK", null);
	}

	@Test
	void commandStatsCountCallsRejectedAndFailedCallsAndResetStatClearsThem() {
		RespClient c = connect();
		c.call("SET", "k", "v");
		c.call("GET", "k");
		assertThat(c.call("INCR", "k").text()).isEqualTo("ERR value is not an integer or out of range");
		assertThat(c.call("GET").isError()).isTrue();
		c.call("CLIENT", "ID");
		Map<String, String> stats = info(c, "commandstats");
		assertThat(stats.get("cmdstat_set")).startsWith("calls=1,usec=").endsWith(",rejected_calls=0,failed_calls=0");
		assertThat(stats.get("cmdstat_get")).startsWith("calls=1,").endsWith(",rejected_calls=1,failed_calls=0");
		assertThat(stats.get("cmdstat_incr")).startsWith("calls=1,").endsWith(",rejected_calls=0,failed_calls=1");
		assertThat(stats.get("cmdstat_client|id")).startsWith("calls=1,");
		assertThat(info(c, "errorstats")).containsEntry("errorstat_ERR", "count=2");
		assertThat(info(c, "stats")).containsEntry("total_error_replies", "2");
		assertThat(info(c, "latencystats").get("latency_percentiles_usec_set"))
			.matches("p50=[0-9.]+,p99=[0-9.]+,p99.9=[0-9.]+");

		assertThat(c.call("CONFIG", "RESETSTAT")).isEqualTo(ok());
		assertThat(info(c, "commandstats")).containsOnlyKeys("cmdstat_config|resetstat");
		assertThat(info(c, "errorstats")).isEmpty();
		assertThat(info(c, "latencystats")).doesNotContainKey("latency_percentiles_usec_set");
	}

	@Test
	void latencyPercentilesFollowConfigAndTrackingCanBeTurnedOff() {
		RespClient c = connect();
		assertThat(c.call("CONFIG", "SET", "latency-tracking-info-percentiles", "50 99.99 0")).isEqualTo(ok());
		c.call("PING");
		assertThat(info(c, "latencystats").get("latency_percentiles_usec_ping"))
			.matches("p50=[0-9.]+,p99.99=[0-9.]+,p0=[0-9.]+");
		assertThat(c.call("CONFIG", "SET", "latency-tracking", "no")).isEqualTo(ok());
		c.call("ECHO", "x");
		assertThat(info(c, "latencystats")).doesNotContainKey("latency_percentiles_usec_echo");
		assertThat(info(c, "commandstats")).containsKey("cmdstat_echo");
	}

	@Test
	void latencyHistogramRepliesCumulativeBucketsPerCommand() {
		RespClient c = connect();
		c.call("SET", "k", "v");
		c.call("SET", "k", "v");
		Resp h = c.call("LATENCY", "HISTOGRAM", "set", "nosuch", "client");
		assertThat(h.items()).hasSize(2);
		assertThat(h.items().get(0).text()).isEqualTo("set");
		List<Resp> stats = h.items().get(1).items();
		assertThat(stats.get(0).text()).isEqualTo("calls");
		assertThat(stats.get(1).text()).isEqualTo("2");
		assertThat(stats.get(2).text()).isEqualTo("histogram_usec");
		List<Resp> buckets = stats.get(3).items();
		assertThat(buckets.get(buckets.size() - 1).text()).isEqualTo("2");
	}

	@Test
	void instantaneousOpsPerSecondIsSampledWhileCommandsRun() {
		RespClient c = connect();
		await("instantaneous_ops_per_sec is positive", () -> {
			for (int i = 0; i < 200; i++) {
				c.call("PING");
			}
			return Long.parseLong(info(c, "stats").get("instantaneous_ops_per_sec")) > 0;
		});
		Map<String, String> stats = info(c, "stats");
		assertThat(Long.parseLong(stats.get("total_net_input_bytes"))).isPositive();
		assertThat(Long.parseLong(stats.get("total_net_output_bytes"))).isPositive();
		assertThat(Long.parseLong(stats.get("total_reads_processed"))).isPositive();
	}

	@Test
	void infoPicksSectionsAsRedis() {
		RespClient c = connect();
		c.call("SET", "k", "v");
		List<String> headers = c.call("INFO").text().lines().filter(l -> l.startsWith("#")).toList();
		assertThat(headers).containsExactly("# Server", "# Clients", "# Memory", "# Persistence", "# Stats",
				"# Replication", "# CPU", "# Modules", "# Errorstats", "# Cluster", "# Keyspace");
		assertThat(c.call("INFO", "everything").text()).contains("# Commandstats", "# Latencystats");
		assertThat(c.call("INFO", "all").text()).contains("# Commandstats", "# Latencystats");
		assertThat(c.call("INFO", "keyspace", "SERVER").text().lines().filter(l -> l.startsWith("#")).toList())
			.containsExactly("# Server", "# Keyspace");
		assertThat(c.call("INFO", "nosuch").text()).isEmpty();
		Map<String, String> cpu = info(c, "cpu");
		assertThat(cpu.get("used_cpu_user")).matches("[0-9]+\\.[0-9]{6}");
		assertThat(info(c, "clients")).containsEntry("maxclients", "10000").containsEntry("blocked_clients", "0");
	}

	@Test
	void slowLogKeepsTrimmedArgumentsNewestFirst() {
		RespClient c = connect();
		c.call("CLIENT", "SETNAME", "slowpoke");
		assertThat(c.call("CONFIG", "SET", "slowlog-log-slower-than", "0")).isEqualTo(ok());
		assertThat(c.call("SLOWLOG", "RESET")).isEqualTo(ok());
		String[] args = new String[40];
		args[0] = "DEL";
		args[1] = "x".repeat(200);
		for (int i = 2; i < args.length; i++) {
			args[i] = "k" + i;
		}
		c.call(args);
		Resp entry = c.call("SLOWLOG", "GET", "1").items().get(0);
		assertThat(entry.items()).hasSize(6);
		List<Resp> argv = entry.items().get(3).items();
		assertThat(argv).hasSize(32);
		assertThat(argv.get(0).text()).isEqualTo("DEL");
		assertThat(argv.get(1).text()).isEqualTo("x".repeat(128) + "... (72 more bytes)");
		assertThat(argv.get(31).text()).isEqualTo("... (9 more arguments)");
		assertThat(entry.items().get(4).text()).startsWith("127.0.0.1:");
		assertThat(entry.items().get(5).text()).isEqualTo("slowpoke");

		c.call("AUTH", "default", "secret");
		Resp auth = c.call("SLOWLOG", "GET", "1").items().get(0).items().get(3);
		assertThat(auth.items()).extracting(Resp::text).containsExactly("AUTH", "(redacted)", "(redacted)");

		assertThat(c.call("CONFIG", "SET", "slowlog-max-len", "2")).isEqualTo(ok());
		c.call("PING");
		assertThat(c.call("SLOWLOG", "LEN").text()).isEqualTo("2");
		assertThat(c.call("SLOWLOG", "GET", "-1").items()).hasSize(2);
		assertThat(c.call("CONFIG", "SET", "slowlog-log-slower-than", "-1")).isEqualTo(ok());
		c.call("SLOWLOG", "RESET");
		c.call("PING");
		assertThat(c.call("SLOWLOG", "LEN").text()).isEqualTo("0");
	}

	@Test
	void latencyMonitorRecordsSpikesOverItsThreshold() {
		RespClient c = connect();
		assertThat(c.call("LATENCY", "DOCTOR").text()).startsWith("I'm sorry, Dave, I can't do that.");
		// a threshold that ordinary commands stay under even on a loaded machine (a 1 ms
		// one was crossed by CONFIG SET itself), and a script well over it
		assertThat(c.call("CONFIG", "SET", "latency-monitor-threshold", "50")).isEqualTo(ok());
		c.call("LATENCY", "RESET");
		assertThat(c.call("LATENCY", "DOCTOR").text()).startsWith("Dave, no latency spike was observed");
		c.call("EVAL", "local i = 0 while i < 20000000 do i = i + 1 end return i", "0");
		Resp latest = c.call("LATENCY", "LATEST");
		assertThat(latest.items()).extracting(event -> event.items().get(0).text()).contains("command");
		assertThat(c.call("LATENCY", "HISTORY", "command").items()).isNotEmpty();
		assertThat(c.call("LATENCY", "HISTORY", "nosuch").items()).isEmpty();
		assertThat(c.call("LATENCY", "GRAPH", "command").text()).startsWith("command - high ");
		assertThat(c.call("LATENCY", "DOCTOR").text()).startsWith("Dave, I have observed latency spikes")
			.contains("command: ");
		assertThat(c.call("LATENCY", "RESET", "command", "nosuch").text()).isEqualTo("1");
		assertThat(c.call("LATENCY", "GRAPH", "command").text())
			.isEqualTo("ERR No samples available for event 'command'");
	}

	@Test
	void pauseWriteHoldsWritesUntilUnpauseWhileReadsGoOn() {
		RespClient admin = connect();
		RespClient writer = connect();
		RespClient reader = connect();
		long writerId = id(writer);
		assertThat(admin.call("CLIENT", "PAUSE", "100000", "WRITE")).isEqualTo(ok());
		writer.send(RespClient.encode("SET", "k", "v"));
		await("the writer waits", () -> {
			String line = listLine(admin, writerId);
			return line != null && line.contains(" flags=b ") && line.contains(" cmd=set ");
		});
		assertThat(reader.call("GET", "k").isNull()).isTrue();
		assertThat(info(admin, "clients")).containsEntry("blocked_clients", "0");
		// a postponed client counts as unblocked, and waits on
		assertThat(admin.call("CLIENT", "UNBLOCK", Long.toString(writerId)).text()).isEqualTo("1");
		assertThat(admin.call("CLIENT", "UNPAUSE")).isEqualTo(ok());
		assertThat(writer.read()).isEqualTo(ok());
		assertThat(reader.call("GET", "k").text()).isEqualTo("v");
	}

	@Test
	void pauseAllHoldsEveryCommandUntilItsEnd() {
		RespClient admin = connect();
		RespClient other = connect();
		assertThat(admin.call("CLIENT", "PAUSE", "300", "ALL")).isEqualTo(ok());
		// an unknown command is refused before the pause applies
		assertThat(other.call("NOSUCH").isError()).isTrue();
		// the reply comes once the pause is over
		assertThat(other.call("PING").text()).isEqualTo("PONG");
		assertThat(admin.call("CLIENT", "PAUSE", "200", "ALL")).isEqualTo(ok());
		other.send(RespClient.encode("GET", "k"));
		// under ALL even UNPAUSE waits for the end
		admin.send(RespClient.encode("CLIENT", "UNPAUSE"));
		assertThat(other.read().isNull()).isTrue();
		assertThat(admin.read()).isEqualTo(ok());
	}

	@Test
	void replyOffSkipAndOn() {
		RespClient c = connect();
		c.send(RespClient.encode("CLIENT", "REPLY", "SKIP"));
		c.send(RespClient.encode("ECHO", "skipped"));
		assertThat(c.call("ECHO", "sent").text()).isEqualTo("sent");
		c.send(RespClient.encode("CLIENT", "REPLY", "OFF"));
		c.send(RespClient.encode("ECHO", "off"));
		c.send(RespClient.encode("NOSUCH"));
		c.send(RespClient.encode("CLIENT", "REPLY", "SKIP"));
		assertThat(c.call("CLIENT", "REPLY", "ON")).isEqualTo(ok());
		assertThat(c.call("ECHO", "on").text()).isEqualTo("on");
		assertThat(c.call("CLIENT", "REPLY", "MAYBE").text()).isEqualTo("ERR syntax error");
		// a SKIP before a blocking command skips the reply it gets when served
		c.send(RespClient.encode("CLIENT", "REPLY", "SKIP"));
		c.send(RespClient.encode("BLPOP", "list", "0"));
		RespClient pusher = connect();
		await("the client blocks", () -> info(pusher, "clients").get("blocked_clients").equals("1"));
		pusher.call("RPUSH", "list", "a");
		assertThat(c.call("ECHO", "after").text()).isEqualTo("after");
	}

	@Test
	void killByFiltersAndOldForm() {
		RespClient admin = connect();
		RespClient a = connect();
		RespClient b = connect();
		long aId = id(a);
		String bLine = listLine(admin, id(b));
		String bAddr = bLine.split(" ")[1].substring("addr=".length());
		assertThat(admin.call("CLIENT", "KILL", "ID", Long.toString(aId)).text()).isEqualTo("1");
		assertThat(a.isClosedByServer()).isTrue();
		assertThat(admin.call("CLIENT", "KILL", bAddr)).isEqualTo(ok());
		assertThat(b.isClosedByServer()).isTrue();
		assertThat(admin.call("CLIENT", "KILL", bAddr).text()).isEqualTo("ERR No such client");
		RespClient c = connect();
		RespClient d = connect();
		id(c);
		id(d);
		assertThat(admin.call("CLIENT", "KILL", "TYPE", "pubsub").text()).isEqualTo("0");
		assertThat(admin.call("CLIENT", "KILL", "TYPE", "normal", "USER", "default").text()).isEqualTo("2");
		assertThat(c.isClosedByServer()).isTrue();
		assertThat(d.isClosedByServer()).isTrue();
		String self = listLine(admin, id(admin));
		String laddr = self.split(" ")[2].substring("laddr=".length());
		assertThat(admin.call("CLIENT", "KILL", "LADDR", laddr).text()).isEqualTo("0");
		assertThat(admin.call("CLIENT", "KILL", "LADDR", laddr, "SKIPME", "no").text()).isEqualTo("1");
		assertThat(admin.isClosedByServer()).isTrue();
	}

	@Test
	void listFiltersByTypeAndIds() {
		RespClient a = connect();
		RespClient b = connect();
		long aId = id(a);
		long bId = id(b);
		String byIds = a.call("CLIENT", "LIST", "ID", Long.toString(bId), "999", Long.toString(aId)).text();
		assertThat(byIds.lines().map(l -> l.split(" ")[0]).toList()).containsExactly("id=" + bId, "id=" + aId);
		assertThat(a.call("CLIENT", "LIST", "TYPE", "normal").text().lines()).hasSize(2);
		assertThat(a.call("CLIENT", "LIST", "TYPE", "replica").text()).isEmpty();
		assertThat(a.call("CLIENT", "LIST", "TYPE", "pubsub").text()).isEmpty();
		assertThat(a.call("CLIENT", "NO-EVICT", "on")).isEqualTo(ok());
		assertThat(a.call("CLIENT", "SETINFO", "lib-name", "larder")).isEqualTo(ok());
		assertThat(a.call("CLIENT", "INFO").text()).contains(" flags=e ", " cmd=client|info ", " lib-name=larder ");
		assertThat(a.call("CLIENT", "SETINFO", "nosuch", "a b").text()).isEqualTo("ERR Unrecognized option 'nosuch'");
		assertThat(a.call("CLIENT", "SETINFO", "LIB-VER", "a b").text())
			.isEqualTo("ERR LIB-VER cannot contain spaces, newlines or special characters.");
	}

	@Test
	void unblockWithTimeoutOrError() {
		RespClient admin = connect();
		RespClient blocked = connect();
		long blockedId = id(blocked);
		blocked.send(RespClient.encode("BLPOP", "list", "0"));
		await("the client blocks", () -> info(admin, "clients").get("blocked_clients").equals("1"));
		assertThat(admin.call("CLIENT", "UNBLOCK", Long.toString(blockedId)).text()).isEqualTo("1");
		assertThat(blocked.read().isNull()).isTrue();
		blocked.send(RespClient.encode("BLPOP", "list", "0"));
		await("the client blocks again", () -> info(admin, "clients").get("blocked_clients").equals("1"));
		assertThat(admin.call("CLIENT", "UNBLOCK", Long.toString(blockedId), "ERROR").text()).isEqualTo("1");
		assertThat(blocked.read().text()).isEqualTo("UNBLOCKED client unblocked via CLIENT UNBLOCK");
		assertThat(admin.call("CLIENT", "UNBLOCK", Long.toString(blockedId)).text()).isEqualTo("0");
		assertThat(info(admin, "errorstats")).containsEntry("errorstat_UNBLOCKED", "count=1");
	}

	@Test
	void maxClientsRefusesWithRedisErrorAndCountsIt() {
		RespClient admin = connect();
		assertThat(admin.call("CONFIG", "SET", "maxclients", "1")).isEqualTo(ok());
		RespClient refused = connect();
		assertThat(refused.read().text()).isEqualTo("ERR max number of clients reached");
		assertThat(refused.isClosedByServer()).isTrue();
		assertThat(info(admin, "stats")).containsEntry("rejected_connections", "1");
		assertThat(admin.call("CONFIG", "GET", "maxclients").items().get(1).text()).isEqualTo("1");
	}

	@Test
	void timeoutClosesIdleClientsButNotBlockedOnes() {
		RespClient admin = connect();
		RespClient idle = connect();
		RespClient blocked = connect();
		long idleId = id(idle);
		long blockedId = id(blocked);
		blocked.send(RespClient.encode("BLPOP", "list", "0"));
		await("the client blocks", () -> info(admin, "clients").get("blocked_clients").equals("1"));
		assertThat(admin.call("CONFIG", "SET", "timeout", "1")).isEqualTo(ok());
		RespClient observer = connect();
		await("the idle client is closed", () -> {
			observer.call("PING"); // the observer stays active
			return listLine(observer, idleId) == null;
		});
		assertThat(listLine(observer, blockedId)).isNotNull();
		assertThat(idle.isClosedByServer()).isTrue();
	}

	@Test
	void clientListShowsSubscriptionsTransactionsAndPendingOutput() {
		RespClient subscriber = connect();
		subscriber.call("CLIENT", "SETNAME", "sub");
		subscriber.call("SUBSCRIBE", "a", "b");
		subscriber.call("PSUBSCRIBE", "p*");
		RespClient tx = connect();
		tx.call("CLIENT", "SETNAME", "tx");
		tx.call("WATCH", "k");
		tx.call("MULTI");
		tx.call("SET", "k", "v");
		tx.call("GET", "k");
		RespClient other = connect();
		other.call("SET", "k", "changed");
		String list = other.call("CLIENT", "LIST").text();
		String sub = list.lines().filter(l -> l.contains(" name=sub ")).findFirst().orElseThrow();
		assertThat(sub).contains(" flags=P ", " sub=2 ", " psub=1 ", " ssub=0 ", " multi=-1 ");
		String txLine = list.lines().filter(l -> l.contains(" name=tx ")).findFirst().orElseThrow();
		assertThat(txLine).contains(" flags=xd ", " multi=2 ", " sub=0 ");
		assertThat(other.call("CLIENT", "LIST", "TYPE", "pubsub").text()).contains(" name=sub ")
			.doesNotContain(" name=tx ");
		Map<String, String> stats = info(other, "stats");
		assertThat(stats).containsEntry("pubsub_channels", "2").containsEntry("pubsub_patterns", "1");
	}

}

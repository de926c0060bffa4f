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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONFIG against a real redis-server 7.0.15: the same parameter names, the same defaults
 * for every parameter the engine does not own, the same CONFIG SET replies (and values
 * read back) for each parameter type over edge values, the same error precedence and
 * all-or-nothing semantics over several pairs, aliases, hidden parameters, RESP2 and
 * RESP3 shapes, and the same HELP, REWRITE and RESETSTAT. Where the engine answers
 * differently on purpose, {@link #expectedDifference} says why and checks the engine's
 * own reply instead.
 */
class ConfigDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	/**
	 * Defaults that differ and why: each server listens on its own free port; Redis runs
	 * in the test's temporary directory, the engine reports the JVM's working directory;
	 * io-threads is the engine's Netty event-loop count; the test's redis-server is
	 * started with --enable-debug-command local (the engine has no DEBUG, so it keeps
	 * Redis's default, no).
	 */
	private static final Set<String> OWN_DEFAULTS = Set.of("port", "dir", "io-threads", "enable-debug-command");

	private static final String REFUSED = "the embedded engine ";

	private static Engine engine;

	private static RespClient engineClient;

	private static RespClient redisClient;

	private static Map<String, String> redisDefaults;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		engineClient = new RespClient(engine.port());
		redisClient = new RespClient(REDIS.port());
		redisDefaults = configMap(redisClient.call("CONFIG", "GET", "*"));
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

	/** Puts one parameter back to Redis's default on both servers. */
	private static void restore(String parameter) {
		String initial = redisDefaults.get(parameter);
		if (initial == null || OWN_DEFAULTS.contains(parameter)) {
			return;
		}
		for (RespClient c : List.of(engineClient, redisClient)) {
			Resp now = c.call("CONFIG", "GET", parameter);
			if (!now.items().get(1).text().equals(initial)) {
				assertThat(c.call("CONFIG", "SET", parameter, initial).text()).as("restoring %s", parameter)
					.isEqualTo("OK");
			}
		}
	}

	/** Puts back every modifiable parameter a test changed, on both servers. */
	@AfterEach
	void restoreDefaults() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("HELLO", "2");
			Map<String, String> now = configMap(c.call("CONFIG", "GET", "*"));
			now.forEach((name, value) -> {
				String initial = redisDefaults.get(name);
				if (!OWN_DEFAULTS.contains(name) && !value.equals(initial)) {
					assertThat(c.call("CONFIG", "SET", name, initial).text()).as("restoring %s", name).isEqualTo("OK");
				}
			});
		}
	}

	@Test
	void everyRedisParameterExistsUnderTheSameName() {
		Map<String, String> engineAll = configMap(engineClient.call("CONFIG", "GET", "*"));
		assertThat(new TreeSet<>(engineAll.keySet())).isEqualTo(new TreeSet<>(redisDefaults.keySet()));
	}

	@Test
	void defaultsAreRedisForEveryParameterTheEngineDoesNotOwn() {
		Map<String, String> engineAll = new TreeMap<>(configMap(engineClient.call("CONFIG", "GET", "*")));
		Map<String, String> redisAll = new TreeMap<>(redisDefaults);
		engineAll.keySet().removeAll(OWN_DEFAULTS);
		redisAll.keySet().removeAll(OWN_DEFAULTS);
		assertThat(engineAll).isEqualTo(redisAll);
		assertThat(engineClient.call("CONFIG", "GET", "port").items().get(1).text())
			.isEqualTo(Integer.toString(engine.port()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "use-exit-on-panic", "rdb-key-save-delay", "key-load-delay", "watchdog-period",
			"loading-process-events-interval-bytes", "USE-EXIT-ON-PANIC", "*panic*", "*delay*", "*-bytes" })
	void hiddenParametersAnswerOnlyTheirExactName(String pattern) {
		assertThat(configMap(engineClient.call("CONFIG", "GET", pattern)))
			.isEqualTo(configMap(redisClient.call("CONFIG", "GET", pattern)));
	}

	/** Patterns and exact names, several per call, aliases and odd cases included. */
	static Stream<String> getPatterns() {
		return Stream.of("*", "*max*", "*ziplist*", "*listpack*", "slave*", "replica*", "h?", "HZ", "hz HZ Hz",
				"Hash-Max-Ziplist-Entries", "hash-max-ziplist-entries hash-max-listpack-entries", "lua-time-limit",
				"busy-reply-threshold lua-time-limit", "slaveof replicaof", "[a-c]*", "[^a-y]*", "*-*-*-*-*",
				"maxmemory*", "maxmemory *", "* maxmemory", "nosuch", "nosuch hz", "", "\\h*", "*[", "save appendonly",
				"tls-*", "*cpulist", "*_*", "MAXMEMORY-POLICY maxmemory-policy");
	}

	@ParameterizedTest
	@MethodSource("getPatterns")
	void getAnswersTheNamesRedisAnswers(String patterns) {
		String[] args = command("CONFIG GET", patterns);
		Map<String, String> engineReply = configMap(engineClient.call(args));
		Map<String, String> redisReply = configMap(redisClient.call(args));
		engineReply.keySet().removeAll(OWN_DEFAULTS);
		redisReply.keySet().removeAll(OWN_DEFAULTS);
		assertThat(engineReply).isEqualTo(redisReply);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void getRepliesWithRedisShape(int protocol) {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("HELLO", Integer.toString(protocol));
		}
		for (String patterns : List.of("maxmemory", "maxmemory maxmemory-policy hz", "nosuch", "HZ", "*ziplist*")) {
			Resp engineReply = engineClient.call(command("CONFIG GET", patterns));
			Resp redisReply = redisClient.call(command("CONFIG GET", patterns));
			assertThat(engineReply.type()).as(patterns).isEqualTo(protocol == 3 ? '%' : '*');
			assertThat(engineReply.type()).as(patterns).isEqualTo(redisReply.type());
			assertThat(configMap(engineReply)).as(patterns).isEqualTo(configMap(redisReply));
		}
	}

	/**
	 * A few parameters of each type Redis's table has: bool, enum, flag enum, int,
	 * unsigned, long long, size_t, ssize_t with percent, time_t, off_t, memory values,
	 * strings with validators, the special ones, immutable and protected ones; with the
	 * engine's own settings and its refusals among them.
	 */
	static Stream<String> parameters() {
		return Stream.of("rdbcompression", "activerehashing", "appendonly", "activedefrag", "replica-read-only",
				"loglevel", "appendfsync", "acl-pubsub-default", "maxmemory-policy", "repl-diskless-load",
				"shutdown-on-sigterm", "hz", "list-max-listpack-size", "active-expire-effort", "tcp-keepalive",
				"lfu-log-factor", "lfu-decay-time", "maxmemory-eviction-tenacity", "maxmemory-samples", "timeout",
				"repl-timeout", "replica-announce-port", "maxclients", "slowlog-max-len", "slowlog-log-slower-than",
				"busy-reply-threshold", "lua-time-limit", "proto-max-bulk-len", "stream-node-max-entries", "maxmemory",
				"cluster-link-sendbuf-limit", "hash-max-listpack-entries", "hash-max-ziplist-value",
				"set-max-intset-entries", "zset-max-listpack-value", "client-query-buffer-limit",
				"active-defrag-ignore-bytes", "maxmemory-clients", "repl-backlog-ttl", "auto-aof-rewrite-min-size",
				"repl-backlog-size", "min-replicas-to-write", "tls-port", "requirepass", "masteruser",
				"ignore-warnings", "proc-title-template", "cluster-announce-hostname", "save",
				"client-output-buffer-limit", "oom-score-adj-values", "notify-keyspace-events",
				"latency-tracking-info-percentiles", "daemonize", "databases", "unixsocketperm", "replicaof", "dir",
				"dbfilename", "io-threads");
	}

	/** Edge values first (empty, signs, overflow, units, percents), then typical ones. */
	private static final List<String> VALUES = List.of("", "-1", "-0", "0", "+1", "01", " 1", "1 ", "x", "1.5", "1k",
			"1kb", "1KB", "1m", "1mb", "1g", "1gb", "1tb", "1b", "0%", "50%", "101%", "-5%", "%", "2147483647",
			"2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807",
			"9223372036854775808", "-9223372036854775808", "18446744073709551615", "18446744073709551616",
			"99999999999999999999", "17179869184gb", "0x10", "1e3", "1", "7", "65", "100", "yes", "YES", "no", "y",
			"true", "nosave now", "save nosave", "now default", "allkeys-lru", "allkeys-tinylfu", "Everysec", "bogus",
			"a b", "{title} {port}", "{title}", "{nope}", "host.example-1", "host_1", "3600 1 300 100", "1 1 1",
			"pubsub 64mb 16mb 120", "normal 1 1", "master 0 0 0", "-100 100 1000", "1 2", "KEA", "K", "Kx", "Q",
			"50 99", "99.99999999", "101", "1 -1");

	@ParameterizedTest
	@MethodSource("parameters")
	void setRepliesAndReadsBackLikeRedis(String parameter) {
		SoftAssertions soft = new SoftAssertions();
		for (String value : VALUES) {
			if (parameter.equals("maxclients") && value.matches("\\d{6,}")) {
				// Redis lowers its descriptor limit 16 at a time towards a huge
				// maxclients,
				// minutes of system calls before it answers the error
				continue;
			}
			Resp engineReply = engineClient.call("CONFIG", "SET", parameter, value);
			Resp redisReply = redisClient.call("CONFIG", "SET", parameter, value);
			String why = expectedDifference(parameter, value, engineReply, redisReply);
			if (why == null) {
				soft.assertThat(engineReply).as("CONFIG SET %s '%s'", parameter, value).isEqualTo(redisReply);
				if (!OWN_DEFAULTS.contains(parameter)) {
					soft.assertThat(configMap(engineClient.call("CONFIG", "GET", parameter)))
						.as("after CONFIG SET %s '%s'", parameter, value)
						.isEqualTo(configMap(redisClient.call("CONFIG", "GET", parameter)));
				}
			}
			restore(parameter);
		}
		soft.assertAll();
	}

	/**
	 * Null when the engine must answer exactly what Redis answers; otherwise why it does
	 * not, after checking that the engine's answer is the one it gives on purpose.
	 */
	private static String expectedDifference(String parameter, String value, Resp engineReply, Resp redisReply) {
		String engineError = engineReply.isError() ? engineReply.text() : "";
		if (engineError.contains(REFUSED)) {
			// a refusal comes after the type's own checks, which Redis then passed
			assertThat(redisReply.text()).as("Redis on %s '%s'", parameter, value)
				.isIn("OK", "ERR CONFIG SET failed (possibly related to argument '" + parameter
						+ "') - Unable to update TLS configuration. Check server logs.");
			return "the engine does not do what this value turns on";
		}
		if (parameter.equals("maxmemory-samples")
				&& engineError.endsWith("argument must be between 1 and 64 inclusive")) {
			assertThat(redisReply.text()).isIn("OK", engineError.replace(" 64 ", " 2147483647 "));
			return "the engine's evictor samples at most 64 keys; Redis allows up to INT_MAX";
		}
		if (parameter.equals("maxmemory-policy") && engineError.endsWith(", allkeys-tinylfu, volatile-tinylfu")) {
			assertThat(redisReply.text()).isEqualTo(engineError.replace(", allkeys-tinylfu, volatile-tinylfu", ""));
			return "the engine also lists its own allkeys-tinylfu and volatile-tinylfu";
		}
		if (parameter.equals("maxmemory-policy") && value.endsWith("tinylfu")) {
			assertThat(engineReply.text()).isEqualTo("OK");
			return "the engine's own policies, which Redis does not have";
		}
		if (parameter.equals("maxclients") && redisReply.isError()
				&& redisReply.text().contains("The operating system is not able to handle")) {
			assertThat(engineReply.text()).isEqualTo("OK");
			return "Redis sizes maxclients to its file descriptor limit; the engine keeps the value";
		}
		return null;
	}

	/** Error precedence and all-or-nothing over several pairs. */
	static Stream<String> multiPairCommands() {
		return Stream.of("hz 5 x", "hz 20 maxmemory-samples 7 tcp-keepalive x", "hz 20 HZ 21",
				"hash-max-ziplist-entries 100 hash-max-listpack-entries 200",
				"hash-max-listpack-entries 200 hash-max-ziplist-entries 100", "nosuch 1 hz x", "hz x nosuch 1",
				"daemonize no nosuch 1", "nosuch 1 daemonize no", "hz x daemonize no", "daemonize no hz x",
				"hz 1 daemonize no hz 3", "hz 3 hz 4 daemonize no", "HASH-MAX-ZIPLIST-ENTRIES x", "Hz x", "dir /tmp",
				"dbfilename x", "maxmemory 10mb maxmemory-policy allkeys-lru maxmemory-samples 10",
				"maxmemory 10mb maxmemory-eviction-tenacity 101", "maxmemory 10mb lfu-log-factor -1",
				"save '' appendonly no", "notify-keyspace-events '' hz 11",
				"client-output-buffer-limit 'normal 1 2 3' hz x", "tcp-keepalive 1 tcp-keepalive 2",
				"lua-time-limit 100 busy-reply-threshold 200", "busy-reply-threshold 200 lua-time-limit 100",
				"slaveof 'no one'", "replicaof x");
	}

	@ParameterizedTest
	@MethodSource("multiPairCommands")
	void setOfSeveralPairsIsAllOrNothingLikeRedis(String pairs) {
		String[] args = command("CONFIG SET", pairs);
		assertThat(engineClient.call(args)).isEqualTo(redisClient.call(args));
		List<String> names = new ArrayList<>();
		for (int i = 2; i < args.length; i += 2) {
			if (!OWN_DEFAULTS.contains(args[i])) {
				names.add(args[i]);
			}
		}
		String[] get = command("CONFIG GET", String.join(" ", names));
		assertThat(configMap(engineClient.call(get))).isEqualTo(configMap(redisClient.call(get)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "CONFIG HELP", "CONFIG REWRITE", "CONFIG RESETSTAT", "CONFIG", "CONFIG GET", "CONFIG FOO",
			"CONFIG SET a", "CONFIG RESETSTAT x", "CONFIG REWRITE x", "CONFIG HELP x", "config help" })
	void subcommandsAndArityLikeRedis(String command) {
		String[] args = command.split(" ");
		assertThat(engineClient.call(args)).isEqualTo(redisClient.call(args));
	}

	/**
	 * The encoding limits decide OBJECT ENCODING as they do in Redis: at each insertion,
	 * under the limits of that moment, never converting back; store commands build their
	 * results under them too. Only replies whose order does not depend on Redis's seeded
	 * hash are compared.
	 */
	static Stream<List<String>> encodingScripts() {
		return Stream.of(
				List.of("CONFIG SET hash-max-ziplist-entries 2", "HSET h a 1 b 2", "OBJECT ENCODING h", "HGETALL h",
						"HSET h c 3", "OBJECT ENCODING h", "HLEN h"),
				List.of("CONFIG SET hash-max-listpack-value 3", "HSET h f abc", "OBJECT ENCODING h", "HSET h g abcd",
						"OBJECT ENCODING h", "HSET h2 abcd 1", "OBJECT ENCODING h2"),
				List.of("CONFIG SET hash-max-listpack-entries 0", "HSET h a 1", "OBJECT ENCODING h"),
				List.of("HSET h a 1 b 2 c 3", "CONFIG SET hash-max-listpack-entries 1", "OBJECT ENCODING h",
						"HGETALL h", "HSET h d 4", "OBJECT ENCODING h", "CONFIG SET hash-max-listpack-entries 512",
						"HDEL h a b c", "OBJECT ENCODING h"),
				List.of("CONFIG SET set-max-intset-entries 2", "SADD s 3 1", "OBJECT ENCODING s", "SMEMBERS s",
						"SADD s 2", "OBJECT ENCODING s", "SCARD s"),
				List.of("CONFIG SET set-max-intset-entries 0", "SADD s 1", "OBJECT ENCODING s"),
				List.of("SADD a 5 1 3", "SADD b 4 2", "CONFIG SET set-max-intset-entries 4", "SUNION a a",
						"SUNIONSTORE u a b", "OBJECT ENCODING u", "SINTERSTORE i a a", "OBJECT ENCODING i",
						"SDIFFSTORE d a b", "OBJECT ENCODING d", "SMOVE a m 1", "OBJECT ENCODING m",
						"CONFIG SET set-max-intset-entries 3", "SUNIONSTORE u2 a b", "OBJECT ENCODING u2",
						"SMEMBERS d"),
				List.of("CONFIG SET zset-max-ziplist-entries 1", "ZADD z 1 a", "OBJECT ENCODING z", "ZADD z 2 b",
						"OBJECT ENCODING z", "ZRANGE z 0 -1 WITHSCORES"),
				List.of("CONFIG SET zset-max-listpack-value 2", "ZADD z 1 ab", "OBJECT ENCODING z", "ZADD z 2 abc",
						"OBJECT ENCODING z", "ZINCRBY y 1 abc", "OBJECT ENCODING y"),
				List.of("ZADD z 1 a 2 b 3 c", "CONFIG SET zset-max-listpack-entries 2", "OBJECT ENCODING z",
						"ZUNIONSTORE u 1 z", "OBJECT ENCODING u", "ZRANGESTORE r z 0 -1", "OBJECT ENCODING r",
						"ZRANGESTORE r2 z 0 1", "OBJECT ENCODING r2", "ZRANGESTORE r3 z 0 5 BYSCORE",
						"OBJECT ENCODING r3", "ZINTERSTORE i 1 z", "OBJECT ENCODING i", "ZDIFFSTORE d 1 z",
						"OBJECT ENCODING d", "SADD s 1 2 3", "ZUNIONSTORE zs 1 s", "OBJECT ENCODING zs",
						"CONFIG SET zset-max-listpack-entries 128", "ZUNIONSTORE u 1 z", "OBJECT ENCODING u"),
				List.of("HSET h a 1", "SADD s 1", "ZADD z 1 a", "CONFIG SET hash-max-listpack-entries 0",
						"CONFIG SET set-max-intset-entries 0", "CONFIG SET zset-max-listpack-entries 0", "COPY h h2",
						"OBJECT ENCODING h2", "COPY s s2", "OBJECT ENCODING s2", "COPY z z2", "OBJECT ENCODING z2"));
	}

	@ParameterizedTest
	@MethodSource("encodingScripts")
	void encodingLimitsDecideObjectEncodingLikeRedis(List<String> script) {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("FLUSHALL");
		}
		try {
			for (String command : script) {
				String[] args = command.split(" ");
				assertThat(engineClient.call(args)).as(command).isEqualTo(redisClient.call(args));
			}
		}
		finally {
			engineClient.call("FLUSHALL");
			redisClient.call("FLUSHALL");
		}
	}

	@Test
	void resetStatZeroesWhatRedisZeroes() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("SET", "k", "v");
			c.call("GET", "k");
			c.call("GET", "missing");
			c.call("INCR", "k");
			c.call("CONFIG", "RESETSTAT");
		}
		Map<String, String> engineStats = info(engineClient.call("INFO", "stats"));
		Map<String, String> redisStats = info(redisClient.call("INFO", "stats"));
		for (String field : List.of("total_connections_received", "total_commands_processed", "rejected_connections",
				"expired_keys", "evicted_keys", "keyspace_hits", "keyspace_misses", "total_error_replies")) {
			assertThat(engineStats.get(field)).as(field).isEqualTo(redisStats.get(field));
		}
		assertThat(info(engineClient.call("INFO", "clients")).get("connected_clients")).isEqualTo("1");
		engineClient.call("FLUSHALL");
		redisClient.call("FLUSHALL");
	}

	/** A CONFIG GET reply (RESP2 pairs or a RESP3 map) as name to value. */
	private static Map<String, String> configMap(Resp reply) {
		assertThat(reply.isError()).as("%s", reply).isFalse();
		Map<String, String> out = new LinkedHashMap<>();
		List<Resp> items = reply.items();
		for (int i = 0; i < items.size(); i += 2) {
			assertThat(out.put(items.get(i).text(), items.get(i + 1).text())).as("duplicate %s", items.get(i).text())
				.isNull();
		}
		return out;
	}

	private static Map<String, String> info(Resp reply) {
		Map<String, String> out = new LinkedHashMap<>();
		reply.text().lines().filter(l -> l.contains(":")).forEach(l -> {
			int colon = l.indexOf(':');
			out.put(l.substring(0, colon), l.substring(colon + 1));
		});
		return out;
	}

	/**
	 * A command from its words and space-separated arguments, where '' is an empty
	 * argument and 'a b' one argument with a space.
	 */
	private static String[] command(String head, String arguments) {
		List<String> out = new ArrayList<>(List.of(head.split(" ")));
		if (arguments.isEmpty()) {
			out.add("");
			return out.toArray(new String[0]);
		}
		StringBuilder quoted = null;
		for (String word : arguments.split(" ", -1)) {
			if (quoted != null) {
				quoted.append(' ').append(word);
				if (word.endsWith("'")) {
					out.add(quoted.substring(1, quoted.length() - 1));
					quoted = null;
				}
			}
			else if (word.startsWith("'") && (word.length() == 1 || !word.endsWith("'"))) {
				quoted = new StringBuilder(word);
			}
			else if (word.startsWith("'")) {
				out.add(word.substring(1, word.length() - 1));
			}
			else {
				out.add(word);
			}
		}
		return out.toArray(new String[0]);
	}

}

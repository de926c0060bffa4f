package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DEBUG against a real redis-server started with enable-debug-command local (the tests
 * connect over loopback): every subcommand's replies and errors, the gate, DIGEST and
 * DIGEST-VALUE equality over datasets of every type, PROTOCOL in RESP2 and RESP3, DEBUG
 * OBJECT's line, and SAVE, BGSAVE and BGREWRITEAOF with what INFO persistence and
 * LASTSAVE show after them.
 */
class DebugDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).parameter("enable-debug-command", "local").build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	@BeforeEach
	void flush() {
		for (int port : ports()) {
			try (RespClient c = new RespClient(port)) {
				c.call("FLUSHALL");
				c.call("DEBUG", "SET-ACTIVE-EXPIRE", "1");
			}
		}
	}

	private static int[] ports() {
		return new int[] { engine.port(), REDIS.port() };
	}

	static Stream<String> commands() {
		return Stream.of("DEBUG", "DEBUG HELP", "DEBUG help", "DEBUG HELP x", "DEBUG nope", "DEBUG nope x",
				"DEBUG SLEEP", "DEBUG SLEEP 0", "DEBUG SLEEP 0 0", "DEBUG SLEEP -1", "DEBUG SLEEP abc",
				"DEBUG SLEEP 0.01", "DEBUG SLEEP 1e-3", "DEBUG SLEEP 0x10p-10", "DEBUG SET-ACTIVE-EXPIRE",
				"DEBUG SET-ACTIVE-EXPIRE 1", "DEBUG set-active-expire x", "DEBUG SET-ACTIVE-EXPIRE 1 2",
				"DEBUG QUICKLIST-PACKED-THRESHOLD 100", "DEBUG QUICKLIST-PACKED-THRESHOLD 1kb",
				"DEBUG QUICKLIST-PACKED-THRESHOLD 0", "DEBUG QUICKLIST-PACKED-THRESHOLD 5gb",
				"DEBUG QUICKLIST-PACKED-THRESHOLD 4095mb", "DEBUG QUICKLIST-PACKED-THRESHOLD 4gb",
				"DEBUG QUICKLIST-PACKED-THRESHOLD x", "DEBUG QUICKLIST-PACKED-THRESHOLD -1",
				"DEBUG QUICKLIST-PACKED-THRESHOLD 1g", "DEBUG QUICKLIST-PACKED-THRESHOLD",
				"DEBUG SET-SKIP-CHECKSUM-VALIDATION 0", "DEBUG SET-SKIP-CHECKSUM-VALIDATION", "DEBUG AOF-FLUSH-SLEEP 0",
				"DEBUG AOF-FLUSH-SLEEP", "DEBUG SET-DISABLE-DENY-SCRIPTS 0", "DEBUG SET-DISABLE-DENY-SCRIPTS",
				"DEBUG PAUSE-CRON 0", "DEBUG PAUSE-CRON", "DEBUG REPLYBUFFER PEAK-RESET-TIME NEVER",
				"DEBUG REPLYBUFFER PEAK-RESET-TIME RESET", "DEBUG REPLYBUFFER PEAK-RESET-TIME 100",
				"DEBUG REPLYBUFFER PEAK-RESET-TIME x", "DEBUG REPLYBUFFER RESIZING 1", "DEBUG REPLYBUFFER RESIZING x",
				"DEBUG REPLYBUFFER FOO 1", "DEBUG REPLYBUFFER RESIZING", "DEBUG LOG hello", "DEBUG LOG",
				"DEBUG LOG a b", "DEBUG LEAK x", "DEBUG LEAK", "DEBUG CHANGE-REPL-ID", "DEBUG CHANGE-REPL-ID x",
				"DEBUG STRINGMATCH-TEST x", "DEBUG STRINGMATCH-LEN", "DEBUG JMAP", "DEBUG ERROR oops",
				"DEBUG ERROR ERR␠custom␠error", "DEBUG ERROR", "DEBUG REPLICATE set␠a␠b", "DEBUG REPLICATE",
				"DEBUG DROP-CLUSTER-PACKET-FILTER 1", "DEBUG DROP-CLUSTER-PACKET-FILTER x",
				"DEBUG CLUSTERLINK KILL all x", "DEBUG CLUSTERLINK KILL all", "DEBUG OBJECT", "DEBUG OBJECT nokey",
				"DEBUG OBJECT a b", "DEBUG SDSLEN nokey", "DEBUG SDSLEN", "DEBUG LISTPACK nokey", "DEBUG LISTPACK",
				"DEBUG QUICKLIST nokey", "DEBUG QUICKLIST nokey 1", "DEBUG QUICKLIST a 1 2", "DEBUG DIGEST x",
				"DEBUG DIGEST", "DEBUG DIGEST-VALUE", "DEBUG DIGEST-VALUE nokey other", "DEBUG PROTOCOL",
				"DEBUG PROTOCOL nope", "DEBUG PROTOCOL string x", "DEBUG POPULATE", "DEBUG POPULATE x",
				"DEBUG POPULATE -1", "DEBUG POPULATE 0", "DEBUG POPULATE 3 p -1", "DEBUG POPULATE 3 p x",
				"DEBUG POPULATE 1 a b c", "DEBUG RELOAD", "DEBUG RELOAD nosave", "DEBUG RELOAD MERGE NOFLUSH NOSAVE",
				"DEBUG RELOAD foo", "DEBUG HTSTATS x", "DEBUG HTSTATS 99", "DEBUG HTSTATS -1",
				"DEBUG HTSTATS-KEY nokey", "DEBUG CLIENT-EVICTION", "DEBUG RESTART x", "DEBUG CRASH-AND-RECOVER x",
				"DEBUG MALLCTL x", "DEBUG CONFIG-REWRITE-FORCE-ALL x", "DEBUG STRUCTSIZE x", "SAVE", "SAVE x",
				"BGSAVE x", "BGSAVE SCHEDULE x", "BGREWRITEAOF x", "DEBUG LOADAOF",
				"CONFIG SET enable-debug-command yes", "CONFIG SET enable-module-command yes",
				"CONFIG SET enable-protected-configs yes", "CONFIG GET enable-debug-command",
				"CONFIG GET enable-module-command", "CONFIG GET enable-protected-configs");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("commands")
	void repliesLikeRedis(String command) {
		String[] args = args(command);
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			assertThat(mine.call(args)).as(command).isEqualTo(theirs.call(args));
		}
	}

	/** Words split on spaces; ␠ stands for a space inside one. */
	private static String[] args(String line) {
		String[] words = line.split(" ");
		for (int i = 0; i < words.length; i++) {
			words[i] = words[i].replace('␠', ' ');
		}
		return words;
	}

	/** Subcommands on keys, once the keys exist on both. */
	@Test
	void keySubcommandsLikeRedis() {
		List<String> setup = List.of("SET int 123", "SET str hello", "SET big 12345678901", "RPUSH list a b c",
				"HSET hash f v", "SADD set 1 2", "ZADD zset 1 a",
				"SET s2 abcdefghijklmnopqrstuvwxyz0123456789abcdefghij");
		List<String> checks = List.of("DEBUG SDSLEN int", "DEBUG SDSLEN str", "DEBUG SDSLEN list", "DEBUG SDSLEN s2",
				"DEBUG SDSLEN big", "DEBUG SDSLEN s2", "DEBUG SDSLEN big", "DEBUG LISTPACK hash", "DEBUG LISTPACK zset",
				"DEBUG LISTPACK list", "DEBUG LISTPACK str", "DEBUG QUICKLIST list", "DEBUG QUICKLIST list 1",
				"DEBUG QUICKLIST hash", "DEBUG HTSTATS-KEY hash", "DEBUG HTSTATS-KEY list",
				"DEBUG DIGEST-VALUE int str list hash set zset nokey");
		compare(setup, checks, Function.identity());
	}

	/**
	 * DEBUG OBJECT's line: the same encoding, refcount, serializedlength (exact for
	 * values that Redis does not compress) and ql_* fields; the address and the LRU clock
	 * differ by nature.
	 */
	@Test
	void objectLineLikeRedis() {
		List<String> setup = List.of("SET int 123", "SET neg -5", "SET i16 1000", "SET i32 100000",
				"SET i64 10000000000", "SET str hello", "SET s20 abcdefghijklmnopqrst",
				"RPUSH list a b c 1 -1 1000 100000", "RPUSH onelist x", "HSET hash f v n 12", "SADD iset 1 2 300",
				"SADD bigset 1 100000", "SADD sset a b", "ZADD zset 1 a 2.5 b",
				"CONFIG SET hash-max-listpack-entries 1", "CONFIG SET zset-max-listpack-entries 1",
				"HSET hhash f v g w", "ZADD szset 1 a 2 b", "CONFIG SET hash-max-listpack-entries 128",
				"CONFIG SET zset-max-listpack-entries 128");
		List<String> checks = List.of("DEBUG OBJECT int", "DEBUG OBJECT neg", "DEBUG OBJECT i16", "DEBUG OBJECT i32",
				"DEBUG OBJECT i64", "DEBUG OBJECT str", "DEBUG OBJECT s20", "DEBUG OBJECT list", "DEBUG OBJECT onelist",
				"DEBUG OBJECT hash", "DEBUG OBJECT iset", "DEBUG OBJECT bigset", "DEBUG OBJECT sset",
				"DEBUG OBJECT zset", "DEBUG OBJECT hhash", "DEBUG OBJECT szset");
		compare(setup, checks, DebugDifferentialTest::maskObjectLine);
	}

	/**
	 * The ql_* fields of lists Redis splits into several nodes, by size and by count, and
	 * with plain nodes past the packed threshold (serializedlength left out: Redis
	 * compresses those nodes).
	 */
	@Test
	void quicklistFieldsLikeRedis() {
		List<String> setup = new ArrayList<>();
		String element = "e".repeat(50);
		StringBuilder many = new StringBuilder("RPUSH big");
		for (int i = 0; i < 400; i++) {
			many.append(' ').append(element).append(i);
		}
		setup.add(many.toString());
		setup.add("DEBUG QUICKLIST-PACKED-THRESHOLD 100");
		setup.add("RPUSH plain a b " + "p".repeat(150) + " c " + "q".repeat(300));
		Function<Resp, Resp> mask = r -> new Resp('+', maskObjectLine(r).text().replaceAll("serializedlength:\\d+", ""),
				null);
		try {
			compare(setup, List.of("DEBUG OBJECT big", "DEBUG OBJECT plain"), mask);
			// the engine reads the fill and the threshold when DEBUG OBJECT runs, Redis
			// applied those in force at each insertion: checked under the same ones
			compare(List.of("CONFIG SET list-max-listpack-size 5", "RPUSH counted a b c d e f g h i j k l"),
					List.of("DEBUG OBJECT counted"), mask);
		}
		finally {
			for (int port : ports()) {
				try (RespClient c = new RespClient(port)) {
					c.call("CONFIG", "SET", "list-max-listpack-size", "-2");
					c.call("DEBUG", "QUICKLIST-PACKED-THRESHOLD", "0");
				}
			}
		}
	}

	private static final Pattern OBJECT_LINE = Pattern
		.compile("Value at:0x[0-9a-f]+ (refcount:\\d+ encoding:\\S+ serializedlength:\\d+) lru:\\d+ "
				+ "lru_seconds_idle:\\d+(.*)");

	private static Resp maskObjectLine(Resp r) {
		if (r.type() != '+') {
			return r;
		}
		Matcher m = OBJECT_LINE.matcher(r.text());
		assertThat(m.matches()).as(r.text()).isTrue();
		return new Resp('+', m.group(1) + m.group(2), null);
	}

	/**
	 * DIGEST and DIGEST-VALUE over every type and encoding, several databases and keys
	 * with a time to live: the same SHA1 chain as redis-server's debug.c.
	 */
	@Test
	void digestsEqualRedisOverEveryType() {
		List<String> setup = new ArrayList<>(List.of("SET s1 hello", "SET s2 12345", "SET s3 -7", "SET empty ␀",
				"SET long " + "x".repeat(100), "RPUSH l1 a b c 1 2 3", "RPUSH l2 c b a", "SADD set1 1 2 3 -4",
				"SADD set2 a b c", "ZADD z1 1 a 2.5 b -0.1 c 1e300 d inf e -inf f", "ZADD z2 0 x",
				"HSET h1 f1 v1 f2 2 f3 3.5", "XADD st 1-1 a 1 b 2", "XADD st 5-0 a 3",
				"XADD st 18446744073709551615-3 c 4", "XGROUP CREATE st g 0", "SET ttl v EX 1000", "HSET httl a b",
				"EXPIRE httl 500", "SELECT 3", "SET s1 hello", "RPUSH l1 z", "SELECT 0",
				"CONFIG SET zset-max-listpack-entries 2", "CONFIG SET hash-max-listpack-entries 2",
				"CONFIG SET set-max-intset-entries 2", "ZADD bigz 1 a 2 b 3 c 0.1 d", "HSET bigh a 1 b 2 c 3",
				"SADD bigs 1 2 3", "CONFIG SET zset-max-listpack-entries 128",
				"CONFIG SET hash-max-listpack-entries 128", "CONFIG SET set-max-intset-entries 512"));
		List<String> checks = List.of("DEBUG DIGEST",
				"DEBUG DIGEST-VALUE s1 s2 s3 empty long l1 l2 set1 set2 z1 z2 h1 st ttl httl bigz bigh bigs nokey",
				"SELECT 3", "DEBUG DIGEST-VALUE s1 l1 s2", "SELECT 0");
		compare(setup, checks, Function.identity());
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			// the order of a list matters, that of a set does not
			for (String line : List.of("RPUSH ordered a b", "SADD unordered a b", "DEBUG DIGEST", "DEL ordered",
					"RPUSH ordered b a", "DEL unordered", "SADD unordered b a", "DEBUG DIGEST", "FLUSHALL",
					"DEBUG DIGEST")) {
				assertThat(mine.call(args(line))).as(line).isEqualTo(theirs.call(args(line)));
			}
			assertThat(mine.call("DEBUG", "DIGEST").text()).isEqualTo("0".repeat(40));
		}
	}

	/**
	 * Seeded random writes of every type (integers and text, long and short elements,
	 * scores of every form, TTLs, several databases) on both servers, then DIGEST and
	 * every key's DIGEST-VALUE compared.
	 */
	@Test
	void randomDatasetsDigestAlike() {
		java.util.Random rnd = new java.util.Random(20260702L);
		String[] scores = { "0", "-0", "1", "1.5", "-2.25", "0.1", "1e300", "-1e-300", "inf", "-inf",
				"123456789012345678", "3.141592653589793" };
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			for (int i = 0; i < 3000; i++) {
				String key = "k" + rnd.nextInt(60);
				String element = switch (rnd.nextInt(4)) {
					case 0 -> Integer.toString(rnd.nextInt(1000) - 500);
					case 1 -> Long.toString(rnd.nextLong());
					case 2 -> "e" + rnd.nextInt(40);
					default -> "x".repeat(rnd.nextInt(90));
				};
				String[] command = switch (rnd.nextInt(12)) {
					case 0 -> new String[] { "SET", key, element };
					case 1 -> new String[] { "RPUSH", "l" + key, element };
					case 2 -> new String[] { "LPUSH", "l" + key, element };
					case 3 -> new String[] { "SADD", "s" + key, element };
					case 4 -> new String[] { "SREM", "s" + key, element };
					case 5 -> new String[] { "ZADD", "z" + key, scores[rnd.nextInt(scores.length)], element };
					case 6 -> new String[] { "HSET", "h" + key, "f" + rnd.nextInt(20), element };
					case 7 -> new String[] { "EXPIRE", key, "1000" };
					case 8 -> new String[] { "SELECT", Integer.toString(rnd.nextInt(3)) };
					case 9 -> new String[] { "DEL", key };
					case 10 -> new String[] { "LPOP", "l" + key };
					default -> new String[] { "ZINCRBY", "z" + key, "0.5", element };
				};
				assertThat(mine.call(command)).as(String.join(" ", command)).isEqualTo(theirs.call(command));
			}
			assertThat(mine.call("DEBUG", "DIGEST")).isEqualTo(theirs.call("DEBUG", "DIGEST"));
			for (int db = 0; db < 3; db++) {
				mine.call("SELECT", Integer.toString(db));
				theirs.call("SELECT", Integer.toString(db));
				List<String> keys = new ArrayList<>();
				for (Resp k : theirs.call("KEYS", "*").items()) {
					keys.add(k.text());
				}
				List<String> args = new ArrayList<>(List.of("DEBUG", "DIGEST-VALUE"));
				args.addAll(keys);
				String[] call = args.toArray(String[]::new);
				assertThat(mine.call(call)).as("db " + db).isEqualTo(theirs.call(call));
			}
		}
	}

	/** Runs the setup on both, then compares each check's reply after {@code mask}. */
	private static void compare(List<String> setup, List<String> checks, Function<Resp, Resp> mask) {
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			for (String line : setup) {
				String[] a = args(line.replace("␀", ""));
				if (line.endsWith("␀")) {
					a[a.length - 1] = "";
				}
				assertThat(mine.call(a)).as(line).isEqualTo(theirs.call(a));
			}
			for (String line : checks) {
				Resp expected = theirs.call(args(line));
				Resp actual = mine.call(args(line));
				if (expected.type() == '*' && expected.items() != null) {
					assertThat(actual.items()).as(line).hasSameSizeAs(expected.items());
					for (int i = 0; i < expected.items().size(); i++) {
						assertThat(mask.apply(actual.items().get(i))).as(line)
							.isEqualTo(mask.apply(expected.items().get(i)));
					}
				}
				else {
					assertThat(mask.apply(actual)).as(line).isEqualTo(mask.apply(expected));
				}
			}
		}
	}

	/** Every PROTOCOL type in RESP2 and RESP3, with what follows an attribute or push. */
	@Test
	void protocolLikeRedisInResp2AndResp3() {
		List<String> types = List.of("string", "integer", "double", "bignum", "null", "array", "set", "map", "attrib",
				"push", "verbatim", "true", "false", "STRING");
		for (String proto : List.of("2", "3")) {
			try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
				mine.call("HELLO", proto);
				theirs.call("HELLO", proto);
				for (String type : types) {
					Resp expected = theirs.call("DEBUG", "PROTOCOL", type);
					assertThat(mine.call("DEBUG", "PROTOCOL", type)).as(proto + " " + type).isEqualTo(expected);
					if (expected.type() == '|' || expected.type() == '>') {
						// the real reply after the attribute or push frame
						assertThat(mine.read()).as(proto + " " + type).isEqualTo(theirs.read());
					}
				}
				assertThat(mine.call("PING")).isEqualTo(theirs.call("PING"));
			}
		}
	}

	/**
	 * The gate: with enable-debug-command no (the default) DEBUG is refused after the
	 * arity check, even renamed, and in MULTI the refusal aborts the transaction.
	 */
	@Test
	void refusedByDefaultLikeRedis() throws Exception {
		RedisServerExtension.RedisServer refusing = RedisServerExtension
			.start(RedisServerExtension.findBinary("redis-server"), List.of("--enable-debug-command", "no"));
		try (Engine plain = Engine.start(EngineConfig.builder().port(0).build());
				RespClient mine = new RespClient(plain.port());
				RespClient theirs = new RespClient(refusing.port())) {
			for (String line : List.of("DEBUG", "DEBUG SLEEP 0", "DEBUG HELP", "DEBUG nope",
					"CONFIG GET enable-debug-command", "MULTI", "DEBUG DIGEST", "SET a b", "EXEC",
					"CONFIG SET enable-debug-command yes")) {
				assertThat(mine.call(args(line))).as(line).isEqualTo(theirs.call(args(line)));
			}
			assertThat(mine.call("DEBUG", "SLEEP", "0").text()).isEqualTo(
					"ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", you can run "
							+ "it from a local connection, otherwise you need to set this option in the configuration "
							+ "file, and then restart the server.");
		}
		finally {
			RedisServerExtension.stop(refusing);
		}
		// local: the tests' loopback connection and in-process callers may
		try (Engine local = Engine
			.start(EngineConfig.builder().port(0).parameter("enable-debug-command", "local").build());
				RespClient c = new RespClient(local.port())) {
			assertThat(c.call("DEBUG", "SLEEP", "0").text()).isEqualTo("OK");
			assertThat(local.execute("DEBUG", "SLEEP", "0")).isEqualTo(Reply.OK);
		}
		try (Engine renamed = Engine.start(EngineConfig.builder().port(0).renameCommand("debug", "dbg").build());
				RespClient c = new RespClient(renamed.port())) {
			assertThat(c.call("DBG", "SLEEP", "0").text()).startsWith("ERR DEBUG command not allowed.");
		}
	}

	/**
	 * SET-ACTIVE-EXPIRE 0 leaves expired keys in place (DBSIZE still counts them) until a
	 * command touches one or the cycle is switched back on.
	 */
	@Test
	void setActiveExpireStopsAndRestartsTheCycle() throws Exception {
		try (RespClient c = new RespClient(engine.port())) {
			assertThat(c.call("DEBUG", "SET-ACTIVE-EXPIRE", "0").text()).isEqualTo("OK");
			c.call("SET", "k", "v", "PX", "1");
			c.call("SET", "k2", "v", "PX", "1");
			// a negative can only be shown by waiting: several cycles at hz 10
			Thread.sleep(350);
			assertThat(c.call("DBSIZE").text()).isEqualTo("2");
			assertThat(c.call("EXISTS", "k").text()).isEqualTo("0");
			assertThat(c.call("DBSIZE").text()).isEqualTo("1");
			c.call("DEBUG", "SET-ACTIVE-EXPIRE", "1");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!c.call("DBSIZE").text().equals("0")) {
				assertThat(System.nanoTime()).as("the cycle expires k2").isLessThan(deadline);
				Thread.onSpinWait();
			}
		}
	}

	/**
	 * DEBUG SLEEP holds the keyspace: a command on a key from another client waits for
	 * it.
	 */
	@Test
	void sleepHoldsKeyCommandsOfOtherClients() {
		try (RespClient sleeper = new RespClient(engine.port()); RespClient other = new RespClient(engine.port())) {
			sleeper.send(RespClient.encode("DEBUG", "SLEEP", "0.3"));
			long start = System.nanoTime();
			// the reply of SET comes after the sleep's, whichever thread serves it
			assertThat(other.call("SET", "x", "1").text()).isEqualTo("OK");
			assertThat(sleeper.read().text()).isEqualTo("OK");
			assertThat(System.nanoTime() - start).isPositive();
		}
	}

	/**
	 * POPULATE creates the same keys and values as Redis, skips existing ones, and the
	 * datasets then digest alike; RELOAD keeps the data.
	 */
	@Test
	void populateAndReloadLikeRedis() {
		List<String> setup = List.of("SET key:1 mine", "DEBUG POPULATE 5", "DEBUG POPULATE 3 p", "DEBUG POPULATE 2 q 3",
				"DEBUG POPULATE 2 r 20", "DEBUG POPULATE 2 s 0");
		List<String> checks = List.of("DBSIZE", "GET key:0", "GET key:1", "GET key:4", "GET p:2", "GET q:1", "GET r:0",
				"GET s:1", "DEBUG DIGEST", "DEBUG RELOAD", "DEBUG DIGEST", "DBSIZE");
		compare(setup, checks, Function.identity());
	}

	/**
	 * SAVE, BGSAVE and BGREWRITEAOF answer as Redis's do when they succeed; nothing is
	 * then in progress, rdb_saves and aof_rewrites count up, and LASTSAVE is the
	 * rdb_last_save_time of INFO.
	 */
	@Test
	void savesAnswerLikeRedisAndInfoFollows() {
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			assertThat(mine.call("SAVE")).isEqualTo(theirs.call("SAVE"));
			for (RespClient c : List.of(mine, theirs)) {
				awaitNoChild(c);
			}
			assertThat(mine.call("BGSAVE")).isEqualTo(theirs.call("BGSAVE"));
			for (RespClient c : List.of(mine, theirs)) {
				awaitNoChild(c);
			}
			assertThat(mine.call("BGREWRITEAOF")).isEqualTo(theirs.call("BGREWRITEAOF"));
			for (RespClient c : List.of(mine, theirs)) {
				awaitNoChild(c);
			}
			assertThat(mine.call("BGSAVE", "schedule")).isEqualTo(theirs.call("BGSAVE", "schedule"));
			awaitNoChild(mine);
			String info = mine.call("INFO", "persistence").text();
			assertThat(info).contains("rdb_saves:3\r\n", "aof_rewrites:1\r\n", "rdb_bgsave_in_progress:0\r\n",
					"aof_rewrite_in_progress:0\r\n", "rdb_last_bgsave_time_sec:0\r\n",
					"rdb_last_save_time:" + mine.call("LASTSAVE").text() + "\r\n");
			assertThat(Long.parseLong(mine.call("LASTSAVE").text()))
				.isGreaterThanOrEqualTo(System.currentTimeMillis() / 1000 - 60);
		}
	}

	/** waitForBgsave and waitForBgrewriteaof: poll INFO until no child runs. */
	private static void awaitNoChild(RespClient c) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			String info = c.call("INFO", "persistence").text();
			if (info.contains("rdb_bgsave_in_progress:0") && info.contains("aof_rewrite_in_progress:0")
					&& info.contains("aof_rewrite_scheduled:0")) {
				return;
			}
			assertThat(System.nanoTime()).as("no save left in progress").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	/**
	 * STRINGMATCH-TEST fuzzes the glob matcher (Redis's takes some ten seconds, so only
	 * the engine's reply is checked here, the arity above).
	 */
	@Test
	void stringmatchTestPasses() {
		try (RespClient c = new RespClient(engine.port())) {
			assertThat(c.call("DEBUG", "STRINGMATCH-TEST").text())
				.isEqualTo("Apparently Redis did not crash: test passed");
		}
	}

	/** CHANGE-REPL-ID gives INFO replication a new master_replid. */
	@Test
	void changeReplIdChangesTheId() {
		try (RespClient c = new RespClient(engine.port())) {
			String before = replId(c);
			assertThat(c.call("DEBUG", "CHANGE-REPL-ID").text()).isEqualTo("OK");
			assertThat(replId(c)).hasSize(40).isNotEqualTo(before);
		}
	}

	private static String replId(RespClient c) {
		Matcher m = Pattern.compile("master_replid:(\\w+)").matcher(c.call("INFO", "replication").text());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	/** SET-DISABLE-DENY-SCRIPTS 1 lets a script call a noscript command. */
	@Test
	void disableDenyScriptsLikeRedis() {
		try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
			for (String line : List.of("EVAL return␠redis.call('debug','sleep','0') 0",
					"DEBUG SET-DISABLE-DENY-SCRIPTS 1", "EVAL return␠redis.call('debug','sleep','0') 0",
					"DEBUG SET-DISABLE-DENY-SCRIPTS 0", "EVAL return␠redis.call('debug','sleep','0') 0")) {
				Resp expected = theirs.call(args(line));
				Resp actual = mine.call(args(line));
				if (expected.isError()) {
					// Redis names the script's location after the message
					assertThat(actual.text()).as(line).startsWith("ERR This Redis command is not allowed from script");
					assertThat(expected.text()).as(line)
						.startsWith("ERR This Redis command is not allowed from script");
				}
				else {
					assertThat(actual).as(line).isEqualTo(expected);
				}
			}
		}
	}

}

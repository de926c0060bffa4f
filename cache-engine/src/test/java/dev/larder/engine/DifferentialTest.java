package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs seeded random command sequences against the engine and a real redis-server and
 * requires equal replies (the fakeredis approach). Both sides run with active expiry off,
 * so expired-but-unread keys behave the same. Replies whose order or value is inherently
 * unspecified are normalised: KEYS and hash listings are sorted, SCAN/HSCAN are iterated
 * to the end and compared as sorted sets, HRANDFIELD is compared by shape, TTLs within a
 * small tolerance.
 *
 * <p>
 * Bounded by default (200 sequences x 200 commands). Raise with
 * {@code -Dlarder.diff.sequences=N
 * -Dlarder.diff.commands=M}; replay one failing sequence with
 * {@code -Dlarder.diff.seed=S}.
 */
class DifferentialTest {

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
		assertThat(redisClient.call("DEBUG", "SET-ACTIVE-EXPIRE", "0").text()).isEqualTo("OK");
		// Redis checks blocked clients' timeouts on its hz tick: at 500 a 1 ms BLPOP
		// returns in ~2 ms, not ~100.
		assertThat(redisClient.call("CONFIG", "SET", "hz", "500").text()).isEqualTo("OK");
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

	@Test
	void randomCommandSequencesReplyLikeRedis() {
		int commands = Integer.getInteger("larder.diff.commands", 200);
		String single = System.getProperty("larder.diff.seed");
		if (single != null && !single.isBlank()) {
			runSequence(Long.parseLong(single.trim()), commands);
			return;
		}
		int sequences = Integer.getInteger("larder.diff.sequences", 200);
		long base = Long.getLong("larder.diff.baseSeed", 1L);
		for (long seed = base; seed < base + sequences; seed++) {
			runSequence(seed, commands);
		}
	}

	static Stream<String> badInput() {
		return Stream.of("*1\r\n$536870913\r\n", "*1\r\n$-1\r\n", "*1\r\nfoo\r\n", "*abc\r\n", "*2147483648\r\n",
				"A".repeat(70_000), "SET \"a b\r\n", "SET k 'it''s'\r\n", "*" + "1".repeat(70_000),
				"*1\r\n$" + "1".repeat(70_000), "PING\r\n*1\r\n$x\r\n", "*-1\r\n*0\r\nECHO \"a\\x41\\n\"\r\n",
				"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nvXX*1\r\n$4\r\nPING\r\n");
	}

	/**
	 * The protocol layer too: bad frames get the same bytes back, and the same connection
	 * fate.
	 */
	@ParameterizedTest
	@MethodSource("badInput")
	void badInputIsAnsweredLikeRedis(String input) {
		assertThat(rawExchange(engine.port(), input)).isEqualTo(rawExchange(REDIS.port(), input));
	}

	private static List<String> rawExchange(int port, String input) {
		List<String> out = new ArrayList<>();
		try (RespClient c = new RespClient("127.0.0.1", port, 2000)) {
			c.send(input);
			try {
				while (true) {
					out.add(c.read().toString());
					if (out.get(out.size() - 1).startsWith("-\"ERR Protocol error")) {
						out.add(c.isClosedByServer() ? "<closed>" : "<open>");
						break;
					}
				}
			}
			catch (java.io.UncheckedIOException timeoutOrEof) {
				out.add(timeoutOrEof.getCause() instanceof java.net.SocketTimeoutException ? "<open>" : "<closed>");
			}
		}
		return out;
	}

	private void runSequence(long seed, int commands) {
		Random rnd = new Random(seed);
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("RESET");
			c.call("FLUSHALL");
		}
		boolean resp3 = rnd.nextBoolean();
		if (resp3) {
			engineClient.call("HELLO", "3");
			redisClient.call("HELLO", "3");
		}
		CommandGenerator gen = new CommandGenerator(rnd);
		List<String> history = new ArrayList<>();
		for (int step = 0; step < commands; step++) {
			String[] cmd = gen.next();
			history.add(String.join(" ", quote(cmd)));
			int at = step;
			Supplier<String> context = () -> "(seed " + seed + ", step " + at + ", " + (resp3 ? "RESP3" : "RESP2")
					+ ")\n  command: " + history.get(at);
			Supplier<String> replay = () -> "\nReplay with -Dlarder.diff.seed=" + seed + " -Dlarder.diff.commands="
					+ commands + "\nSequence:\n  " + String.join("\n  ", history);
			Resp mine = exchangeOrFail(engineClient, cmd, "The engine", context, replay);
			Resp theirs = exchangeOrFail(redisClient, cmd, "Redis", context, replay);
			if (!equivalent(cmd[0].toLowerCase(Locale.ROOT), mine, theirs)) {
				fail("Engine and Redis disagree " + context.get() + "\n  engine:  " + mine + "\n  redis:   " + theirs
						+ replay.get());
			}
		}
	}

	/**
	 * A side that does not answer (a timeout) or hangs up fails the test with the seed
	 * that replays it. The messages are built only then: joining the history at every
	 * step would cost more than the commands.
	 */
	private static Resp exchangeOrFail(RespClient c, String[] cmd, String side, Supplier<String> context,
			Supplier<String> replay) {
		try {
			return exchange(c, cmd);
		}
		catch (java.io.UncheckedIOException e) {
			throw new AssertionError(side + " did not answer " + context.get() + ": " + e.getCause() + replay.get(), e);
		}
	}

	/**
	 * Sends a command; SCAN and HSCAN are iterated to completion and folded into one
	 * sorted reply.
	 */
	private static Resp exchange(RespClient c, String[] cmd) {
		String name = cmd[0].toLowerCase(Locale.ROOT);
		int cursorIndex = name.equals("scan") ? 1 : name.matches("[hsz]scan") ? 2 : -1;
		if (cursorIndex < 0 || cmd.length <= cursorIndex || !cmd[cursorIndex].equals("0")) {
			return c.call(cmd);
		}
		List<Resp> all = new ArrayList<>();
		String[] call = cmd.clone();
		for (int i = 0; i < 10_000; i++) {
			Resp r = c.call(call);
			if (r.items() == null || r.items().size() != 2) {
				return r;
			}
			List<Resp> items = r.items().get(1).items();
			if (name.equals("hscan") || name.equals("zscan")) {
				for (int j = 0; j + 1 < items.size(); j += 2) {
					all.add(new Resp('*', "2", List.of(items.get(j), items.get(j + 1))));
				}
			}
			else {
				all.addAll(items);
			}
			call[cursorIndex] = r.items().get(0).text();
			if (call[cursorIndex].equals("0")) {
				break;
			}
		}
		List<Resp> unique = all.stream().distinct().sorted(Comparator.comparing(Resp::toString)).toList();
		return new Resp('*', "scan", unique);
	}

	private static boolean equivalent(String name, Resp mine, Resp theirs) {
		if (mine.isError() || theirs.isError()) {
			return mine.equals(theirs);
		}
		switch (name) {
			case "keys", "hkeys", "hvals", "smembers", "sinter", "sunion", "sdiff", "spop" -> {
				return sorted(mine).equals(sorted(theirs));
			}
			case "srandmember" -> {
				return mine.items() != null && mine.items().size() > 3 ? shape(mine).equals(shape(theirs))
						: sorted(mine).equals(sorted(theirs)) || shape(mine).equals(shape(theirs));
			}
			case "object" -> {
				// String encodings (int/embstr/raw) are not tracked by the engine;
				// collection encodings are.
				return mine.equals(theirs) || isStringEncoding(mine) && isStringEncoding(theirs);
			}
			case "zrandmember" -> {
				return shape(mine).equals(shape(theirs));
			}
			case "hgetall" -> {
				return pairs(mine).equals(pairs(theirs));
			}
			case "hrandfield" -> {
				return shape(mine).equals(shape(theirs));
			}
			case "hello" -> {
				return withoutClientId(mine).equals(withoutClientId(theirs));
			}
			case "ttl", "expiretime" -> {
				return close(mine, theirs, 2);
			}
			case "pttl", "pexpiretime" -> {
				return close(mine, theirs, 2000);
			}
			default -> {
				return mine.equals(theirs);
			}
		}
	}

	/**
	 * HELLO's map with the value after "id" blanked: the two servers number clients
	 * apart.
	 */
	private static Resp withoutClientId(Resp r) {
		if (r.items() == null) {
			return r;
		}
		List<Resp> items = new ArrayList<>(r.items());
		for (int i = 0; i + 1 < items.size(); i += 2) {
			if ("id".equals(items.get(i).text())) {
				items.set(i + 1, new Resp(':', "id", null));
			}
		}
		return new Resp(r.type(), r.text(), items);
	}

	private static boolean isStringEncoding(Resp r) {
		return r.text() != null && r.text().matches("int|embstr|raw");
	}

	private static List<String> sorted(Resp r) {
		return r.items() == null ? List.of(r.toString()) : r.items().stream().map(Resp::toString).sorted().toList();
	}

	private static List<String> pairs(Resp r) {
		if (r.items() == null) {
			return List.of(r.toString());
		}
		List<String> out = new ArrayList<>();
		for (int i = 0; i + 1 < r.items().size(); i += 2) {
			out.add(r.items().get(i) + "=" + r.items().get(i + 1));
		}
		out.sort(null);
		return out;
	}

	private static String shape(Resp r) {
		if (r.items() == null) {
			return r.type() + (r.text() == null ? "nil" : "value");
		}
		StringBuilder sb = new StringBuilder().append(r.type()).append(r.items().size()).append('[');
		r.items().forEach(i -> sb.append(shape(i)));
		return sb.append(']').toString();
	}

	private static boolean close(Resp a, Resp b, long tolerance) {
		if (a.type() != ':' || b.type() != ':') {
			return a.equals(b);
		}
		long x = Long.parseLong(a.text());
		long y = Long.parseLong(b.text());
		return x < 0 || y < 0 ? x == y : Math.abs(x - y) <= tolerance;
	}

	private static List<String> quote(String[] cmd) {
		List<String> out = new ArrayList<>();
		for (String s : cmd) {
			out.add(s.isEmpty() || s.contains(" ") ? '"' + s + '"' : s);
		}
		return out;
	}

	/**
	 * Random commands over a small shared key space, so types collide, keys expire and
	 * edge values recur.
	 */
	static final class CommandGenerator {

		private static final String[] STRING_KEYS = { "a", "b", "c", "counter", "k:1", "{tag}x" };

		private static final String[] HASH_KEYS = { "h1", "h2", "user:1" };

		private static final String[] FIELDS = { "f1", "f2", "f3", "n", "x", "" };

		/**
		 * A hash value past the 64 bytes of a listpack entry: the hash changes encoding
		 * for good, which OBJECT ENCODING and COPY show. Not a sorted-set member: a
		 * sorted set in skip-list encoding answers lex ranges over unequal scores by its
		 * random levels.
		 */
		private static final String LONG_VALUE = "v".repeat(70);

		private static final String[] VALUES = { "", "0", "1", "-1", "10", "01", " 1", "abc", "3.14", "-2.5", "1e3",
				"9223372036854775807", "-9223372036854775808", "9223372036854775806", "0.1", "inf", "nan", "été",
				"hello world", "xxxxxxxxxx", "1.0e-3", "+5", "00", "0x10" };

		private static final String[] INTS = { "0", "1", "-1", "5", "100", "-100", "9223372036854775807",
				"-9223372036854775808", "abc", "", "1.5", "+1", "007", "3" };

		private static final String[] FLOATS = { "0.1", "-0.1", "1", "1.5e2", "-3", "abc", "", "inf", "-inf", "nan",
				"1e308", "0.0001", "+2", "5.0e3", "1.0e-3" };

		private static final String[] RELATIVE = { "100", "1000", "-1", "0", "abc", "9223372036854775807",
				"9223372036854775", "99999999", "86400" };

		/**
		 * RELATIVE for millisecond units, without the TTLs that lapse within a sequence
		 * (100 and 1000 ms): the two servers run each command a few microseconds apart,
		 * and a key expiring in between made them disagree in long runs (seed 13 of 2,000
		 * commands: SCAN listed a key on one side only). Lazy expiry is checked on a
		 * controlled clock in ExpiryTest. Same length, so seeds draw the same sequences.
		 */
		private static final String[] RELATIVE_MILLIS = { "100000000", "1000000000", "-1", "0", "abc",
				"9223372036854775807", "9223372036854775", "99999999", "86400000" };

		private static final String[] ABS_SECONDS = { "1", "1000000000", "4000000000", "-5", "abc" };

		private static final String[] ABS_MILLIS = { "1", "1000000000000", "4000000000000", "0", "abc" };

		private static final String[] LIST_KEYS = { "l1", "l2", "q" };

		private static final String[] SET_KEYS = { "s1", "s2", "s3" };

		private static final String[] ZSET_KEYS = { "z1", "z2", "z3" };

		private static final String[] MEMBERS = { "a", "b", "c", "m1", "m2", "1", "2", "10", "", "-3", "007" };

		private static final String[] SCORES = { "0", "1", "-1", "1.5", "2", "inf", "-inf", "+inf", "1e308", "-0",
				"0.1", "3.0000000000000004", "abc", "", "nan", "1e400", " 1", "0x10", "5", "1e-5",
				"123456789012345678" };

		private static final String[] SCORE_BOUNDS = { "-inf", "+inf", "0", "(0", "1", "(1", "(1.5", "2.5", "x", "(",
				"-1", "( 1", "inf", "(inf", "5", "1e308" };

		private static final String[] LEX_BOUNDS = { "-", "+", "[a", "(a", "[b", "(c", "[", "a", "(", "[m2", "[1",
				"(10" };

		private static final String[] SMALL_INTS = { "0", "1", "-1", "2", "-2", "3", "10", "-100", "x", "100" };

		private static final String[] PATTERNS = { "*", "a*", "h?", "*1", "[ab]", "[^a]*", "user:*", "\\{*",
				"k:[0-9]" };

		private final Random rnd;

		/** Commands a generated one has set up, to be sent next in this order. */
		private final ArrayDeque<List<String>> queued = new ArrayDeque<>();

		CommandGenerator(Random rnd) {
			this.rnd = rnd;
		}

		private String pick(String[] options) {
			return options[rnd.nextInt(options.length)];
		}

		private String key() {
			return rnd.nextInt(100) < 70 ? pick(STRING_KEYS) : pick(HASH_KEYS);
		}

		private String listKey() {
			return rnd.nextInt(100) < 85 ? pick(LIST_KEYS) : anyKey();
		}

		private String setKey() {
			return rnd.nextInt(100) < 85 ? pick(SET_KEYS) : anyKey();
		}

		private String zsetKey() {
			return rnd.nextInt(100) < 80 ? pick(ZSET_KEYS) : rnd.nextBoolean() ? pick(SET_KEYS) : anyKey();
		}

		private String anyKey() {
			String[][] pools = { STRING_KEYS, HASH_KEYS, LIST_KEYS, SET_KEYS, ZSET_KEYS };
			return pick(pools[rnd.nextInt(pools.length)]);
		}

		private String hashKey() {
			return rnd.nextInt(100) < 85 ? pick(HASH_KEYS) : pick(STRING_KEYS);
		}

		String[] next() {
			List<String> c = queued.isEmpty() ? generate() : queued.poll();
			int mutate = rnd.nextInt(100);
			if (mutate < 2 && c.size() > 1) {
				c.remove(c.size() - 1);
			}
			else if (mutate < 4) {
				c.add("extra");
			}
			else if (mutate < 5) {
				c.set(0, "no" + c.get(0));
			}
			if (c.size() == 2 && c.get(0).equals("spop")) {
				c.add("100"); // a lone SPOP pops a random member: the two servers'
								// contents would diverge
			}
			if (rnd.nextInt(10) == 0) {
				c.set(0, c.get(0).toUpperCase(Locale.ROOT));
			}
			return c.toArray(new String[0]);
		}

		/**
		 * A blocking command's timeout: mostly 1 ms, sometimes negative or not a number.
		 */
		private String blockTimeout() {
			return pick(new String[] { "0.001", "0.001", "0.001", "-1", "x" });
		}

		private List<String> cmd(String... parts) {
			return new ArrayList<>(List.of(parts));
		}

		private List<String> generate() {
			int r = rnd.nextInt(100);
			if (r < 22) {
				return stringCommand();
			}
			else if (r < 34) {
				return keyCommand();
			}
			else if (r < 44) {
				return hashCommand();
			}
			else if (r < 60) {
				return listCommand();
			}
			else if (r < 74) {
				return setCommand();
			}
			else if (r < 97) {
				return zsetCommand();
			}
			return connectionCommand();
		}

		private List<String> stringCommand() {
			switch (rnd.nextInt(20)) {
				case 0 -> {
					return cmd("get", key());
				}
				case 1, 2 -> {
					List<String> c = cmd("set", key(), pick(VALUES));
					int options = rnd.nextInt(3);
					String[] flags = { "NX", "XX", "GET", "KEEPTTL", "EX", "PX", "EXAT", "PXAT" };
					for (int i = 0; i < options; i++) {
						String f = pick(flags);
						c.add(f);
						switch (f) {
							case "EX" -> c.add(pick(RELATIVE));
							case "PX" -> c.add(pick(RELATIVE_MILLIS));
							case "EXAT" -> c.add(pick(ABS_SECONDS));
							case "PXAT" -> c.add(pick(ABS_MILLIS));
							default -> {
							}
						}
					}
					return c;
				}
				case 3 -> {
					return cmd("setnx", key(), pick(VALUES));
				}
				case 4 -> {
					String name = rnd.nextBoolean() ? "setex" : "psetex";
					return cmd(name, key(), pick(name.equals("setex") ? RELATIVE : RELATIVE_MILLIS), pick(VALUES));
				}
				case 5 -> {
					return cmd("mget", key(), key(), key());
				}
				case 6 -> {
					return cmd(rnd.nextBoolean() ? "mset" : "msetnx", key(), pick(VALUES), key(), pick(VALUES));
				}
				case 7 -> {
					return cmd("getdel", key());
				}
				case 8 -> {
					List<String> c = cmd("getex", key());
					switch (rnd.nextInt(6)) {
						case 0 -> c.addAll(List.of("EX", pick(RELATIVE)));
						case 1 -> c.addAll(List.of("PX", pick(RELATIVE_MILLIS)));
						case 2 -> c.addAll(List.of("EXAT", pick(ABS_SECONDS)));
						case 3 -> c.addAll(List.of("PXAT", pick(ABS_MILLIS)));
						case 4 -> c.add("PERSIST");
						default -> {
						}
					}
					return c;
				}
				case 9 -> {
					return cmd("append", key(), pick(VALUES));
				}
				case 10 -> {
					return cmd("strlen", key());
				}
				case 11, 12 -> {
					return cmd(rnd.nextBoolean() ? "incr" : "decr", key());
				}
				case 13 -> {
					return cmd(rnd.nextBoolean() ? "incrby" : "decrby", key(), pick(INTS));
				}
				case 14, 15 -> {
					return cmd("incrbyfloat", key(), pick(FLOATS));
				}
				case 16 -> {
					return cmd("getrange", key(), pick(INTS), pick(INTS));
				}
				case 17 -> {
					String offset = rnd.nextBoolean() ? Integer.toString(rnd.nextInt(20)) : pick(INTS);
					return cmd("setrange", key(), offset.equals("9223372036854775807") ? "536870912" : offset,
							pick(VALUES));
				}
				case 18 -> {
					return cmd("getset", key(), pick(VALUES));
				}
				default -> {
					return cmd("getdel", key());
				}
			}
		}

		private List<String> keyCommand() {
			switch (rnd.nextInt(18)) {
				case 0 -> {
					return cmd(rnd.nextBoolean() ? "del" : "unlink", key(), key());
				}
				case 1 -> {
					return cmd(rnd.nextBoolean() ? "exists" : "touch", key(), key(), key());
				}
				case 2, 3 -> {
					String[] names = { "expire", "pexpire", "expireat", "pexpireat" };
					String name = pick(names);
					String when = name.endsWith("at") ? (name.startsWith("p") ? pick(ABS_MILLIS) : pick(ABS_SECONDS))
							: pick(name.equals("expire") ? RELATIVE : RELATIVE_MILLIS);
					List<String> c = cmd(name, key(), when);
					// GT/LT against a TTL set by a relative command compare two clock
					// readings a millisecond
					// apart on one server and equal on the other: only absolute times
					// make them deterministic.
					String[] flags = name.endsWith("at") ? new String[] { "NX", "XX", "GT", "LT", "FOO" }
							: new String[] { "NX", "XX", "FOO" };
					for (int i = rnd.nextInt(3); i > 0; i--) {
						c.add(pick(flags));
					}
					return c;
				}
				case 4 -> {
					String[] names = { "ttl", "pttl", "expiretime", "pexpiretime" };
					return cmd(pick(names), key());
				}
				case 5 -> {
					return cmd("persist", key());
				}
				case 6 -> {
					return rnd.nextBoolean() ? cmd("type", anyKey()) : cmd("object", "encoding",
							pick(new String[][] { HASH_KEYS, LIST_KEYS, SET_KEYS, ZSET_KEYS }[rnd.nextInt(4)]));
				}
				case 7 -> {
					return cmd("keys", pick(PATTERNS));
				}
				case 8 -> {
					List<String> c = cmd("scan", "0");
					if (rnd.nextBoolean()) {
						c.addAll(List.of("MATCH", pick(PATTERNS)));
					}
					if (rnd.nextBoolean()) {
						c.addAll(List.of("COUNT", rnd.nextInt(5) == 0 ? pick(INTS) : "2"));
					}
					if (rnd.nextInt(3) == 0) {
						c.addAll(List.of("TYPE", pick(new String[] { "string", "hash", "list", "set", "zset" })));
					}
					return c;
				}
				case 9 -> {
					return cmd(rnd.nextBoolean() ? "rename" : "renamenx", anyKey(), anyKey());
				}
				case 10 -> {
					List<String> c = cmd("copy", anyKey(), anyKey());
					if (rnd.nextBoolean()) {
						c.add("REPLACE");
					}
					if (rnd.nextInt(3) == 0) {
						c.addAll(List.of("DB", pick(new String[] { "0", "1", "16", "x" })));
					}
					return c;
				}
				case 11 -> {
					String[] dbs = { "0", "1", "1", "2", "16", "-1", "x", "4294967296" };
					return switch (rnd.nextInt(3)) {
						case 0 -> cmd("move", anyKey(), pick(dbs));
						case 1 -> cmd("swapdb", pick(dbs), pick(dbs));
						default -> cmd("dbsize");
					};
				}
				case 12 -> {
					return rnd.nextInt(4) == 0 ? cmd("flushdb", pick(new String[] { "ASYNC", "SYNC", "LATER" }))
							: cmd("dbsize");
				}
				case 13 -> {
					return cmd("select", pick(new String[] { "0", "0", "1", "16", "x", "-1" }));
				}
				case 14 -> {
					return cmd("scan", pick(new String[] { "x", "-", "abc", "1 " }));
				}
				default -> {
					return cmd("exists", key());
				}
			}
		}

		private List<String> hashCommand() {
			switch (rnd.nextInt(18)) {
				case 0, 1 -> {
					List<String> c = cmd(rnd.nextInt(4) == 0 ? "hmset" : "hset", hashKey());
					for (int i = rnd.nextInt(3) + 1; i > 0; i--) {
						c.add(pick(FIELDS));
						c.add(pick(VALUES));
					}
					return c;
				}
				case 2 -> {
					return cmd("hsetnx", hashKey(), pick(FIELDS), pick(VALUES));
				}
				case 3 -> {
					return cmd("hget", hashKey(), pick(FIELDS));
				}
				case 4 -> {
					return cmd("hmget", hashKey(), pick(FIELDS), pick(FIELDS));
				}
				case 5 -> {
					return cmd("hgetall", hashKey());
				}
				case 6 -> {
					return cmd(rnd.nextBoolean() ? "hkeys" : "hvals", hashKey());
				}
				case 7 -> {
					return cmd("hdel", hashKey(), pick(FIELDS), pick(FIELDS));
				}
				case 8 -> {
					return cmd(rnd.nextBoolean() ? "hexists" : "hstrlen", hashKey(), pick(FIELDS));
				}
				case 9 -> {
					return cmd("hlen", hashKey());
				}
				case 10, 11 -> {
					return cmd("hincrby", hashKey(), pick(FIELDS), pick(INTS));
				}
				case 12, 13 -> {
					return cmd("hincrbyfloat", hashKey(), pick(FIELDS), pick(FLOATS));
				}
				case 14 -> {
					List<String> c = cmd("hrandfield", hashKey());
					if (rnd.nextBoolean()) {
						c.add(pick(new String[] { "0", "1", "2", "5", "-3", "-1", "x", "-9223372036854775808" }));
						if (rnd.nextBoolean()) {
							c.add(rnd.nextInt(4) == 0 ? "WITHSCORES" : "WITHVALUES");
						}
					}
					return c;
				}
				case 15 -> {
					List<String> c = cmd("hscan", hashKey(), rnd.nextInt(6) == 0 ? "x" : "0");
					if (rnd.nextBoolean()) {
						c.addAll(List.of("MATCH", pick(new String[] { "f*", "*", "n", "[fx]*" })));
					}
					if (rnd.nextBoolean()) {
						c.addAll(List.of("COUNT", pick(new String[] { "1", "10", "0", "x" })));
					}
					return c;
				}
				case 16 -> {
					// a hash that held a value past the listpack limit stays a hashtable,
					// and so does its copy
					String source = hashKey();
					String target = hashKey();
					queued.add(cmd("hset", source, "x", pick(VALUES)));
					queued.add(cmd("copy", source, target, "REPLACE"));
					queued.add(cmd("object", "encoding", target));
					return cmd("hset", source, "x", LONG_VALUE);
				}
				default -> {
					return cmd("hget", hashKey(), pick(FIELDS));
				}
			}
		}

		private List<String> listCommand() {
			switch (rnd.nextInt(22)) {
				case 0, 1, 2 -> {
					List<String> c = cmd(pick(new String[] { "lpush", "rpush", "lpushx", "rpushx" }), listKey());
					for (int i = rnd.nextInt(3) + 1; i > 0; i--) {
						c.add(pick(MEMBERS));
					}
					return c;
				}
				case 3, 4 -> {
					List<String> c = cmd(rnd.nextBoolean() ? "lpop" : "rpop", listKey());
					if (rnd.nextBoolean()) {
						c.add(pick(SMALL_INTS));
					}
					return c;
				}
				case 5 -> {
					return cmd("llen", listKey());
				}
				case 6, 7 -> {
					return cmd("lrange", listKey(), pick(SMALL_INTS), pick(SMALL_INTS));
				}
				case 8 -> {
					return cmd("lindex", listKey(), pick(SMALL_INTS));
				}
				case 9 -> {
					return cmd("lset", listKey(), pick(SMALL_INTS), pick(MEMBERS));
				}
				case 10 -> {
					return cmd("lrem", listKey(), pick(SMALL_INTS), pick(MEMBERS));
				}
				case 11 -> {
					return cmd("ltrim", listKey(), pick(SMALL_INTS), pick(SMALL_INTS));
				}
				case 12 -> {
					return cmd("linsert", listKey(), pick(new String[] { "BEFORE", "after", "middle" }), pick(MEMBERS),
							pick(MEMBERS));
				}
				case 13 -> {
					List<String> c = cmd("lpos", listKey(), pick(MEMBERS));
					for (int i = rnd.nextInt(3); i > 0; i--) {
						String option = pick(new String[] { "RANK", "COUNT", "MAXLEN", "FOO" });
						c.add(option);
						// LONG_MIN negates into itself: Redis then reports every match
						// from
						// the tail
						c.add(option.equals("RANK") && rnd.nextInt(4) == 0 ? pick(
								new String[] { "-9223372036854775808", "-9223372036854775807", "9223372036854775807" })
								: pick(SMALL_INTS));
					}
					return c;
				}
				case 14 -> {
					String[] ends = { "LEFT", "RIGHT", "up" };
					return cmd("lmove", listKey(), listKey(), pick(ends), pick(ends));
				}
				case 15 -> {
					return cmd("rpoplpush", listKey(), listKey());
				}
				case 16, 17 -> {
					List<String> c = cmd("lmpop", pick(new String[] { "1", "2", "2", "0", "x", "5" }), listKey(),
							listKey(), pick(new String[] { "LEFT", "RIGHT", "middle" }));
					if (rnd.nextBoolean()) {
						c.addAll(List.of("COUNT", pick(SMALL_INTS)));
					}
					return c;
				}
				case 18 -> {
					return cmd(rnd.nextBoolean() ? "blpop" : "brpop", listKey(), listKey(),
							pick(new String[] { "0.001", "-1", "x" }));
				}
				case 19 -> {
					// Redis reads the ends before the timeout: a bad end and a bad
					// timeout
					// answer the end's error
					String[] ends = { "LEFT", "RIGHT", "LEFT", "RIGHT", "up" };
					return cmd("blmove", listKey(), listKey(), pick(ends), pick(ends), blockTimeout());
				}
				case 20 -> {
					return cmd("blmpop", blockTimeout(), pick(new String[] { "2", "2", "2", "0", "x" }), listKey(),
							listKey(), pick(new String[] { "LEFT", "RIGHT", "LEFT", "RIGHT", "middle" }), "COUNT",
							pick(new String[] { "1", "3", "1", "3", "0" }));
				}
				default -> {
					return cmd("lrange", listKey(), "0", "-1");
				}
			}
		}

		private List<String> setCommand() {
			switch (rnd.nextInt(18)) {
				case 0, 1, 2 -> {
					List<String> c = cmd("sadd", setKey());
					for (int i = rnd.nextInt(4) + 1; i > 0; i--) {
						c.add(pick(MEMBERS));
					}
					return c;
				}
				case 3 -> {
					return cmd("srem", setKey(), pick(MEMBERS), pick(MEMBERS));
				}
				case 4 -> {
					return cmd("smembers", setKey());
				}
				case 5 -> {
					return cmd("sismember", setKey(), pick(MEMBERS));
				}
				case 6 -> {
					return cmd("smismember", setKey(), pick(MEMBERS), pick(MEMBERS));
				}
				case 7 -> {
					return cmd("scard", setKey());
				}
				case 8 -> {
					return rnd.nextInt(4) == 0 ? cmd("spop", setKey(), pick(new String[] { "-1", "x", "0" }))
							: cmd("spop", setKey(), "100");
				}
				case 9 -> {
					return rnd.nextBoolean() ? cmd("srandmember", setKey()) : cmd("srandmember", setKey(),
							pick(new String[] { "100", "-3", "0", "x", "-9223372036854775808" }));
				}
				case 10 -> {
					return cmd("smove", setKey(), setKey(), pick(MEMBERS));
				}
				case 11, 12 -> {
					return cmd(pick(new String[] { "sinter", "sunion", "sdiff" }), setKey(), setKey(), setKey());
				}
				case 13, 14 -> {
					return cmd(pick(new String[] { "sinterstore", "sunionstore", "sdiffstore" }), setKey(), setKey(),
							setKey());
				}
				case 15 -> {
					List<String> c = cmd("sintercard", pick(new String[] { "2", "1", "0", "3", "x" }), setKey(),
							setKey());
					if (rnd.nextBoolean()) {
						c.addAll(List.of("LIMIT", pick(SMALL_INTS)));
					}
					return c;
				}
				case 16 -> {
					List<String> c = cmd("sscan", setKey(), "0");
					if (rnd.nextBoolean()) {
						c.addAll(List.of("MATCH", pick(new String[] { "*", "m*", "1*" })));
					}
					return c;
				}
				default -> {
					return cmd("smembers", setKey());
				}
			}
		}

		private List<String> zsetCommand() {
			switch (rnd.nextInt(30)) {
				case 0, 1, 2, 3 -> {
					List<String> c = cmd("zadd", zsetKey());
					String[] flags = { "NX", "XX", "GT", "LT", "CH", "INCR" };
					for (int i = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0; i > 0; i--) {
						c.add(pick(flags));
					}
					for (int i = rnd.nextInt(3) + 1; i > 0; i--) {
						c.add(pick(SCORES));
						c.add(pick(MEMBERS));
					}
					return c;
				}
				case 4 -> {
					return cmd("zincrby", zsetKey(), pick(SCORES), pick(MEMBERS));
				}
				case 5 -> {
					return cmd(rnd.nextBoolean() ? "zscore" : "zmscore", zsetKey(), pick(MEMBERS));
				}
				case 6 -> {
					List<String> c = cmd(rnd.nextBoolean() ? "zrank" : "zrevrank", zsetKey(), pick(MEMBERS));
					if (rnd.nextInt(4) == 0) {
						c.add("WITHSCORE"); // Redis 7.2's: 7.0 counts the arguments
					}
					return c;
				}
				case 7 -> {
					return cmd("zcard", zsetKey());
				}
				case 8 -> {
					return cmd("zcount", zsetKey(), pick(SCORE_BOUNDS), pick(SCORE_BOUNDS));
				}
				case 9 -> {
					return cmd("zlexcount", zsetKey(), pick(LEX_BOUNDS), pick(LEX_BOUNDS));
				}
				case 10, 11, 12 -> {
					int kind = rnd.nextInt(3);
					List<String> c = kind == 0 ? cmd("zrange", zsetKey(), pick(SMALL_INTS), pick(SMALL_INTS))
							: kind == 1 ? cmd("zrange", zsetKey(), pick(SCORE_BOUNDS), pick(SCORE_BOUNDS), "BYSCORE")
									: cmd("zrange", zsetKey(), pick(LEX_BOUNDS), pick(LEX_BOUNDS), "BYLEX");
					rangeOptions(c);
					return c;
				}
				case 13 -> {
					List<String> c = cmd("zrangestore", zsetKey(), zsetKey(), pick(SCORE_BOUNDS), pick(SCORE_BOUNDS),
							"BYSCORE");
					rangeOptions(c);
					return c;
				}
				case 14 -> {
					List<String> c = cmd(rnd.nextBoolean() ? "zrangebyscore" : "zrevrangebyscore", zsetKey(),
							pick(SCORE_BOUNDS), pick(SCORE_BOUNDS));
					rangeOptions(c);
					return c;
				}
				case 15 -> {
					List<String> c = cmd(rnd.nextBoolean() ? "zrangebylex" : "zrevrangebylex", zsetKey(),
							pick(LEX_BOUNDS), pick(LEX_BOUNDS));
					rangeOptions(c);
					return c;
				}
				case 16 -> {
					List<String> c = cmd("zrevrange", zsetKey(), pick(SMALL_INTS), pick(SMALL_INTS));
					if (rnd.nextBoolean()) {
						c.add("WITHSCORES");
					}
					return c;
				}
				case 17 -> {
					return cmd("zrem", zsetKey(), pick(MEMBERS), pick(MEMBERS));
				}
				case 18 -> {
					int kind = rnd.nextInt(3);
					return kind == 0 ? cmd("zremrangebyrank", zsetKey(), pick(SMALL_INTS), pick(SMALL_INTS))
							: kind == 1 ? cmd("zremrangebyscore", zsetKey(), pick(SCORE_BOUNDS), pick(SCORE_BOUNDS))
									: cmd("zremrangebylex", zsetKey(), pick(LEX_BOUNDS), pick(LEX_BOUNDS));
				}
				case 19 -> {
					List<String> c = cmd(rnd.nextBoolean() ? "zpopmin" : "zpopmax", zsetKey());
					if (rnd.nextBoolean()) {
						c.add(pick(SMALL_INTS));
					}
					return c;
				}
				case 20 -> {
					List<String> c = cmd("zmpop", pick(new String[] { "1", "2", "2", "0", "x" }), zsetKey(), zsetKey(),
							pick(new String[] { "MIN", "MAX", "mid" }));
					if (rnd.nextBoolean()) {
						c.addAll(List.of("COUNT", pick(SMALL_INTS)));
					}
					return c;
				}
				case 21 -> {
					if (rnd.nextInt(3) == 0) {
						return cmd("bzmpop", blockTimeout(), pick(new String[] { "2", "2", "2", "0", "x" }), zsetKey(),
								zsetKey(), pick(new String[] { "MIN", "MAX", "MIN", "MAX", "mid" }), "COUNT",
								pick(new String[] { "1", "3", "1", "3", "0" }));
					}
					return cmd(rnd.nextBoolean() ? "bzpopmin" : "bzpopmax", zsetKey(), zsetKey(),
							pick(new String[] { "0.001", "-1", "x" }));
				}
				case 22, 23, 24 -> {
					String op = pick(
							new String[] { "zunion", "zinter", "zdiff", "zunionstore", "zinterstore", "zdiffstore" });
					List<String> c = cmd(op);
					if (op.endsWith("store")) {
						c.add(zsetKey());
					}
					c.add(pick(new String[] { "2", "2", "1", "0", "3", "x" }));
					c.add(zsetKey());
					c.add(zsetKey());
					if (rnd.nextInt(3) == 0) {
						c.addAll(List.of("WEIGHTS", pick(new String[] { "2", "0", "-1", "inf", "x" }),
								pick(new String[] { "1", "0.5", "nan" })));
					}
					if (rnd.nextInt(3) == 0) {
						c.addAll(List.of("AGGREGATE", pick(new String[] { "SUM", "MIN", "MAX", "AVG" })));
					}
					if (rnd.nextInt(3) == 0) {
						c.add("WITHSCORES");
					}
					return c;
				}
				case 25 -> {
					List<String> c = cmd("zintercard", pick(new String[] { "2", "1", "0", "3" }), zsetKey(), zsetKey());
					if (rnd.nextBoolean()) {
						c.addAll(List.of("LIMIT", pick(SMALL_INTS)));
					}
					return c;
				}
				case 26 -> {
					List<String> c = cmd("zrandmember", zsetKey());
					if (rnd.nextBoolean()) {
						c.add(pick(new String[] { "1", "-3", "0", "x", "100" }));
						if (rnd.nextBoolean()) {
							c.add("WITHSCORES");
						}
					}
					return c;
				}
				case 27 -> {
					List<String> c = cmd("zscan", zsetKey(), "0");
					if (rnd.nextBoolean()) {
						c.addAll(List.of("MATCH", pick(new String[] { "*", "m*", "1*" })));
					}
					return c;
				}
				default -> {
					return cmd("zrange", zsetKey(), "0", "-1", "WITHSCORES");
				}
			}
		}

		private void rangeOptions(List<String> c) {
			String[] options = { "REV", "WITHSCORES", "LIMIT", "BYSCORE", "BYLEX" };
			for (int i = rnd.nextInt(3); i > 0; i--) {
				String o = pick(options);
				c.add(o);
				if (o.equals("LIMIT")) {
					c.add(pick(SMALL_INTS));
					c.add(pick(SMALL_INTS));
				}
			}
		}

		private List<String> connectionCommand() {
			switch (rnd.nextInt(9)) {
				case 0 -> {
					return rnd.nextBoolean() ? cmd("ping") : cmd("ping", pick(VALUES));
				}
				case 1 -> {
					return cmd("echo", pick(VALUES));
				}
				case 2 -> {
					return cmd("client", "setname", pick(new String[] { "app", "a b", "", "x\ny" }));
				}
				case 3 -> {
					return cmd("client", "getname");
				}
				case 4 -> {
					return cmd("auth", pick(new String[] { "x", "default" }), "pw");
				}
				case 5 -> {
					return cmd("auth", "pw");
				}
				case 6 -> {
					return cmd("client", pick(new String[] { "nosuch", "Kill-All" }));
				}
				case 7 -> {
					// AUTH and SETNAME take effect as HELLO reads them, before a bad
					// option
					List<String> c = cmd("hello", pick(new String[] { "2", "3" }));
					if (rnd.nextBoolean()) {
						c.addAll(List.of("AUTH", pick(new String[] { "default", "nobody" }), "pw"));
					}
					c.addAll(List.of("SETNAME", pick(new String[] { "app", "a b", "" })));
					if (rnd.nextInt(3) > 0) {
						c.add(pick(new String[] { "FOO", "SETNAME", "AUTH" }));
					}
					return c;
				}
				default -> {
					return cmd("unknowncmd", pick(VALUES), pick(VALUES));
				}
			}
		}

	}

}

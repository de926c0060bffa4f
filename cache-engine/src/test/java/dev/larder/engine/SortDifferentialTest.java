package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SORT and SORT_RO against a real redis-server: every option, edge values first, the
 * cases of Redis's tests/unit/sort.tcl that are request/reply comparisons, RESP3,
 * scripts, transactions, ACL refusals, COMMAND GETKEYS, and a seeded random run. Each
 * case runs on the same fixture on both servers; replies must be equal, and so must the
 * state SORT leaves (the STORE destination, the sorted set's encoding).
 *
 * <p>
 * In the command lines a space separates arguments, U+2420 (SYMBOL FOR SPACE) stands for
 * a space inside one and U+2400 (SYMBOL FOR NULL) for a NUL byte; arguments are sent as
 * ISO-8859-1, so {@code \u00ff} is the byte 0xff. Hash-table sets iterate in an order of
 * their own on each server, so the cases sort them, or use an intset.
 */
class SortDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final String MAX = "9223372036854775807";

	private static final String MIN = "-9223372036854775808";

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

	/**
	 * New connections on both sides, then the fixture: Redis leaves an ERANGE of strtod
	 * in errno until a system call overwrites it (accepting a connection does), and it
	 * would fail the next numeric SORT of a non-integer.
	 */
	private static void freshFixture() {
		engineClient.close();
		redisClient.close();
		engineClient = new RespClient(engine.port());
		redisClient = new RespClient(REDIS.port());
		fixture(engineClient);
		fixture(redisClient);
	}

	private static void fixture(RespClient c) {
		c.call("RESET");
		c.call("FLUSHALL");
		call(c, "RPUSH nums 3 1 2 10 -5 1.5 1e2 0x10 ␠7 2 -0 0 +4 .5 1e-5 -inf inf");
		call(c, "RPUSH words b a C c a␀b a␀a \u00c3\u00a4 \u00e4 \u00ff z Z ab a a");
		call(c, "RPUSH one x");
		call(c, "RPUSH empties a");
		c.call("RPUSH", "empties", "");
		call(c, "SADD iset 5 -1 3 100 0 42");
		call(c, "SADD sset banana apple cherry 10 9 -2 x");
		call(c, "ZADD zs 3 c 1 a 2 b 5 e 4 d 0 z 6 10");
		call(c, "RPUSH bad 1 x 3");
		call(c, "RPUSH huge 1 1e400");
		call(c, "RPUSH tiny 1 1e-320");
		call(c, "RPUSH nan 1 nan");
		call(c, "RPUSH ids 1 2 3 4 5 6 7 8 9");
		// weights: numbers with ties, strings, hashes, a missing one (9)
		call(c, "MSET w_1 5 w_2 5 w_3 1 w_4 -2 w_5 5 w_6 10 w_7 1.5 w_8 x");
		call(c, "MSET a_1 b a_2 a a_3 b a_4 c a_5 a a_6 a a_7 b a_8 A");
		call(c, "HSET o_1 n 3 s one");
		call(c, "HSET o_2 n 1 s two");
		call(c, "HSET o_3 n 2");
		call(c, "HSET o_4 n x s four");
		call(c, "SET o_5 notahash");
		call(c, "SET x:a-> 100");
		call(c, "SET p* star");
		call(c, "SET str v");
		call(c, "HSET hash f v");
		List<String> many = new ArrayList<>(List.of("RPUSH", "many"));
		List<String> zmany = new ArrayList<>(List.of("ZADD", "zmany"));
		for (int i = 0; i < 150; i++) {
			many.add(Integer.toString(i));
			call(c, "SET t_" + i + " " + (char) ('a' + i % 4));
			zmany.add(Integer.toString(i * 7 % 150));
			zmany.add("m" + i);
		}
		c.call(many.toArray(String[]::new));
		c.call(zmany.toArray(String[]::new));
	}

	static Stream<String> options() {
		return Stream.of(
				// arity, types, syntax, LIMIT's integers
				"SORT", "SORT_RO", "SORT missing", "SORT str", "SORT hash", "SORT missing FOO", "SORT str FOO",
				"SORT nums FOO", "SORT nums LIMIT", "SORT nums LIMIT 1", "SORT nums LIMIT x 1", "SORT nums LIMIT 1 x",
				"SORT nums LIMIT 1.5 1", "SORT nums LIMIT 0 1 2", "SORT nums BY", "SORT nums GET", "SORT nums STORE",
				"SORT str LIMIT x 1", "SORT str BY w_*", "SORT nums LIMIT x 1 FOO", "SORT nums FOO LIMIT x 1",
				"SORT_RO nums STORE dst", "SORT_RO nums STORE", "SORT_RO str", "SORT_RO nums LIMIT 0 2 DESC",
				"SORT nums ALPHA LIMIT 0 1 STORE", "SORT ASC␀x", "SORT nums ASC␀x",
				// numeric sort and its conversion errors
				"SORT nums", "SORT nums DESC", "SORT nums ASC", "SORT nums DESC ASC", "SORT nums ASC DESC", "SORT bad",
				"SORT huge", "SORT tiny", "SORT nan", "SORT words", "SORT empties", "SORT one", "SORT missing DESC",
				"SORT bad LIMIT 0 0", "SORT bad STORE dst", "SORT bad BY nosort",
				// LIMIT: negative, huge, past the end
				"SORT nums LIMIT 0 0", "SORT nums LIMIT 0 1", "SORT nums LIMIT 2 3", "SORT nums LIMIT -5 2",
				"SORT nums LIMIT 1 -7", "SORT nums LIMIT 1 -1", "SORT nums LIMIT 16 5", "SORT nums LIMIT 17 5",
				"SORT nums LIMIT 100 5", "SORT nums LIMIT 0 " + MAX, "SORT nums LIMIT " + MAX + " " + MAX,
				"SORT nums LIMIT " + MIN + " " + MIN, "SORT nums LIMIT 3 " + MIN, "SORT nums LIMIT 0 1 LIMIT 2 2",
				"SORT missing LIMIT 0 1", "SORT missing LIMIT 5 5", "SORT one LIMIT 1 1", "SORT one LIMIT 0 0",
				"SORT nums LIMIT 2 3 DESC", "SORT nums DESC LIMIT 16 1",
				// ALPHA: bytes as C compares them, with and without STORE
				"SORT words ALPHA", "SORT words ALPHA DESC", "SORT words ALPHA LIMIT 3 4", "SORT nums ALPHA",
				"SORT words ALPHA STORE dst", "SORT words ALPHA DESC STORE dst", "SORT empties ALPHA",
				"SORT iset ALPHA", "SORT sset ALPHA", "SORT sset ALPHA DESC", "SORT zs ALPHA", "SORT zs", "SORT sset",
				"SORT iset", "SORT iset DESC LIMIT 1 2", "SORT_RO words ALPHA DESC LIMIT 1 3",
				// BY: a constant keeps the native order; weights from keys and hash
				// fields
				"SORT nums BY nosort", "SORT nums BY nosort DESC", "SORT nums BY nosort LIMIT 2 3",
				"SORT nums BY nosort DESC LIMIT 2 3", "SORT nums BY nosort LIMIT 20 3", "SORT nums BY nosort LIMIT 0 0",
				"SORT nums BY nosort STORE dst", "SORT nums BY nosort DESC LIMIT 1 2 STORE dst",
				"SORT words BY nosort ALPHA", "SORT iset BY nosort", "SORT sset BY nosort STORE dst",
				"SORT sset BY nosort ALPHA DESC STORE dst", "SORT zs BY nosort", "SORT zs BY nosort DESC",
				"SORT zs BY nosort LIMIT 1 3", "SORT zs BY nosort DESC LIMIT 1 3", "SORT zs BY nosort LIMIT 6 5",
				"SORT zs BY nosort DESC LIMIT 6 5", "SORT zs BY nosort LIMIT 7 5", "SORT zs BY nosort LIMIT 0 0",
				"SORT zmany BY nosort LIMIT 70 10", "SORT zmany BY nosort DESC LIMIT 140 20",
				"SORT zs BY nosort STORE dst", "SORT zs BY nosort DESC LIMIT 2 2 STORE dst", "SORT missing BY nosort",
				"SORT ids BY w_*", "SORT ids BY w_* DESC", "SORT ids BY w_* LIMIT 1 3",
				"SORT ids BY w_* DESC LIMIT 0 4", "SORT ids BY a_* ALPHA", "SORT ids BY a_* ALPHA DESC",
				"SORT ids BY a_* ALPHA LIMIT 2 3", "SORT ids BY a_* ALPHA STORE dst", "SORT ids BY o_*->n",
				"SORT ids BY o_*->n DESC", "SORT ids BY o_*->s ALPHA", "SORT ids BY o_*->missing", "SORT ids BY w_*->n",
				"SORT ids BY o_*", "SORT ids BY *", "SORT ids BY **", "SORT ids BY w_*-", "SORT ids BY w_␀*",
				"SORT ids BY w_*␀x", "SORT many BY t_* ALPHA", "SORT many BY t_* ALPHA LIMIT 10 20",
				"SORT many BY t_* ALPHA DESC LIMIT 97 9", "SORT many BY t_* ALPHA LIMIT 0 1",
				"SORT many BY t_* ALPHA LIMIT 149 1", "SORT many BY t_* LIMIT 5 5",
				"SORT many BY missing_* ALPHA LIMIT 40 30", "SORT many BY missing_* LIMIT 40 30", "SORT words BY w_*",
				"SORT iset BY w_* ALPHA", "SORT iset BY nosort BY w_* ALPHA DESC", "SORT ids BY nosort BY w_*",
				"SORT ids BY w_* BY nosort",
				// GET: #, keys, hash fields, several, missing as nil
				"SORT ids GET #", "SORT ids GET w_*", "SORT ids GET # GET w_* GET o_*->s", "SORT ids GET o_*->n DESC",
				"SORT ids GET nostar", "SORT ids GET #x", "SORT ids GET ##", "SORT ids GET #␀x", "SORT ids GET x:*->",
				"SORT ids BY w_* GET # GET a_* LIMIT 1 4", "SORT ids GET w_* STORE dst",
				"SORT ids GET # GET o_*->s STORE dst", "SORT ids BY nosort GET o_*->missing STORE dst",
				"SORT ids GET w_* LIMIT 0 0 STORE dst", "SORT ids GET o_*->", "SORT ids GET o_*->->n",
				"SORT ids GET p* GET p", "SORT zs BY nosort GET # GET w_*", "SORT missing GET #",
				"SORT_RO ids BY w_* GET # GET o_*->s", "SORT ids GET w_* BY w_* ALPHA",
				// STORE: the list, an empty result deleting the destination, the last
				// STORE
				"SORT nums STORE dst", "SORT missing STORE dst", "SORT missing STORE str",
				"SORT nums LIMIT 0 0 STORE str", "SORT nums STORE str", "SORT nums STORE a STORE dst",
				"SORT nums STORE nums", "SORT iset STORE dst", "SORT zs STORE dst", "SORT zs DESC LIMIT 1 2 STORE dst",
				"SORT words STORE dst");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("options")
	void repliesAndStoresLikeRedis(String command) {
		freshFixture();
		compare(command);
		for (String after : List.of("TYPE dst", "LRANGE dst 0 -1", "OBJECT ENCODING dst", "TTL dst", "TYPE str",
				"TYPE nums", "LRANGE nums 0 -1", "OBJECT ENCODING zs", "OBJECT ENCODING zmany", "DBSIZE")) {
			compare(after);
		}
	}

	/**
	 * Numeric weights are read as glibc's strtod reads them: hexadecimal, inf, nan,
	 * leading white space, a NUL ending the C string, overflow and inexact underflow
	 * (ERANGE) refused. Each value is sorted on fresh connections: Redis tests errno
	 * without clearing it, so an ERANGE stays until some system call on the event loop
	 * (accepting a connection does) overwrites it, and would fail the next SORT of a
	 * non-integer.
	 */
	@Test
	void numericWeightsAreReadAsStrtodReadsThem() {
		List<String> values = List.of("0x", "0x.", "0x.8", "0X1P3", "0x1p", "0x1p+", "0x1.8p1", "0x10.8", "0xg",
				"0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x1p1024", "0x1p1023", "1e308", "1.8e308",
				"2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324", "5e-324", "2e-324", "0e-999", "0e999",
				"1e", "1e+", "1e-", "1.", "-.", "+.5", ".e1", "␠\t5", "␠5", "5␠", "infinity", "INFINITY", "-Inf",
				"infx", "infinit", "nan(123)", "nan(", "nan(abc_1)", "-nan", "␠␠", "␀", "5␀5", "␀5", "1,5", "0x1P+2",
				"00x1", "1e-0", "9".repeat(400), "0." + "0".repeat(400) + "1", "1" + "0".repeat(309), "");
		for (String value : values) {
			try (RespClient mine = new RespClient(engine.port()); RespClient theirs = new RespClient(REDIS.port())) {
				for (RespClient c : List.of(mine, theirs)) {
					c.call("DEL", "t");
					c.call(bytes("RPUSH"), bytes("t"), bytes(value), bytes("3"));
				}
				assertThat(mine.call("SORT", "t")).as(value).isEqualTo(theirs.call("SORT", "t"));
			}
		}
	}

	private static byte[] bytes(String s) {
		return s.replace('\u2420', ' ').replace('\u2400', '\0').getBytes(StandardCharsets.ISO_8859_1);
	}

	/** The cases of tests/unit/sort.tcl that compare a reply. */
	@Test
	void sortTclCasesReplyLikeRedis() {
		List<String> lines = List.of("FLUSHALL",
				// SORT GET with pattern ending with just -> does not get hash field
				"DEL mylist", "LPUSH mylist a", "SET x:a-> 100", "SORT mylist BY num GET x:*->",
				// SORT BY key / hash field STORE, with ties sub-sorted lexicographically
				"RPUSH tosort 1 2 3 4 5", "MSET weight_1 10 weight_2 10 weight_3 5 weight_4 5 weight_5 1",
				"SORT tosort BY weight_*", "SORT tosort BY weight_* STORE sort-res", "LRANGE sort-res 0 -1",
				"HSET wobj_1 weight 3", "HSET wobj_2 weight 3", "SORT tosort BY wobj_*->weight",
				"SORT tosort BY wobj_*->weight STORE sort-res", "LRANGE sort-res 0 -1",
				// SORT with STORE returns zero / removes the key if result is empty
				"SORT foo STORE bar", "EXISTS bar", "SET bar x", "SORT foo STORE bar", "EXISTS bar",
				// SORT with BY <constant> and STORE should still order output
				"DEL myset mylist", "SADD myset a b c d e f g h i l m n o p q r s t u v z aa aaa azz",
				"SORT myset ALPHA BY _ STORE mylist", "LRANGE mylist 0 -1",
				// numerical sorting and bad doubles
				"DEL myset", "SADD myset 1 2 3 4 not-a-double", "SORT myset", "DEL myset", "SADD myset 1 2 3 4",
				"MSET score:1 10 score:2 3 score:3 badvalue score:4 2", "SORT myset BY score:*",
				// BY sub-sorts lexicographically if score is the same
				"DEL myset", "SADD myset a b c d e f g h i l m n o p q r s t u v z aa aaa azz", "SORT myset BY score:*",
				// DESC, ALPHA against integer encoded strings
				"DEL mylist", "LPUSH mylist 2 1 3 10", "SORT mylist ALPHA", "SORT mylist DESC ALPHA",
				// sorted sets: order, BY nosort retaining order, LIMIT, +inf and -inf
				"DEL zset", "ZADD zset 1 a 5 b 2 c 10 d 3 e", "SORT zset ALPHA DESC", "SORT zset BY nosort ASC",
				"SORT zset BY nosort DESC", "SORT zset BY nosort ASC LIMIT -10 100",
				"SORT zset BY nosort ASC LIMIT 0 1", "SORT zset BY nosort DESC LIMIT 0 1",
				"SORT zset BY nosort ASC LIMIT 0 2", "SORT zset BY nosort DESC LIMIT 0 2",
				"SORT zset BY nosort LIMIT 5 10", "SORT zset BY nosort LIMIT -10 100", "DEL zset",
				"ZADD zset -1 a 1 b 2 c 3 d -inf e +inf f", "SORT zset BY nosort",
				// sorting floats (issue #19)
				"DEL mylist", "RPUSH mylist 1.1 5.10 3.10 7.44 2.1 5.75 6.12 0.25 1.15", "SORT mylist",
				// SORT by nosort retains native order for lists, also with STORE and
				// LIMIT
				"DEL testa", "LPUSH testa 2 1 4 3 5", "SORT testa BY nosort", "SORT testa BY nosort STORE testb",
				"LRANGE testb 0 -1", "SORT testa BY nosort LIMIT 0 3 STORE testb", "LRANGE testb 0 -1",
				"SORT testa BY nosort LIMIT 2 10", "SORT testa BY nosort DESC LIMIT 1 2",
				// SORT_RO successful case, and STORE refused
				"DEL mylist", "LPUSH mylist 2 1 3 10", "SORT_RO mylist", "SORT_RO foolist STORE bar",
				// SORT extracts STORE correctly
				"COMMAND GETKEYS SORT abc STORE def", "COMMAND GETKEYS SORT_RO abc",
				"COMMAND GETKEYS SORT abc STORE invalid STORE stillbad STORE def",
				"COMMAND GETKEYS SORT abc LIMIT store def", "COMMAND GETKEYS SORT abc STORE",
				"COMMAND GETKEYS SORT abc GET store def", "COMMAND GETKEYS SORT abc BY store STORE def",
				"COMMAND GETKEYS SORT abc store␀ def", "COMMAND GETKEYS SORT store",
				"COMMAND GETKEYS SORT_RO abc STORE def",
				// SORT with huge offset and count (the tcl's overflow regressions)
				"DEL L", "RPUSH L 1 2 3", "SORT L LIMIT 2 " + MAX, "SORT L LIMIT " + MAX + " 1", "SORT L LIMIT -1 -1",
				"SORT L BY nosort LIMIT " + MAX + " " + MAX);
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("RESET");
		}
		for (String line : lines) {
			compare(line);
		}
	}

	/**
	 * A set BY a constant is sorted ALPHA in a script, as for STORE, so that scripts see
	 * one order; lists and sorted sets keep theirs. A pattern key in a shard the script
	 * did not declare is refused; with the keys declared it works.
	 */
	@Test
	void scriptsSortLikeRedis() {
		fixture(engineClient);
		fixture(redisClient);
		for (String line : List.of("EVAL return␠redis.call('sort',KEYS[1],'by','nosort') 1 sset",
				"EVAL return␠redis.call('sort',KEYS[1],'by','NOSORT','desc') 1 sset",
				"EVAL return␠redis.call('sort',KEYS[1],'by','nosort','limit',0,5) 1 zmany",
				"EVAL return␠redis.call('sort',KEYS[1],'by','nosort','desc','limit',1,3) 1 nums",
				"EVAL return␠redis.call('sort_ro',KEYS[1],'alpha','limit',1,3) 1 words",
				"EVAL return␠redis.call('sort',KEYS[1],'store',KEYS[2]) 2 nums dst", "LRANGE dst 0 -1",
				"EVAL return␠redis.call('sort',KEYS[1]) 1 bad",
				"EVAL return␠redis.call('sort',KEYS[1],'get','#','by','nosort') 1 ids",
				"EVAL return␠redis.call('sort_ro',KEYS[1],'store','x') 1 ids")) {
			compare(line);
		}
		// the engine's one difference: keys of a BY or GET pattern are readable from a
		// script only in the shards it locked
		Resp undeclared = call(engineClient, "EVAL return␠redis.call('sort',KEYS[1],'by','w_*','get','o_*->s') 1 ids");
		if (undeclared.isError()) {
			assertThat(undeclared.text())
				.startsWith("ERR Script attempted to access a non local key in a cluster node");
		}
		else {
			assertThat(undeclared)
				.isEqualTo(call(redisClient, "EVAL return␠redis.call('sort',KEYS[1],'by','w_*','get','o_*->s') 1 ids"));
		}
	}

	/** SORT queued in a transaction reads its pattern keys under EXEC's locks. */
	@Test
	void transactionsSortLikeRedis() {
		fixture(engineClient);
		fixture(redisClient);
		for (String line : List.of("MULTI", "SORT ids BY w_* GET # GET o_*->s", "SET w_9 -100",
				"SORT ids BY w_* LIMIT 0 2 STORE dst", "SORT_RO ids STORE dst", "SORT str", "LRANGE dst 0 -1", "EXEC",
				"MULTI", "SORT ids FOO", "EXEC")) {
			compare(line);
		}
	}

	/**
	 * BY with a pattern and GET need read access to every key (allkeys, or {@code *} that
	 * reads); BY a constant does not.
	 */
	@Test
	void aclRefusalsLikeRedis() {
		fixture(engineClient);
		fixture(redisClient);
		List<String> users = List.of("ACL SETUSER restricted on nopass ~ids ~nums +@all",
				"ACL SETUSER reader on nopass %R~* +@all", "ACL SETUSER writer on nopass %W~* +@all",
				"ACL SETUSER sel on nopass ~ids +@all (~* -@all +sort)",
				"ACL SETUSER sel2 on nopass ~ids +@all (~* +get)");
		for (String line : users) {
			compare(line);
		}
		for (String user : List.of("restricted", "reader", "writer", "sel", "sel2")) {
			compare("AUTH " + user + " x");
			for (String line : List.of("SORT ids BY w_*", "SORT ids GET #", "SORT ids BY nosort", "SORT ids",
					"SORT ids BY w_* LIMIT x 1", "SORT ids LIMIT x 1 BY w_*", "SORT ids GET # FOO",
					"SORT ids FOO GET #", "SORT_RO ids GET o_*->s", "SORT ids BY nosort GET # STORE nums",
					"SORT ids STORE dst")) {
				compare(line);
			}
			compare("AUTH default x");
		}
		// a script runs as its caller: BY and GET are refused to a user of some keys
		compare("AUTH restricted x");
		compare("EVAL return␠redis.call('sort',KEYS[1],'by','w_*') 1 ids");
		compare("EVAL return␠redis.call('sort',KEYS[1],'get','#') 1 ids");
		compare("EVAL return␠redis.call('sort',KEYS[1],'by','nosort') 1 ids");
		compare("AUTH default x");
	}

	/** A list SORT stores serves a client blocked on the destination. */
	@Test
	void storeServesBlockedClientsLikeRedis() {
		freshFixture();
		List<Resp> served = new ArrayList<>();
		for (int port : new int[] { engine.port(), REDIS.port() }) {
			try (RespClient blocked = new RespClient(port); RespClient writer = new RespClient(port)) {
				blocked.send(RespClient.encode("BLPOP", "dst", "0"));
				long deadline = System.nanoTime() + 10_000_000_000L;
				while (!writer.call("INFO", "clients").text().contains("blocked_clients:1\r\n")) {
					assertThat(System.nanoTime()).isLessThan(deadline);
					Thread.onSpinWait();
				}
				served.add(writer.call("SORT", "nums", "DESC", "STORE", "dst"));
				served.add(blocked.read());
				served.add(writer.call("LRANGE", "dst", "0", "-1"));
			}
		}
		assertThat(served.subList(0, 3)).isEqualTo(served.subList(3, 6));
	}

	/** RESP3: a GET of nothing is a null, a STORE an integer. */
	@Test
	void resp3RepliesLikeRedis() {
		fixture(engineClient);
		fixture(redisClient);
		for (String line : List.of("HELLO 3", "SORT ids GET # GET w_* GET o_*->s LIMIT 5 4",
				"SORT ids BY w_* GET nostar", "SORT missing", "SORT ids STORE dst", "SORT bad",
				"SORT_RO zs BY nosort")) {
			Resp theirs = call(redisClient, line);
			Resp mine = call(engineClient, line);
			if (line.equals("HELLO 3")) {
				assertThat(mine.isError()).isFalse();
				continue;
			}
			assertThat(mine).as(line).isEqualTo(theirs);
		}
	}

	/**
	 * The "SORT sanity" cases of sort.tcl made a seeded random run: random lists, sets
	 * and sorted sets with weights in strings and hashes, sorted with random options.
	 */
	@Test
	void randomSortsReplyLikeRedis() {
		Random rnd = new Random(20261202L);
		for (int round = 0; round < 60; round++) {
			List<String> setup = new ArrayList<>();
			setup.add("FLUSHALL");
			int n = rnd.nextInt(60);
			boolean big = rnd.nextBoolean();
			for (int i = 0; i < n; i++) {
				String element = rnd.nextInt(4) == 0 ? "e" + rnd.nextInt(1000)
						: Integer.toString(rnd.nextInt(200) - 50);
				setup.add("RPUSH tosort " + element);
				setup.add("SADD tosortset " + (big ? "s" : "") + element);
				setup.add("ZADD tosortz " + (rnd.nextInt(40) - 20) + " " + element);
				String weight = switch (rnd.nextInt(5)) {
					case 0 -> Integer.toString(rnd.nextInt(20));
					case 1 -> rnd.nextInt(100) / 7.0 + "";
					case 2 -> "w" + rnd.nextInt(5);
					case 3 -> Long.toString(rnd.nextLong());
					default -> "";
				};
				if (rnd.nextInt(10) > 0) {
					setup.add("SET weight_" + element + " " + (weight.isEmpty() ? "0" : weight));
					setup.add("HSET wobj_" + element + " weight " + (weight.isEmpty() ? "0" : weight) + " name n"
							+ rnd.nextInt(9));
				}
			}
			for (String line : setup) {
				redisClient.call(split(line));
				engineClient.call(split(line));
			}
			for (int q = 0; q < 40; q++) {
				String key = switch (rnd.nextInt(3)) {
					case 0 -> "tosort";
					case 1 -> "tosortz";
					default -> "tosortset";
				};
				StringBuilder cmd = new StringBuilder(rnd.nextInt(6) == 0 ? "SORT_RO " : "SORT ").append(key);
				boolean alpha = rnd.nextBoolean();
				boolean bySomething = false;
				switch (rnd.nextInt(4)) {
					case 0 -> {
						cmd.append(" BY weight_*");
						bySomething = true;
					}
					case 1 -> {
						cmd.append(" BY wobj_*->weight");
						bySomething = true;
					}
					case 2 -> {
						cmd.append(key.equals("tosortset") ? " BY weight_*" : " BY nosort");
						bySomething = key.equals("tosortset");
					}
					default -> {
					}
				}
				if (alpha) {
					cmd.append(" ALPHA");
				}
				if (rnd.nextBoolean()) {
					cmd.append(rnd.nextBoolean() ? " DESC" : " ASC");
				}
				if (rnd.nextBoolean()) {
					cmd.append(" LIMIT ").append(rnd.nextInt(n + 3) - 2).append(' ').append(rnd.nextInt(n + 3) - 2);
				}
				for (int g = rnd.nextInt(3); g > 0; g--) {
					cmd.append(switch (rnd.nextInt(3)) {
						case 0 -> " GET #";
						case 1 -> " GET weight_*";
						default -> " GET wobj_*->name";
					});
				}
				if (cmd.toString().startsWith("SORT ") && rnd.nextInt(4) == 0) {
					cmd.append(" STORE dst");
				}
				String line = cmd.toString();
				Resp theirs = call(redisClient, line);
				Resp mine = call(engineClient, line);
				if (!theirs.isError() && alpha && bySomething && !key.equals("tosort")) {
					// ties of equal ALPHA weights keep the order in which each server
					// iterates its hash table
					assertThat(mine.type()).as(line).isEqualTo(theirs.type());
					compare("DEL dst");
					continue;
				}
				assertThat(mine).as(line).isEqualTo(theirs);
				assertThat(call(engineClient, "LRANGE dst 0 -1")).as(line)
					.isEqualTo(call(redisClient, "LRANGE dst 0 -1"));
			}
		}
	}

	private void compare(String line) {
		Resp theirs = call(redisClient, line);
		assertThat(call(engineClient, line)).as(line).isEqualTo(theirs);
	}

	private static Resp call(RespClient c, String line) {
		return c.call(split(line));
	}

	/**
	 * Spaces separate arguments; U+2420 stands for a space inside one, U+2400 for a NUL;
	 * the text is sent as ISO-8859-1 bytes.
	 */
	private static byte[][] split(String line) {
		String[] parts = line.split(" ");
		byte[][] args = new byte[parts.length][];
		for (int i = 0; i < parts.length; i++) {
			args[i] = parts[i].replace('\u2420', ' ').replace('\u2400', '\0').getBytes(StandardCharsets.ISO_8859_1);
		}
		return args;
	}

}

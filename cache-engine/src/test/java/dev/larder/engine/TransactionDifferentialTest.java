package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transactions on the engine and on a real redis-server 7.0.15, driven the same way: two
 * connections per server (a and b), the same script of commands on both, every reply
 * compared. The scripts follow Redis's tests/unit/multi.tcl. A step is "a CMD args" or "b
 * CMD args"; "!a ..." runs without comparing the reply; "~expire key" waits until the
 * key's time to live has passed, without touching it.
 */
class TransactionDifferentialTest {

	@org.junit.jupiter.api.extension.RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	private static Side engineSide;

	private static Side redisSide;

	/** One server's two connections. */
	private record Side(RespClient a, RespClient b) {

		RespClient client(String name) {
			return name.equals("a") ? a : b;
		}

		void close() {
			a.close();
			b.close();
		}

	}

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		engineSide = new Side(new RespClient(engine.port()), new RespClient(engine.port()));
		redisSide = new Side(new RespClient(REDIS.port()), new RespClient(REDIS.port()));
		redisSide.a().call("DEBUG", "SET-ACTIVE-EXPIRE", "0");
	}

	@AfterAll
	static void stop() {
		if (engineSide != null) {
			engineSide.close();
			redisSide.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	static Stream<Arguments> scripts() {
		return Stream.of(
				script("MULTI / EXEC basics", "a RPUSH mylist a", "a RPUSH mylist b", "a MULTI", "a LRANGE mylist 0 -1",
						"a PING", "a SET x 1", "a INCR x", "a EXEC"),
				script("DISCARD", "a MULTI", "a SET x 2", "a DISCARD", "a GET x"),
				script("nested MULTI is an error that keeps the transaction", "a MULTI", "a MULTI", "a SET x 3",
						"a EXEC"),
				script("WATCH inside MULTI is an error that keeps the transaction", "a MULTI", "a WATCH x", "a SET x 3",
						"a EXEC"),
				script("EXEC and DISCARD without MULTI", "a EXEC", "a DISCARD", "a UNWATCH"),
				script("an unknown command aborts EXEC", "a MULTI", "a SET x 1", "a NOTACOMMAND", "a SET y 1", "a EXEC",
						"a EXISTS x y"),
				script("wrong arity aborts EXEC", "a MULTI", "a SET x", "a GET x", "a EXEC"),
				script("unknown subcommand aborts EXEC", "a MULTI", "a CLIENT NOSUCH", "a EXEC"),
				script("after EXECABORT the client is out of MULTI", "a MULTI", "a BOGUS", "a EXEC", "a PING",
						"a MULTI", "a PING", "a EXEC"),
				script("runtime errors do not roll back", "a SET str v", "a MULTI", "a INCR str", "a LPUSH str x",
						"a SET other 1", "a EXEC", "a GET other"),
				script("EXEC works on a WATCHed key not modified", "a SET x 30", "a WATCH x", "a MULTI", "a PING",
						"a EXEC"),
				script("EXEC fails on a WATCHed key modified by another client", "a SET x 30", "a WATCH x",
						"b SET x 40", "a MULTI", "a PING", "a EXEC"),
				script("EXEC fails on 1 modified key of 5 watched", "a SET x 30", "a WATCH a b x k z", "b SET x 40",
						"a MULTI", "a PING", "a EXEC"),
				script("a write by the client itself before MULTI fails EXEC", "a WATCH x", "a SET x 1", "a MULTI",
						"a PING", "a EXEC"),
				script("WATCH of a missing key, created by another client", "a WATCH missing", "b SET missing 1",
						"a MULTI", "a PING", "a EXEC"),
				script("EXPIRE touches a watched key", "a SET x foo", "a WATCH x", "b EXPIRE x 100", "a MULTI",
						"a PING", "a EXEC"),
				script("DEL touches a watched key", "a SET x foo", "a WATCH x", "b DEL x", "a MULTI", "a PING",
						"a EXEC"),
				script("RENAME touches source and destination", "a SET src 1", "a SET dst 2", "a WATCH dst",
						"b RENAME src dst", "a MULTI", "a PING", "a EXEC"),
				script("after a successful EXEC the key is no longer watched", "a SET x 30", "a WATCH x", "a MULTI",
						"a PING", "a EXEC", "b SET x 40", "a MULTI", "a PING", "a EXEC"),
				script("after a failed EXEC the key is no longer watched", "a SET x 30", "a WATCH x", "b SET x 40",
						"a MULTI", "a PING", "a EXEC", "b SET x 50", "a MULTI", "a PING", "a EXEC"),
				script("UNWATCH", "a SET x 30", "a WATCH x", "b SET x 40", "a UNWATCH", "a MULTI", "a PING", "a EXEC"),
				script("UNWATCH with nothing watched", "a UNWATCH", "a MULTI", "a PING", "a EXEC"),
				script("UNWATCH inside MULTI is queued", "a SET x 1", "a WATCH x", "a MULTI", "a UNWATCH", "a PING",
						"a EXEC"),
				script("WATCH remembers the database of a key", "a SELECT 5", "a SET x 30", "a WATCH x", "a SELECT 1",
						"a SET x 10", "a SELECT 5", "a MULTI", "a PING", "a EXEC", "a SELECT 0"),
				script("DISCARD clears the dirty flag", "a SET x 10", "a WATCH x", "b SET x 20", "a MULTI", "a DISCARD",
						"a MULTI", "a INCR x", "a EXEC"),
				script("DISCARD unwatches every key", "a SET x 10", "a WATCH x", "a MULTI", "a DISCARD", "b SET x 10",
						"a MULTI", "a INCR x", "a EXEC"),
				script("RESET unwatches and leaves MULTI", "a SET x 1", "a WATCH x", "a RESET", "b SET x 2", "a MULTI",
						"a GET x", "a RESET", "a EXEC", "a MULTI", "a GET x", "a EXEC"),
				script("blocking commands answer at once inside MULTI", "a MULTI", "a BLPOP empty 0", "a BRPOP empty 0",
						"a BLMOVE empty dst LEFT RIGHT 0", "a BZPOPMIN emptyz 0", "a EXEC"),
				script("a queued write wakes a client blocked on its key", "a MULTI", "a RPUSH q one", "a EXEC",
						"a LRANGE q 0 -1"),
				script("SELECT inside MULTI", "a MULTI", "a SELECT 2", "a SET y 1", "a EXEC", "a GET y", "a SELECT 0",
						"a GET y"),
				script("RESP3 replies inside EXEC and a failed EXEC", "!a HELLO 3", "a HSET h f v", "a MULTI",
						"a HGETALL h", "a ZADD z 1 m", "a ZSCORE z m", "a EXEC", "a WATCH h", "b HSET h f w", "a MULTI",
						"a PING", "a EXEC", "!a HELLO 2"),
				script("EXEC of read commands is not refused when out of memory", "a SET x 1",
						"a CONFIG SET maxmemory-policy noeviction", "a MULTI", "a GET x", "b CONFIG SET maxmemory 1",
						"a EXEC", "b CONFIG SET maxmemory 0"),
				script("EXEC of a denyoom command is refused when out of memory",
						"a CONFIG SET maxmemory-policy noeviction", "a MULTI", "a SET x 1", "b CONFIG SET maxmemory 1",
						"a EXEC", "b CONFIG SET maxmemory 0", "a GET x"),
				script("every command is refused inside MULTI when out of memory",
						"a CONFIG SET maxmemory-policy noeviction", "a SET x 1", "b CONFIG SET maxmemory 1", "a MULTI",
						"a GET x", "b CONFIG SET maxmemory 0", "a EXEC"),
				script("DISCARD is not refused when out of memory", "a CONFIG SET maxmemory-policy noeviction",
						"a SET x 1", "a MULTI", "a SET y 1", "b CONFIG SET maxmemory 1", "a WATCH x", "a DISCARD",
						"b CONFIG SET maxmemory 0", "a EXISTS y"),
				script("NOAUTH is not reached inside MULTI, QUEUED replies for every command", "a MULTI", "a ECHO hi",
						"a TYPE x", "a DBSIZE", "a EXEC"),
				script("keyspace-walking commands inside EXEC", "a SET k1 1", "a SET k2 2", "a MULTI", "a DBSIZE",
						"a KEYS k1*", "a SET k3 3", "a DBSIZE", "a EXEC"),
				script("FLUSHDB inside EXEC", "a SET k1 1", "a MULTI", "a FLUSHDB", "a SET k2 2", "a DBSIZE", "a EXEC"),
				script("a script inside EXEC", "a MULTI", "a EVAL return redis.call('INCR',KEYS[1]) 1 counter",
						"a GET counter", "a EXEC"),
				script("WATCH of a key already expired does not fail EXEC", "a SET x foo PX 1", "~expire x",
						"a WATCH x", "a MULTI", "a PING", "a EXEC"),
				script("deleting a watched key that was expired does not fail EXEC", "a SET x foo PX 1", "~expire x",
						"a WATCH x", "b DEL x", "a MULTI", "a PING", "a EXEC"),
				script("recreating a watched key that was expired fails EXEC", "a SET x foo PX 1", "~expire x",
						"a WATCH x", "b SET x bar", "a MULTI", "a PING", "a EXEC"),
				script("a watched key that expires before EXEC fails it", "a SET x foo PX 5", "a WATCH x", "~expire x",
						"a MULTI", "a PING", "a EXEC"));
	}

	/** FLUSHDB, FLUSHALL, SWAPDB and MOVE reach watches through KeyChanges. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("flushScripts")
	void flushesTouchWatchedKeysAsRedisDoes(String name, List<String> steps) {
		sameReplies(steps);
	}

	static Stream<Arguments> flushScripts() {
		return Stream.of(
				script("FLUSHALL touches watched keys", "a SET x 30", "a WATCH x", "b FLUSHALL", "a MULTI", "a PING",
						"a EXEC"),
				script("FLUSHALL does not touch watched keys that do not exist", "a WATCH x", "b FLUSHALL", "a MULTI",
						"a PING", "a EXEC"),
				script("FLUSHDB touches watched keys", "a SET x 30", "a WATCH x", "b FLUSHDB", "a MULTI", "a PING",
						"a EXEC"),
				script("FLUSHDB of another database does not touch watched keys", "a SET x 30", "a WATCH x",
						"b SELECT 9", "b FLUSHDB", "b SELECT 0", "a MULTI", "a PING", "a EXEC"),
				script("FLUSHDB while watching only stale keys does not fail EXEC", "a SET x foo PX 1", "~expire x",
						"a WATCH x", "b FLUSHDB", "a MULTI", "a PING", "a EXEC"),
				script("SWAPDB touches watched keys that exist", "a SET x 30", "a WATCH x", "b SWAPDB 0 1", "a MULTI",
						"a PING", "a EXEC"),
				script("SWAPDB touches watched keys that the swap brings in", "b SELECT 1", "b SET x 30", "a WATCH x",
						"b SWAPDB 0 1", "a MULTI", "a PING", "a EXEC"),
				script("SWAPDB does not touch watched keys absent from both", "a WATCH x", "b SWAPDB 0 1", "a MULTI",
						"a PING", "a EXEC"),
				script("SWAPDB does not touch non-existing key replaced with stale key", "b SELECT 1",
						"b SET x foo PX 1", "~expire x", "a WATCH x", "b SWAPDB 0 1", "a MULTI", "a PING", "a EXEC"),
				script("MOVE away touches the watched key", "a SET x 30", "a WATCH x", "b MOVE x 1", "a MULTI",
						"a PING", "a EXEC"),
				script("MOVE into the watched key's database touches it", "b SELECT 1", "b SET x 30", "a WATCH x",
						"b MOVE x 0", "a MULTI", "a PING", "a EXEC"),
				script("a failed MOVE does not touch the watched key", "a SET x 30", "b SELECT 1", "b SET x 1",
						"a WATCH x", "b MOVE x 0", "a MULTI", "a PING", "a EXEC"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void transactionsReplyAsRedisDoes(String name, List<String> steps) {
		sameReplies(steps);
	}

	private static void sameReplies(List<String> steps) {
		assertThat(run(engineSide, steps)).as("engine").isEqualTo(run(redisSide, steps));
	}

	private static Arguments script(String name, String... steps) {
		return Arguments.of(name, List.of(steps));
	}

	/** Runs the steps from a clean state; returns each step's reply as text. */
	private static List<String> run(Side side, List<String> steps) {
		for (RespClient c : List.of(side.a(), side.b())) {
			c.call("RESET");
		}
		side.a().call("FLUSHALL");
		side.a().call("CONFIG", "SET", "maxmemory", "0");
		List<String> replies = new ArrayList<>();
		for (String step : steps) {
			String[] words = step.split(" ");
			if (words[0].equals("~expire")) {
				awaitExpired(side.b(), words[1]);
				continue;
			}
			String[] args = Arrays.copyOfRange(words, 1, words.length);
			if (args[0].equals("EVAL")) {
				args = evalArgs(step);
			}
			if (words[0].startsWith("!")) {
				// run but not compared (HELLO's reply carries the client id)
				side.client(words[0].substring(1)).call(args);
				continue;
			}
			replies.add(step + " -> " + side.client(words[0]).call(args));
		}
		return replies;
	}

	/** EVAL's script has spaces: the step is "a EVAL <script> <numkeys> <keys...>". */
	private static String[] evalArgs(String step) {
		String body = step.substring("a EVAL ".length());
		int end = body.indexOf(") ") + 1;
		List<String> args = new ArrayList<>(List.of("EVAL", body.substring(0, end)));
		args.addAll(List.of(body.substring(end + 1).split(" ")));
		return args.toArray(new String[0]);
	}

	/**
	 * Waits, polling with a deadline, until the key's time to live has passed on the
	 * server, without touching the key (which would delete it): the server's clock is
	 * read with TIME and compared with the key's PEXPIRETIME read first.
	 */
	private static void awaitExpired(RespClient c, String key) {
		Resp at = c.call("PEXPIRETIME", key);
		long expireAt = Long.parseLong(at.text());
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (System.nanoTime() < deadline) {
			Resp time = c.call("TIME");
			long nowMillis = Long.parseLong(time.items().get(0).text()) * 1000
					+ Long.parseLong(time.items().get(1).text()) / 1000;
			if (nowMillis > expireAt) {
				return;
			}
		}
		throw new AssertionError(key + " did not expire within 5 s");
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error an argument parser can raise, and the order in which they win when several
 * apply, checked against a real redis-server: each command runs on the engine and on
 * Redis over the same fixture, and the replies must be equal byte for byte. Where Redis
 * looks a key up before it reads an option, a wrong-type key meets a bad option, so the
 * table also pins which of WRONGTYPE and the option error comes first. The random
 * {@link DifferentialTest} finds these only by chance; this table names them.
 */
class ArgumentErrorsDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final String MIN = "-9223372036854775808";

	private static final String MAX = "9223372036854775807";

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

	/** One key of each type; "ninf" scores -inf so an INCR by +inf makes NaN. */
	private static void fixture(RespClient c) {
		c.call("RESET");
		c.call("FLUSHALL");
		c.call("SET", "str", "v");
		c.call("HSET", "hash", "f", "v");
		c.call("RPUSH", "list", "a", "b", "a", "c");
		c.call("SADD", "set", "a", "b", "c");
		c.call("ZADD", "zset", "1", "a", "2", "b", "3", "c", "-inf", "ninf");
	}

	static Stream<String> strings() {
		return Stream.of("SET k v NX XX", "SET k v XX NX", "SET k v EX", "SET k v EX 10 PX 100", "SET k v EX 1 EX 2",
				"SET k v KEEPTTL EX 1", "SET k v EX 1 KEEPTTL", "SET k v PERSIST", "SET k v FOO", "SET k v EX abc",
				"SET k v EX 0", "SET k v PX -1", "SET k v EXAT " + MAX, "SET k v EX " + MAX, "SET k v PX " + MAX,
				"SET k v EX abc NX XX", "SET hash v GET EX 0", "SET hash v GET EX 10", "SET hash v GET FOO",
				"SET hash v NX GET", "GETEX missing EX abc", "GETEX missing FOO", "GETEX str EX abc",
				"GETEX str PERSIST EX 10", "GETEX str EX 10 PERSIST", "GETEX str KEEPTTL", "GETEX str GET",
				"GETEX str NX", "GETEX str EX 0", "GETEX str PXAT 0", "GETEX hash EX abc", "GETEX hash FOO",
				"SETEX k 0 v", "SETEX k abc v", "PSETEX k -1 v", "SETEX hash 0 v", "GETRANGE str x 1",
				"GETRANGE hash x 1", "SETRANGE str -1 v", "SETRANGE hash -1 v", "SETRANGE str x v", "INCRBYFLOAT str 1",
				"INCRBYFLOAT k x", "INCRBYFLOAT hash x", "DECRBY k " + MIN);
	}

	static Stream<String> keys() {
		return Stream.of("EXPIRE str 10 FOO", "EXPIRE str 10 NX XX", "EXPIRE str 10 NX GT", "EXPIRE str 10 GT LT",
				"EXPIRE str 10 XX GT", "EXPIRE str abc NX XX", "EXPIRE str abc FOO", "EXPIRE str abc GT LT",
				"EXPIRE missing abc", "EXPIRE missing 10 FOO", "EXPIRE str " + MAX, "EXPIRE str " + MIN,
				"PEXPIRE str " + MAX, "PEXPIREAT str " + MAX, "EXPIREAT str " + MIN, "EXPIRE str 10 GT",
				"EXPIRE str 10 LT", "EXPIRE str 10 XX", "EXPIRE str -1 NX", "COPY str dst DB x", "COPY str dst DB 99",
				"COPY str dst DB -1", "COPY str dst FOO", "COPY str dst DB", "COPY str str", "COPY str str DB 0",
				"COPY str str DB 1", "COPY str dst DB 99 FOO", "COPY str dst FOO DB 99", "COPY missing dst DB x",
				"FLUSHDB FOO", "FLUSHALL ASYNC SYNC");
	}

	static Stream<String> sortedSets() {
		return Stream.of("ZADD zset NX XX 1 a", "ZADD zset GT LT 1 a", "ZADD zset NX GT 1 a", "ZADD zset NX LT 1 a",
				"ZADD zset INCR 1 a 2 b", "ZADD zset 1", "ZADD zset NX XX 1", "ZADD zset NX XX x a", "ZADD zset x a",
				"ZADD zset 1 a x b", "ZADD zset INCR x a 1 b", "ZADD zset FOO 1 a", "ZADD zset INCR 1 a 2",
				"ZADD str 1 a", "ZADD str x a", "ZADD str NX XX 1 a", "ZADD zset INCR +inf ninf",
				"ZADD zset XX GT CH 5 a", "ZADD missing XX INCR 1 a", "ZINCRBY zset x a", "ZINCRBY zset +inf ninf",
				"ZINCRBY str x a", "ZRANGE zset 0 1 LIMIT 0 1", "ZRANGE zset a b BYLEX WITHSCORES",
				"ZRANGE zset 0 1 REV REV", "ZRANGE zset 0 1 BYSCORE BYLEX", "ZRANGE zset 0 1 BYSCORE BYSCORE",
				"ZRANGE zset x 1", "ZRANGE zset 0 x", "ZRANGE zset x 1 BYSCORE", "ZRANGE zset 1 x BYSCORE",
				"ZRANGE zset nan 1 BYSCORE", "ZRANGE zset x 1 BYLEX", "ZRANGE zset [a x BYLEX",
				"ZRANGE zset 0 1 LIMIT x 1 BYSCORE", "ZRANGE zset 0 1 BYSCORE LIMIT 0", "ZRANGE zset 0 1 LIMIT 0 1 FOO",
				"ZRANGE zset x 1 LIMIT 0 1", "ZRANGE str x 1", "ZRANGE str 0 1", "ZRANGE str 0 1 FOO",
				"ZRANGE str 0 1 LIMIT 0 1", "ZRANGE zset (1 x BYSCORE REV", "ZRANGE zset x (1 BYSCORE REV",
				"ZRANGEBYSCORE zset 0 1 REV", "ZRANGEBYSCORE zset 0 1 BYSCORE", "ZRANGEBYSCORE zset 0 1 LIMIT 0",
				"ZRANGEBYSCORE zset x 1 LIMIT 0 1 FOO", "ZRANGEBYLEX zset - + WITHSCORES", "ZRANGEBYLEX zset - x",
				"ZREVRANGE zset 0 1 LIMIT 0 1", "ZREVRANGE zset 0 1 REV", "ZREVRANGEBYSCORE zset x (1",
				"ZREVRANGEBYSCORE zset (1 x", "ZREVRANGEBYLEX zset x -", "ZRANGESTORE dst zset 0 1 WITHSCORES",
				"ZRANGESTORE dst zset 0 1 LIMIT 0 1", "ZRANGESTORE dst str 0 1", "ZRANGESTORE dst zset x 1 BYSCORE",
				"ZREMRANGEBYRANK zset x 1", "ZREMRANGEBYRANK zset 0 x", "ZREMRANGEBYSCORE zset x 1",
				"ZREMRANGEBYLEX zset x +", "ZREMRANGEBYSCORE str x 1", "ZREMRANGEBYRANK str 0 1", "ZCOUNT zset x 1",
				"ZCOUNT str x 1", "ZLEXCOUNT zset - x", "ZLEXCOUNT str - x", "ZUNION 0 zset", "ZUNIONSTORE dst 0 zset",
				"ZUNION x zset", "ZUNION -1 zset", "ZUNION 3 zset", "ZUNION 2 zset str FOO", "ZUNION 1 zset FOO",
				"ZUNION 1 zset WEIGHTS x", "ZUNION 2 zset set WEIGHTS 1", "ZUNION 2 zset set WEIGHTS 1 x",
				"ZUNION 1 zset AGGREGATE AVG", "ZUNION 1 zset AGGREGATE", "ZUNION 1 zset WEIGHTS x AGGREGATE AVG",
				"ZUNION 1 zset AGGREGATE AVG WEIGHTS x", "ZDIFF 1 zset WEIGHTS 1", "ZDIFF 1 zset AGGREGATE SUM",
				"ZDIFFSTORE dst 0 zset", "ZUNIONSTORE dst 1 zset WITHSCORES", "ZINTER 2 zset str WEIGHTS x 1",
				"ZINTER 0 str", "ZINTERSTORE dst 2 zset hash", "ZINTERCARD 0 zset", "ZINTERCARD x zset",
				"ZINTERCARD 2 zset", "ZINTERCARD 1 zset LIMIT -1", "ZINTERCARD 1 zset LIMIT x",
				"ZINTERCARD 1 zset LIMIT", "ZINTERCARD 2 zset str LIMIT -1", "ZINTERCARD 1 zset WITHSCORES",
				"ZINTERCARD 1 zset WEIGHTS 1", "ZRANDMEMBER zset x", "ZRANDMEMBER zset " + MIN,
				"ZRANDMEMBER zset 1 FOO", "ZRANDMEMBER zset x FOO", "ZRANDMEMBER zset " + MIN + " FOO",
				"ZRANDMEMBER zset 1 WITHSCORES extra", "ZRANDMEMBER zset 1 WITHVALUES", "ZRANDMEMBER str 1",
				"ZRANDMEMBER str 1 FOO", "ZPOPMIN zset -1", "ZPOPMIN zset x", "ZPOPMIN zset 1 2", "ZPOPMAX str -1",
				"ZPOPMAX str 1", "ZMPOP 0 zset MIN", "ZMPOP 1 zset MID", "ZMPOP 1 zset MIN COUNT 0",
				"ZMPOP 1 zset MIN COUNT 1 COUNT 1", "ZMPOP 2 zset", "BZMPOP x 0 zset MIN", "BZMPOP x 1 zset MID",
				"BZMPOP x 1 zset MIN COUNT 0", "BZMPOP x 1 str MIN", "BZMPOP -1 1 zset MIN COUNT -1",
				"BZMPOP x 1 zset MIN COUNT 1 FOO", "BZMPOP x 3 zset MIN", "BZMPOP x 1 str MIN FOO",
				"ZMPOP 9999999999 zset MIN", "BZMPOP 0 2147483647 zset MIN", "ZRANK zset a WITHSCORE",
				"ZRANK zset a FOO", "ZRANK str a WITHSCORE", "ZREVRANK zset a WITHSCORE",
				"ZREVRANK missing a WITHSCORE", "ZRANK zset a WITHSCORE extra", "ZSCAN zset x", "ZSCAN zset 0 COUNT 0",
				"ZSCAN missing 0 FOO", "ZSCAN zset 0 MATCH", "ZSCAN str 0 FOO");
	}

	static Stream<String> listsSetsHashes() {
		return Stream.of("LPOS list a RANK 0", "LPOS list a COUNT -1", "LPOS list a MAXLEN -1", "LPOS list a RANK x",
				"LPOS list a COUNT x", "LPOS list a MAXLEN x", "LPOS list a FOO", "LPOS list a RANK",
				"LPOS str a RANK 0", "LPOS str a FOO", "LPOS list a RANK 0 FOO", "LPOS list a FOO RANK 0",
				"LPOS list a RANK -1 COUNT 0", "LPOS list a RANK 2 RANK -2 COUNT 5", "LPOS list a MAXLEN 1 COUNT 0",
				"LPOS missing a COUNT 1", "LPOS list a RANK " + MIN, "LPOS list a RANK " + MIN + " COUNT 0",
				"LPOS list a RANK " + MIN + " COUNT 1", "LPOS list a RANK " + MIN + " COUNT 2",
				"LPOS list a RANK " + MIN + " MAXLEN 1", "LPOS list a RANK " + MIN + " MAXLEN 2",
				"LPOS list a RANK " + MIN + " MAXLEN 3 COUNT 1", "LPOS list c RANK " + MIN + " COUNT 1",
				"LPOS list a RANK -" + MAX + " COUNT 0", "LPOS list a RANK " + MAX,
				"LPOS missing a RANK " + MIN + " COUNT 1", "LPOS str a RANK " + MIN, "LPOS list a RANK " + MIN + " FOO",
				"LMOVE list dst UP LEFT", "LMOVE list dst LEFT DOWN", "LMOVE list dst UP DOWN", "LMOVE str dst LEFT UP",
				"LMOVE str dst LEFT LEFT", "LMOVE list str LEFT LEFT", "BLMOVE list dst LEFT LEFT x",
				"BLMOVE list dst UP LEFT x", "BLMOVE list dst LEFT UP x", "BLMOVE str dst LEFT LEFT x",
				"BLMOVE list dst UP LEFT -1", "BLMOVE str dst UP LEFT x", "BLMPOP x 0 list LEFT",
				"BLMPOP x 1 list MIDDLE", "BLMPOP x 2 list", "BLMPOP x 1 list LEFT COUNT 0",
				"BLMPOP x 1 list LEFT COUNT 1 COUNT 1", "BLMPOP x 1 list LEFT FOO", "BLMPOP x 1 str LEFT",
				"BLMPOP -1 1 list LEFT COUNT 0", "BLMPOP x -1 list LEFT", "LMPOP 2147483647 list LEFT",
				"LMPOP 9999999999 list LEFT", "BLMPOP 0 2147483647 list LEFT", "BZPOPMIN str x", "BLPOP str x",
				"LINSERT list MIDDLE a x", "LINSERT str MIDDLE a x", "LPOP list -1", "LPOP list x", "LPOP str -1",
				"RPOP list 1 2", "LMPOP 1 list MIDDLE", "LMPOP 0 list LEFT", "LMPOP 1 list LEFT COUNT -1",
				"LRANGE list x 1", "LRANGE str x 1", "LINDEX list x", "LINDEX str x", "LSET list x v", "LSET str x v",
				"LSET missing x v", "LSET list 99 v", "LREM list x a", "LTRIM list x 1", "SINTERCARD 0 set",
				"SINTERCARD x set", "SINTERCARD -1 set", "SINTERCARD 2 set", "SINTERCARD 1 set LIMIT -1",
				"SINTERCARD 1 set LIMIT x", "SINTERCARD 1 set LIMIT", "SINTERCARD 1 set FOO",
				"SINTERCARD 2 set str LIMIT -1", "SINTERCARD 2 set str", "SPOP set -1", "SPOP set x", "SPOP set 1 2",
				"SPOP str -1", "SRANDMEMBER set x y", "SRANDMEMBER set x", "SRANDMEMBER set " + MIN,
				"SRANDMEMBER str x", "SSCAN set 0 COUNT x", "SSCAN set 0 TYPE string", "HRANDFIELD hash x",
				"HRANDFIELD hash " + MIN, "HRANDFIELD hash 1 WITHSCORES", "HRANDFIELD hash 1 WITHVALUES extra",
				"HRANDFIELD hash x FOO", "HRANDFIELD str 1 WITHVALUES", "HRANDFIELD str 1 FOO", "HINCRBY hash f x",
				"HINCRBY str f x", "HINCRBYFLOAT hash f x", "HINCRBYFLOAT hash f inf", "HINCRBYFLOAT str f x",
				"HSET hash f", "HSCAN hash 0 COUNT 0", "SCAN 0 COUNT 0", "SCAN 0 TYPE", "SCAN x", "SCAN 0 MATCH * FOO");
	}

	static Stream<String> connection() {
		return Stream.of("HELLO x", "HELLO 4", "HELLO 1", "HELLO 3 FOO", "HELLO 3 AUTH default", "HELLO 3 SETNAME",
				"HELLO 3 AUTH nobody pw", "HELLO 2 SETNAME a\u2420b", "HELLO 2 AUTH nobody pw SETNAME a\u2420b",
				"HELLO x FOO", "HELLO 2 auth default pw SETNAME x\ny", "HELLO 2 AUTH default pw FOO",
				"HELLO 2 SETNAME a FOO", "HELLO 3 SETNAME a SETNAME a\u2420b", "HELLO 2 AUTH default pw AUTH nobody pw",
				"HELLO 2 SETNAME a AUTH nobody pw", "HELLO 2 SETNAME a SETNAME", "HELLO 3 SETNAME a AUTH default");
	}

	/**
	 * HELLO applies each AUTH and SETNAME as it reads it, so a name set before a bad
	 * option stays, while the protocol changes only when HELLO succeeds: the replies
	 * after it show the client's state.
	 */
	@Test
	void helloKeepsWhatItAppliedBeforeAnError() {
		List<String> lines = List.of("HELLO 3 SETNAME a FOO", "CLIENT GETNAME", "HGETALL hash",
				"HELLO 2 SETNAME b SETNAME c\u2420d", "CLIENT GETNAME", "HELLO 3 SETNAME e AUTH nobody pw",
				"CLIENT GETNAME", "HGETALL hash", "HELLO 3 SETNAME f SETNAME", "HGETALL hash", "CLIENT GETNAME");
		fixture(engineClient);
		fixture(redisClient);
		for (String line : lines) {
			String[] args = split(line);
			Resp theirs = redisClient.call(args);
			assertThat(engineClient.call(args)).as(line).isEqualTo(theirs);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "strings", "keys", "sortedSets", "listsSetsHashes", "connection" })
	void repliesLikeRedis(String command) {
		String[] args = split(command);
		fixture(engineClient);
		fixture(redisClient);
		Resp theirs = redisClient.call(args);
		assertThat(engineClient.call(args)).as(command).isEqualTo(theirs);
	}

	/**
	 * Spaces separate arguments; U+2420 (SYMBOL FOR SPACE) stands for a space inside one.
	 */
	private static String[] split(String command) {
		String[] args = command.split(" ");
		for (int i = 0; i < args.length; i++) {
			args[i] = args[i].replace('\u2420', ' ');
		}
		return args;
	}

	/**
	 * KEYS and SCAN MATCH share a port of Redis's stringmatchlen: odd patterns (unclosed
	 * and reversed classes, escapes, bytes above 0x7f) must select the same keys.
	 */
	@Test
	void globPatternsMatchLikeRedis() {
		String[] keys = { "a", "ab", "abc", "a*b", "a[b", "a]b", "a-b", "a\\b", "b", "^", "]", "-", "[", "a^b", "ä",
				"x\u0080", "\u00ffz", "" + "aaaaaaaaab" };
		String[] patterns = { "*", "a*", "a?c", "[ab]*", "[^a]*", "[a-c]", "[c-a]", "a[", "a[b", "[", "[^", "a\\*b",
				"a\\", "\\", "[\\]]*", "*[", "[]]", "[a-]*", "[-a]", "**a**", "a*b*c", "*\u0080", "[\u0080-\u00ff]*",
				"[^-]", "a*a*a*a*b", "a*a*a*a*c", "?", "??", "[\\", "[a-", "[^]]", "\\[*", "ä", "[ä]", "*z" };
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("FLUSHALL");
			for (String key : keys) {
				c.call("SET", key, "v");
			}
		}
		for (String pattern : patterns) {
			assertThat(sorted(engineClient.call("KEYS", pattern))).as("KEYS " + pattern)
				.isEqualTo(sorted(redisClient.call("KEYS", pattern)));
		}
	}

	private static List<String> sorted(Resp reply) {
		List<String> out = new ArrayList<>();
		for (Resp item : reply.items()) {
			out.add(item.text());
		}
		out.sort(Comparator.naturalOrder());
		return out;
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.keyspace.ZSetValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ZSetCommandsTest extends EngineTestSupport {

	private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

	private static Reply score(double d) {
		return new Reply.DoubleReply(d);
	}

	@Test
	void addScoreRank() {
		expect(integer(3), "ZADD", "z", "1", "a", "2", "b", "3", "c");
		expect(integer(0), "ZADD", "z", "NX", "10", "a");
		expect(integer(0), "ZADD", "z", "XX", "10", "nope");
		expect(integer(1), "ZADD", "z", "XX", "CH", "10", "a");
		expect(integer(0), "ZADD", "z", "GT", "CH", "5", "a");
		expect(integer(1), "ZADD", "z", "LT", "CH", "5", "a");
		expect(score(6), "ZADD", "z", "INCR", "1", "a");
		expect(Reply.NULL, "ZADD", "z", "NX", "INCR", "1", "a");
		expect(score(2.5), "ZINCRBY", "z", "0.5", "b");
		expect(score(6), "ZSCORE", "z", "a");
		expect(array(score(2.5), Reply.NULL), "ZMSCORE", "z", "b", "nope");
		expect(integer(2), "ZRANK", "z", "a");
		expect(integer(0), "ZREVRANK", "z", "a");
		// WITHSCORE is Redis 7.2's: 7.0 counts arguments
		expectError("ERR wrong number of arguments for 'zrank' command", "ZRANK", "z", "a", "WITHSCORE");
		expectError("ERR wrong number of arguments for 'zrevrank' command", "ZREVRANK", "z", "a", "WITHSCORE");
		expect(Reply.NULL, "ZRANK", "z", "nope");
		expect(integer(3), "ZCARD", "z");
		expect(bulk("listpack"), "OBJECT", "ENCODING", "z");
		expect(new Reply.SimpleString("zset"), "TYPE", "z");
	}

	@Test
	void ranges() {
		run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
		expect(bulks("a", "b"), "ZRANGE", "z", "0", "1");
		expect(array(bulk("d"), score(4), bulk("c"), score(3)), "ZRANGE", "z", "0", "1", "REV", "WITHSCORES");
		expect(bulks("b", "c"), "ZRANGE", "z", "(1", "3", "BYSCORE");
		expect(bulks("c"), "ZRANGE", "z", "+inf", "-inf", "BYSCORE", "REV", "LIMIT", "1", "1");
		expect(bulks("d", "c"), "ZREVRANGEBYSCORE", "z", "inf", "(2");
		expect(bulks("b", "c"), "ZRANGEBYSCORE", "z", "2", "3");
		expect(integer(2), "ZCOUNT", "z", "(1", "3");
		run("ZADD", "lex", "0", "a", "0", "b", "0", "c");
		expect(bulks("b", "c"), "ZRANGEBYLEX", "lex", "(a", "+");
		expect(bulks("c", "b"), "ZREVRANGEBYLEX", "lex", "+", "[b");
		expect(integer(2), "ZLEXCOUNT", "lex", "[a", "(c");
		expect(integer(2), "ZRANGESTORE", "dst", "z", "0", "1");
		expect(bulks("a", "b"), "ZRANGE", "dst", "0", "-1");
		expect(integer(1), "ZREMRANGEBYRANK", "z", "0", "0");
		expect(integer(1), "ZREMRANGEBYSCORE", "z", "(3", "inf");
		expect(integer(2), "ZREMRANGEBYLEX", "lex", "-", "[b");
		expect(bulks("b", "c"), "ZRANGE", "z", "0", "-1");
	}

	@Test
	void pops() {
		run("ZADD", "z", "1", "a", "2", "b", "3", "c");
		expect(array(bulk("a"), score(1)), "ZPOPMIN", "z");
		expect(array(bulk("c"), score(3), bulk("b"), score(2)), "ZPOPMAX", "z", "5");
		expect(Reply.EMPTY_ARRAY, "ZPOPMIN", "z");
		run("ZADD", "y", "5", "m");
		expect(array(bulk("y"), array(array(bulk("m"), score(5)))), "ZMPOP", "2", "z", "y", "MIN");
		expect(Reply.NULL_ARRAY, "ZMPOP", "1", "y", "MAX");
	}

	@Test
	void algebraAcceptsPlainSets() {
		run("ZADD", "a", "1", "x", "2", "y");
		run("SADD", "s", "y", "z");
		expect(array(bulk("x"), score(1), bulk("z"), score(1), bulk("y"), score(3)), "ZUNION", "2", "a", "s",
				"WITHSCORES");
		expect(array(bulk("y"), score(4)), "ZINTER", "2", "a", "s", "WEIGHTS", "2", "0", "WITHSCORES");
		expect(array(bulk("y"), score(1)), "ZINTER", "2", "a", "s", "AGGREGATE", "MIN", "WITHSCORES");
		expect(bulks("x"), "ZDIFF", "2", "a", "s");
		expect(integer(3), "ZUNIONSTORE", "u", "2", "a", "s");
		expect(integer(0), "ZINTERSTORE", "u", "2", "a", "nothing");
		expect(integer(0), "EXISTS", "u");
		expect(integer(1), "ZINTERCARD", "2", "a", "s");
		run("ZADD", "inf", "inf", "p", "-inf", "n");
		run("ZADD", "inf2", "-inf", "p", "inf", "n");
		expect(array(bulk("n"), score(0), bulk("p"), score(0)), "ZUNION", "2", "inf", "inf2", "WITHSCORES");
	}

	/**
	 * Redis 7.0's listpack stores an integral score as an integer and so turns -0 into 0;
	 * a skip list keeps -0, and so do ZUNION and its relatives until a store converts a
	 * small result to a listpack. Every reply here is what redis-server 7.0.15 answered.
	 */
	@Test
	void negativeZeroSurvivesOnlyOutsideAListpack() {
		run("ZADD", "small", "-0", "m");
		expect(score(0.0), "ZSCORE", "small", "m");
		expect(score(-0.0), "ZINCRBY", "new", "-0", "m"); // the reply is the sum, the
															// stored score is 0
		expect(score(0.0), "ZSCORE", "new", "m");
		expect(array(bulk("m"), score(-0.0)), "ZUNION", "1", "small", "WEIGHTS", "-1", "WITHSCORES");
		expect(integer(1), "ZUNIONSTORE", "dst", "1", "small", "WEIGHTS", "-1");
		expect(score(0.0), "ZSCORE", "dst", "m");

		int size = ZSetValue.MAX_LISTPACK_ENTRIES + 1;
		String[] big = new String[2 + 2 * size];
		big[0] = "ZADD";
		big[1] = "big";
		for (int i = 1; i <= size; i++) {
			big[2 * i] = Integer.toString(i);
			big[2 * i + 1] = "m" + i;
		}
		run(big);
		expect(integer(1), "ZADD", "big", "-0", "m0");
		expect(bulk("skiplist"), "OBJECT", "ENCODING", "big");
		expect(score(-0.0), "ZSCORE", "big", "m0");
		expect(integer(0), "ZADD", "big", "CH", "0", "m0"); // 0 == -0: nothing changes
		expect(score(-0.0), "ZSCORE", "big", "m0");
		expect(integer(size + 1), "ZRANGESTORE", "copy", "big", "0", "-1");
		expect(score(-0.0), "ZSCORE", "copy", "m0");
		expect(integer(size + 1), "ZUNIONSTORE", "union", "1", "big");
		expect(score(-0.0), "ZSCORE", "union", "m0");
		expect(integer(1), "ZRANGESTORE", "one", "big", "0", "0");
		expect(score(0.0), "ZSCORE", "one", "m0");
		expect(integer(1), "ZRANGESTORE", "byscore", "big", "-inf", "0", "BYSCORE");
		expect(score(0.0), "ZSCORE", "byscore", "m0");
	}

	/**
	 * Redis combines a union's or intersection's inputs from the smallest to the largest,
	 * so the order shows where infinities meet and in the sign of a zero; MIN and MAX
	 * keep the first of two equal scores.
	 */
	@Test
	void unionAndIntersectionCombineTheSmallestInputFirst() {
		run("ZADD", "a", "-inf", "m", "1", "x", "2", "y");
		run("ZADD", "b", "inf", "m");
		expect(integer(3), "ZUNIONSTORE", "d", "3", "a", "b", "b"); // b, b, a: inf + inf
																	// + -inf = 0
		expect(score(0.0), "ZSCORE", "d", "m");
		expect(array(bulk("m"), score(0.0)), "ZINTER", "3", "a", "b", "b", "WITHSCORES");

		run("ZADD", "p", "0", "m");
		run("ZADD", "q", "0", "m", "1", "x");
		expect(array(bulk("x"), score(-1), bulk("m"), score(0.0)), "ZUNION", "2", "p", "q", "WEIGHTS", "1", "-1",
				"AGGREGATE", "MIN", "WITHSCORES");
		expect(array(bulk("m"), score(-0.0), bulk("x"), score(1)), "ZUNION", "2", "p", "q", "WEIGHTS", "-1", "1",
				"AGGREGATE", "MAX", "WITHSCORES");
		expect(array(bulk("x"), score(-1), bulk("m"), score(0.0)), "ZUNION", "2", "q", "p", "WEIGHTS", "-1", "1",
				"AGGREGATE", "MIN", "WITHSCORES");
		expect(array(bulk("m"), score(0.0)), "ZINTER", "2", "p", "q", "WEIGHTS", "1", "-1", "AGGREGATE", "MIN",
				"WITHSCORES");
		expect(array(bulk("m"), score(-0.0)), "ZINTER", "2", "p", "q", "WEIGHTS", "-1", "1", "AGGREGATE", "MAX",
				"WITHSCORES");
	}

	@Test
	void scoresPrintLikeRedis70() {
		run("ZADD", "z", "1.1", "a", "0.1", "b", "1e20", "c", "-inf", "d", "1e-5", "e", "123456789012345678", "f");
		expect(array(bulk("d"), score(Double.NEGATIVE_INFINITY), bulk("e"), score(1e-5), bulk("b"), score(0.1),
				bulk("a"), score(1.1), bulk("f"), score(123456789012345678d), bulk("c"), score(1e20)), "ZRANGE", "z",
				"0", "-1", "WITHSCORES");
		assertThat(dev.larder.engine.command.Scores.format(1.1)).isEqualTo("1.1000000000000001");
		assertThat(dev.larder.engine.command.Scores.format(0.1)).isEqualTo("0.10000000000000001");
		assertThat(dev.larder.engine.command.Scores.format(1e20)).isEqualTo("1e+20");
		assertThat(dev.larder.engine.command.Scores.format(1e-5)).isEqualTo("1.0000000000000001e-05");
		assertThat(dev.larder.engine.command.Scores.format(123456789012345678d)).isEqualTo("1.2345678901234568e+17");
		assertThat(dev.larder.engine.command.Scores.format(2)).isEqualTo("2");
		assertThat(dev.larder.engine.command.Scores.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
		assertThat(dev.larder.engine.command.Scores.format(4.9e-324)).isEqualTo("4.9406564584124654e-324");
	}

	@Test
	void errors() {
		expectError("ERR value is not a valid float", "ZADD", "z", "nan", "a");
		expectError("ERR value is not a valid float", "ZADD", "z", " 1", "a");
		expectError("ERR XX and NX options at the same time are not compatible", "ZADD", "z", "NX", "XX", "1", "a");
		expectError("ERR GT, LT, and/or NX options at the same time are not compatible", "ZADD", "z", "GT", "LT", "1",
				"a");
		expectError("ERR INCR option supports a single increment-element pair", "ZADD", "z", "INCR", "1", "a", "2",
				"b");
		expectError("ERR syntax error", "ZADD", "z", "1", "a", "2");
		run("ZADD", "z", "inf", "a");
		expectError("ERR resulting score is not a number (NaN)", "ZINCRBY", "z", "-inf", "a");
		expectError("ERR min or max is not a float", "ZCOUNT", "z", "x", "1");
		expectError("ERR min or max not valid string range item", "ZLEXCOUNT", "z", "a", "+");
		expectError("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX", "ZRANGE",
				"z", "0", "1", "LIMIT", "0", "1");
		expectError("ERR syntax error, WITHSCORES not supported in combination with BYLEX", "ZRANGE", "z", "-", "+",
				"BYLEX", "WITHSCORES");
		expectError("ERR at least 1 input key is needed for 'zunionstore' command", "ZUNIONSTORE", "d", "0", "z");
		expectError("ERR weight value is not a float", "ZUNION", "1", "z", "WEIGHTS", "x");
		expectError("ERR syntax error", "ZDIFF", "1", "z", "AGGREGATE", "SUM");
		expectError("ERR numkeys should be greater than 0", "ZMPOP", "0", "z", "MIN");
		expectError("ERR timeout is not a float or out of range", "BZPOPMIN", "z", "x");
		run("SET", "str", "v");
		for (String[] cmd : new String[][] { { "ZADD", "str", "1", "a" }, { "ZSCORE", "str", "a" }, { "ZCARD", "str" },
				{ "ZRANGE", "str", "0", "1" }, { "ZRANK", "str", "a" }, { "ZREM", "str", "a" }, { "ZPOPMIN", "str" },
				{ "ZUNION", "1", "str" }, { "ZINCRBY", "str", "1", "a" }, { "ZSCAN", "str", "0" },
				{ "ZRANGESTORE", "d", "str", "0", "1" }, { "ZRANDMEMBER", "str" } }) {
			expectError(WRONGTYPE, cmd);
		}
	}

	/**
	 * Rank, select-by-rank and score ranges checked against a sorted model, past the
	 * listpack size.
	 */
	@Test
	void skipListMatchesASortedModel() {
		ZSetValue z = new ZSetValue();
		TreeMap<String, Double> byMember = new TreeMap<>();
		Random rnd = new Random(7);
		for (int step = 0; step < 20_000; step++) {
			String m = "m" + rnd.nextInt(2000);
			byte[] mb = m.getBytes(StandardCharsets.UTF_8);
			if (rnd.nextInt(4) == 0) {
				assertThat(z.remove(mb)).isEqualTo(byMember.remove(m) != null);
			}
			else {
				double s = rnd.nextInt(50);
				z.put(mb, s);
				byMember.put(m, s);
			}
		}
		List<String> model = new ArrayList<>(byMember.keySet());
		model.sort((a, b) -> {
			int c = Double.compare(byMember.get(a), byMember.get(b));
			return c != 0 ? c : a.compareTo(b);
		});
		assertThat(z.size()).isEqualTo(model.size());
		assertThat(z.encoding()).isEqualTo("skiplist");
		for (int i = 0; i < model.size(); i++) {
			byte[] mb = model.get(i).getBytes(StandardCharsets.UTF_8);
			assertThat(z.rank(z.get(mb))).isEqualTo(i);
			assertThat(new String(z.byRank(i).member(), StandardCharsets.UTF_8)).isEqualTo(model.get(i));
		}
		ZSetValue.Node first = z.firstAtLeast(10, true);
		assertThat(first.score()).isGreaterThan(10);
		assertThat(first.prev() == null || first.prev().score() <= 10).isTrue();
	}

}

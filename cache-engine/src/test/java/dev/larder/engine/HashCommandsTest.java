package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashCommandsTest extends EngineTestSupport {

	private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

	/**
	 * Redis 7.0's hash-max-listpack-entries is 512: up to there a hash keeps insertion
	 * order and HSCAN answers it whole. Replies taken from redis-server 7.0.15.
	 */
	@Test
	void hashesStayListpacksUpTo512Fields() {
		String[] fields = new String[200];
		for (int i = 0; i < 512; i++) {
			run("HSET", "h", "f" + i, "v");
			if (i < fields.length) {
				fields[i] = "f" + i;
			}
			if (i == 199) {
				expect(bulk("listpack"), "OBJECT", "ENCODING", "h");
				expect(bulks(fields), "HKEYS", "h");
				Reply.ArrayReply scan = (Reply.ArrayReply) run("HSCAN", "h", "0", "COUNT", "10");
				assertThat(scan.items().get(0)).isEqualTo(bulk("0"));
			}
		}
		expect(bulk("listpack"), "OBJECT", "ENCODING", "h");
		run("HSET", "h", "f512", "v");
		expect(bulk("hashtable"), "OBJECT", "ENCODING", "h");
	}

	@Test
	void basicFieldOperations() {
		expect(integer(2), "HSET", "h", "a", "1", "b", "2");
		expect(integer(0), "HSET", "h", "a", "10");
		expect(Reply.OK, "HMSET", "h", "c", "3");
		expect(integer(0), "HSETNX", "h", "a", "x");
		expect(integer(1), "HSETNX", "h", "d", "4");
		expect(bulk("10"), "HGET", "h", "a");
		expect(Reply.NULL, "HGET", "h", "zz");
		expect(Reply.NULL, "HGET", "nohash", "a");
		expect(bulks("10", null, "3"), "HMGET", "h", "a", "zz", "c");
		expect(bulks(null, null), "HMGET", "nohash", "a", "b");
		expect(integer(4), "HLEN", "h");
		expect(integer(1), "HEXISTS", "h", "a");
		expect(integer(0), "HEXISTS", "h", "zz");
		expect(integer(2), "HSTRLEN", "h", "a");
		expect(integer(0), "HSTRLEN", "h", "zz");
		expect(bulks("a", "b", "c", "d"), "HKEYS", "h");
		expect(bulks("10", "2", "3", "4"), "HVALS", "h");
		assertThat(run("HGETALL", "h")).isEqualTo(new Reply.MapReply(
				List.of(bulk("a"), bulk("10"), bulk("b"), bulk("2"), bulk("c"), bulk("3"), bulk("d"), bulk("4"))));
		expect(integer(2), "HDEL", "h", "a", "zz", "b");
		expect(bulks("c", "d"), "HKEYS", "h");
		expect(integer(2), "HDEL", "h", "c", "d");
		expect(integer(0), "EXISTS", "h");
		expect(Reply.EMPTY_ARRAY, "HKEYS", "h");
	}

	@Test
	void errors() {
		expectError("ERR wrong number of arguments for 'hset' command", "HSET", "h", "a", "1", "b");
		expectError("ERR wrong number of arguments for 'hmset' command", "HMSET", "h", "a");
		run("SET", "s", "v");
		for (String[] cmd : new String[][] { { "HSET", "s", "f", "v" }, { "HGET", "s", "f" }, { "HMGET", "s", "f" },
				{ "HGETALL", "s" }, { "HDEL", "s", "f" }, { "HLEN", "s" }, { "HEXISTS", "s", "f" }, { "HKEYS", "s" },
				{ "HVALS", "s" }, { "HSTRLEN", "s", "f" }, { "HINCRBY", "s", "f", "1" },
				{ "HINCRBYFLOAT", "s", "f", "1" }, { "HRANDFIELD", "s" }, { "HSCAN", "s", "0" },
				{ "HSETNX", "s", "f", "v" } }) {
			expectError(WRONGTYPE, cmd);
		}
	}

	@Test
	void increments() {
		expect(integer(5), "HINCRBY", "h", "n", "5");
		expect(integer(2), "HINCRBY", "h", "n", "-3");
		run("HSET", "h", "s", "abc", "big", "9223372036854775807");
		expectError("ERR hash value is not an integer", "HINCRBY", "h", "s", "1");
		expectError("ERR increment or decrement would overflow", "HINCRBY", "h", "big", "1");
		expectError("ERR value is not an integer or out of range", "HINCRBY", "h", "n", "x");
		expect(bulk("2.5"), "HINCRBYFLOAT", "h", "n", "0.5");
		expect(bulk("0.1"), "HINCRBYFLOAT", "h", "f", "0.1");
		expectError("ERR hash value is not a float", "HINCRBYFLOAT", "h", "s", "1");
		expectError("ERR value is not a valid float", "HINCRBYFLOAT", "h", "n", "x");
		expectError("ERR value is NaN or Infinity", "HINCRBYFLOAT", "new", "f", "inf");
		expect(integer(0), "EXISTS", "new");
	}

	@Test
	void randomFieldsAndScan() {
		run("HSET", "h", "a", "1", "b", "2", "c", "3");
		assertThat(List.of(bulk("a"), bulk("b"), bulk("c"))).contains(run("HRANDFIELD", "h"));
		assertThat(((Reply.ArrayReply) run("HRANDFIELD", "h", "2")).items()).hasSize(2).doesNotHaveDuplicates();
		assertThat(((Reply.ArrayReply) run("HRANDFIELD", "h", "10")).items()).hasSize(3);
		assertThat(((Reply.ArrayReply) run("HRANDFIELD", "h", "-7")).items()).hasSize(7);
		assertThat(((Reply.ArrayReply) run("HRANDFIELD", "h", "-2", "WITHVALUES")).items()).hasSize(4);
		expect(Reply.EMPTY_ARRAY, "HRANDFIELD", "h", "0");
		expect(Reply.NULL, "HRANDFIELD", "nohash");
		expect(Reply.EMPTY_ARRAY, "HRANDFIELD", "nohash", "5");
		expectError("ERR syntax error", "HRANDFIELD", "h", "2", "foo");
		expectError("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
				"HRANDFIELD", "h", "-9223372036854775808");
		expect(array(bulk("0"), bulks("a", "1", "b", "2", "c", "3")), "HSCAN", "h", "0");
		expect(array(bulk("0"), bulks("b", "2")), "HSCAN", "h", "0", "MATCH", "b*");
		expect(array(bulk("0"), Reply.EMPTY_ARRAY), "HSCAN", "nohash", "0", "bad", "options");
		expectError("ERR invalid cursor", "HSCAN", "h", "x");
	}

	@Test
	void largeHashConvertsAndScansEverything() {
		for (int i = 0; i < 500; i++) {
			run("HSET", "big", "field" + i, "v" + i);
		}
		run("HSET", "big", "long", "x".repeat(100));
		expect(integer(501), "HLEN", "big");
		java.util.Set<String> seen = new java.util.HashSet<>();
		String cursor = "0";
		do {
			Reply.ArrayReply r = (Reply.ArrayReply) run("HSCAN", "big", cursor, "COUNT", "50");
			cursor = ((Reply.BulkString) r.items().get(0)).asString();
			List<Reply> items = ((Reply.ArrayReply) r.items().get(1)).items();
			for (int i = 0; i < items.size(); i += 2) {
				seen.add(((Reply.BulkString) items.get(i)).asString());
			}
		}
		while (!cursor.equals("0"));
		assertThat(seen).hasSize(501);
		expect(bulk("v499"), "HGET", "big", "field499");
	}

}

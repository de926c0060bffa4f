package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyCommandsTest extends EngineTestSupport {

	@Test
	void delExistsTouchType() {
		run("MSET", "a", "1", "b", "2");
		run("HSET", "h", "f", "v");
		expect(integer(3), "EXISTS", "a", "a", "b");
		expect(integer(2), "TOUCH", "a", "b", "zz");
		expect(new Reply.SimpleString("string"), "TYPE", "a");
		expect(new Reply.SimpleString("hash"), "TYPE", "h");
		expect(new Reply.SimpleString("none"), "TYPE", "zz");
		expect(integer(2), "DEL", "a", "a", "h");
		expect(integer(1), "UNLINK", "b");
		expect(integer(0), "EXISTS", "a", "b", "h");
	}

	@Test
	void expireFamily() {
		run("SET", "k", "v");
		expect(integer(1), "EXPIRE", "k", "100");
		expect(integer(100), "TTL", "k");
		expect(integer(100_000), "PTTL", "k");
		long at = clock.millis() + 100_000;
		expect(integer(at), "PEXPIRETIME", "k");
		expect(integer((at + 500) / 1000), "EXPIRETIME", "k");
		expect(integer(1), "PEXPIRE", "k", "5000");
		expect(integer(5), "TTL", "k");
		expect(integer(1), "EXPIREAT", "k", Long.toString(clock.millis() / 1000 + 50));
		expect(integer(1), "PEXPIREAT", "k", Long.toString(clock.millis() + 60_000));
		expect(integer(60), "TTL", "k");
		expect(integer(1), "PERSIST", "k");
		expect(integer(0), "PERSIST", "k");
		expect(integer(-1), "TTL", "k");
		expect(integer(-1), "EXPIRETIME", "k");
		expect(integer(-2), "TTL", "missing");
		expect(integer(-2), "PEXPIRETIME", "missing");
		expect(integer(0), "EXPIRE", "missing", "10");
		expect(integer(1), "EXPIRE", "k", "-1");
		expect(integer(0), "EXISTS", "k");
	}

	@Test
	void expireConditions() {
		run("SET", "k", "v");
		expect(integer(0), "EXPIRE", "k", "100", "XX");
		expect(integer(0), "EXPIRE", "k", "100", "GT");
		expect(integer(1), "EXPIRE", "k", "100", "LT");
		expect(integer(0), "EXPIRE", "k", "200", "NX");
		expect(integer(1), "EXPIRE", "k", "200", "GT");
		expect(integer(0), "EXPIRE", "k", "150", "GT");
		expect(integer(1), "EXPIRE", "k", "150", "XX", "LT");
		expect(integer(150), "TTL", "k");
		expectError("ERR NX and XX, GT or LT options at the same time are not compatible", "EXPIRE", "k", "10", "NX",
				"XX");
		expectError("ERR GT and LT options at the same time are not compatible", "EXPIRE", "k", "10", "GT", "LT");
		expectError("ERR Unsupported option foo", "EXPIRE", "k", "10", "foo");
		expectError("ERR value is not an integer or out of range", "EXPIRE", "k", "abc");
		expectError("ERR invalid expire time in 'expire' command", "EXPIRE", "k", "99999999999999999");
		expectError("ERR invalid expire time in 'pexpire' command", "PEXPIRE", "k", "9223372036854775807");
	}

	@Test
	void renameAndCopy() {
		run("SET", "a", "1");
		run("EXPIRE", "a", "100");
		expect(Reply.OK, "RENAME", "a", "b");
		expect(integer(100), "TTL", "b");
		expect(integer(0), "EXISTS", "a");
		expectError("ERR no such key", "RENAME", "a", "c");
		expect(Reply.OK, "RENAME", "b", "b");
		expect(integer(0), "RENAMENX", "b", "b");
		run("SET", "c", "3");
		expect(integer(0), "RENAMENX", "b", "c");
		expect(integer(1), "RENAMENX", "b", "d");
		expect(integer(1), "COPY", "d", "e");
		expect(integer(0), "COPY", "d", "e");
		expect(integer(1), "COPY", "d", "c", "REPLACE");
		expect(bulk("1"), "GET", "c");
		expect(integer(1), "COPY", "d", "d", "DB", "1");
		expectError("ERR source and destination objects are the same", "COPY", "d", "d");
		expectError("ERR DB index is out of range", "COPY", "d", "x", "DB", "16");
		expectError("ERR value is not an integer or out of range", "COPY", "d", "x", "DB", "x");
		expectError("ERR syntax error", "COPY", "d", "x", "foo");
		run("HSET", "h", "f", "v");
		expect(integer(1), "COPY", "h", "h2");
		run("HSET", "h2", "f", "changed");
		expect(bulk("v"), "HGET", "h", "f");
	}

	/**
	 * COPY duplicates the value in its encoding (hashTypeDup, setTypeDup, zsetDup): a
	 * collection that grew past the compact limits and shrank back stays in the big
	 * encoding, and a skip list keeps its -0 scores. Replies taken from redis-server
	 * 7.0.15.
	 */
	@Test
	void copyKeepsTheSourceEncoding() {
		String longValue = "x".repeat(70);
		run("HSET", "h", "f", longValue);
		run("HSET", "h", "f", "short");
		expect(integer(1), "COPY", "h", "h2");
		expect(bulk("hashtable"), "OBJECT", "ENCODING", "h2");
		expect(bulks("short"), "HVALS", "h2");
		run("HSET", "small", "b", "2", "a", "1");
		expect(integer(1), "COPY", "small", "small2");
		expect(bulk("listpack"), "OBJECT", "ENCODING", "small2");
		expect(bulks("b", "a"), "HKEYS", "small2");
		run("SADD", "s", "1", "a");
		run("SREM", "s", "a");
		expect(integer(1), "COPY", "s", "s2");
		expect(bulk("hashtable"), "OBJECT", "ENCODING", "s2");
		run("SADD", "ints", "3", "1", "2");
		expect(integer(1), "COPY", "ints", "ints2");
		expect(bulk("intset"), "OBJECT", "ENCODING", "ints2");
		expect(integer(3), "SCARD", "ints2");
		run("ZADD", "z", "1", longValue, "-0", "a");
		run("ZREM", "z", longValue);
		expect(integer(1), "COPY", "z", "z2");
		expect(bulk("skiplist"), "OBJECT", "ENCODING", "z2");
		expect(new Reply.DoubleReply(-0.0), "ZSCORE", "z2", "a");
		run("RPUSH", "l", "a", longValue);
		expect(integer(1), "COPY", "l", "l2");
		expect(bulk("quicklist"), "OBJECT", "ENCODING", "l2");
		expect(bulks("a", longValue), "LRANGE", "l2", "0", "-1");
	}

	@Test
	void keysScanRandomDbsize() {
		for (int i = 0; i < 300; i++) {
			run("SET", "key:" + i, "v");
		}
		run("HSET", "hash:1", "f", "v");
		expect(integer(301), "DBSIZE");
		Reply.ArrayReply keys = (Reply.ArrayReply) run("KEYS", "key:1?");
		assertThat(keys.items()).hasSize(10);
		assertThat(((Reply.ArrayReply) run("KEYS", "*")).items()).hasSize(301);
		Set<String> seen = new HashSet<>();
		String cursor = "0";
		int calls = 0;
		do {
			Reply.ArrayReply r = (Reply.ArrayReply) run("SCAN", cursor, "COUNT", "20");
			cursor = ((Reply.BulkString) r.items().get(0)).asString();
			for (Reply k : ((Reply.ArrayReply) r.items().get(1)).items()) {
				seen.add(((Reply.BulkString) k).asString());
			}
			calls++;
		}
		while (!cursor.equals("0"));
		assertThat(seen).hasSize(301);
		assertThat(calls).isGreaterThan(5);
		List<String> hashes = new ArrayList<>();
		cursor = "0";
		do {
			Reply.ArrayReply r = (Reply.ArrayReply) run("SCAN", cursor, "TYPE", "hash", "MATCH", "hash:*");
			cursor = ((Reply.BulkString) r.items().get(0)).asString();
			((Reply.ArrayReply) r.items().get(1)).items().forEach(k -> hashes.add(((Reply.BulkString) k).asString()));
		}
		while (!cursor.equals("0"));
		assertThat(hashes).containsExactly("hash:1");
		assertThat(run("RANDOMKEY")).isInstanceOf(Reply.BulkString.class);
		expectError("ERR invalid cursor", "SCAN", "abc");
		expectError("ERR syntax error", "SCAN", "0", "COUNT", "0");
		expectError("ERR syntax error", "SCAN", "0", "FOO");
		expect(Reply.OK, "FLUSHDB", "ASYNC");
		expect(integer(0), "DBSIZE");
		expect(Reply.NULL, "RANDOMKEY");
		expectError("ERR syntax error", "FLUSHALL", "LATER");
	}

	@Test
	void globPatterns() {
		run("MSET", "hello", "1", "hallo", "1", "hxllo", "1", "hllo", "1", "heeeello", "1", "h[llo", "1");
		assertThat(keys("h?llo")).containsExactlyInAnyOrder("hello", "hallo", "hxllo", "h[llo");
		assertThat(keys("h*llo")).containsExactlyInAnyOrder("hello", "hallo", "hxllo", "hllo", "heeeello", "h[llo");
		assertThat(keys("h[ae]llo")).containsExactlyInAnyOrder("hello", "hallo");
		assertThat(keys("h[^e]llo")).containsExactlyInAnyOrder("hallo", "hxllo", "h[llo");
		assertThat(keys("h[a-b]llo")).containsExactlyInAnyOrder("hallo");
		assertThat(keys("h\\[llo")).containsExactlyInAnyOrder("h[llo");
	}

	@Test
	void flushallAndSelectAcrossDatabases() {
		Engine.EngineSession s = engine.openSession();
		s.execute("SET", "k", "db0");
		assertThat(s.execute("SELECT", "3")).isEqualTo(Reply.OK);
		assertThat(s.execute("GET", "k")).isEqualTo(Reply.NULL);
		s.execute("SET", "k", "db3");
		assertThat(s.database()).isEqualTo(3);
		expect(bulk("db0"), "GET", "k");
		assertThat(s.execute("FLUSHDB")).isEqualTo(Reply.OK);
		expect(bulk("db0"), "GET", "k");
		s.execute("SET", "k", "db3");
		run("FLUSHALL");
		assertThat(s.execute("GET", "k")).isEqualTo(Reply.NULL);
		expect(Reply.NULL, "GET", "k");
	}

	private List<String> keys(String pattern) {
		List<String> out = new ArrayList<>();
		((Reply.ArrayReply) run("KEYS", pattern)).items().forEach(k -> out.add(((Reply.BulkString) k).asString()));
		return out;
	}

}

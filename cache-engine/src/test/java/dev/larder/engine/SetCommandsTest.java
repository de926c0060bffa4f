package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetCommandsTest extends EngineTestSupport {

	private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

	private static Reply set(String... members) {
		return new Reply.SetReply(((Reply.ArrayReply) bulks(members)).items());
	}

	@Test
	void membership() {
		expect(integer(3), "SADD", "s", "3", "1", "2");
		expect(integer(0), "SADD", "s", "1");
		expect(set("1", "2", "3"), "SMEMBERS", "s");
		expect(bulk("intset"), "OBJECT", "ENCODING", "s");
		expect(integer(1), "SISMEMBER", "s", "2");
		expect(array(integer(1), integer(0)), "SMISMEMBER", "s", "2", "9");
		expect(integer(3), "SCARD", "s");
		expect(integer(1), "SADD", "s", "x");
		expect(bulk("hashtable"), "OBJECT", "ENCODING", "s");
		expect(integer(2), "SREM", "s", "x", "1", "nope");
		expect(integer(1), "SMOVE", "s", "t", "2");
		expect(integer(0), "SMOVE", "s", "t", "nope");
		expect(integer(1), "SREM", "s", "3");
		expect(integer(0), "EXISTS", "s");
		expect(new Reply.SimpleString("set"), "TYPE", "t");
	}

	@Test
	void randomAndPop() {
		run("SADD", "s", "a", "b", "c");
		assertThat(((Reply.ArrayReply) run("SRANDMEMBER", "s", "-7")).items()).hasSize(7);
		assertThat(((Reply.ArrayReply) run("SRANDMEMBER", "s", "2")).items()).hasSize(2).doesNotHaveDuplicates();
		assertThat(((Reply.ArrayReply) run("SRANDMEMBER", "s", "10")).items()).hasSize(3);
		expect(Reply.EMPTY_ARRAY, "SRANDMEMBER", "nos", "3");
		expect(Reply.NULL, "SPOP", "nos");
		assertThat(((Reply.SetReply) run("SPOP", "s", "5")).items()).hasSize(3);
		expect(integer(0), "EXISTS", "s");
	}

	@Test
	void algebra() {
		run("SADD", "a", "1", "2", "3");
		run("SADD", "b", "2", "3", "4");
		expect(set("2", "3"), "SINTER", "a", "b");
		expect(set("1"), "SDIFF", "a", "b");
		expect(set("1", "2", "3", "4"), "SUNION", "a", "b");
		expect(integer(2), "SINTERSTORE", "d", "a", "b");
		expect(integer(0), "SINTERSTORE", "d", "a", "nos");
		expect(integer(0), "EXISTS", "d");
		expect(integer(4), "SUNIONSTORE", "d", "a", "b");
		expect(integer(1), "SDIFFSTORE", "d", "a", "b");
		expect(integer(2), "SINTERCARD", "2", "a", "b");
		expect(integer(1), "SINTERCARD", "2", "a", "b", "LIMIT", "1");
		assertThat(run("SSCAN", "a", "0", "MATCH", "1*")).isEqualTo(array(bulk("0"), bulks("1")));
	}

	@Test
	void errors() {
		expectError("ERR numkeys should be greater than 0", "SINTERCARD", "0", "a");
		expectError("ERR Number of keys can't be greater than number of args", "SINTERCARD", "3", "a");
		expectError("ERR LIMIT can't be negative", "SINTERCARD", "1", "a", "LIMIT", "-1");
		expectError("ERR value is out of range, must be positive", "SPOP", "a", "-1");
		expectError("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
				"SRANDMEMBER", "a", "-9223372036854775808");
		run("SET", "str", "v");
		run("SADD", "s", "m");
		for (String[] cmd : new String[][] { { "SADD", "str", "x" }, { "SREM", "str", "x" }, { "SMEMBERS", "str" },
				{ "SISMEMBER", "str", "x" }, { "SCARD", "str" }, { "SPOP", "str" }, { "SRANDMEMBER", "str" },
				{ "SMOVE", "str", "s", "x" }, { "SMOVE", "s", "str", "m" }, { "SINTER", "s", "str" },
				{ "SUNION", "str" }, { "SDIFF", "s", "str" }, { "SINTERSTORE", "d", "str" },
				{ "SSCAN", "str", "0" } }) {
			expectError(WRONGTYPE, cmd);
		}
		assertThat(run("SMEMBERS", "s")).isEqualTo(new Reply.SetReply(List.of(bulk("m"))));
	}

}

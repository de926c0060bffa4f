package dev.larder.engine;

import org.junit.jupiter.api.Test;

class ListCommandsTest extends EngineTestSupport {

	private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

	@Test
	void pushPopAndRanges() {
		expect(integer(3), "RPUSH", "l", "a", "b", "c");
		expect(integer(4), "LPUSH", "l", "z");
		expect(integer(0), "LPUSHX", "nol", "x");
		expect(integer(0), "RPUSHX", "nol", "x");
		expect(integer(5), "RPUSHX", "l", "d");
		expect(bulks("z", "a", "b", "c", "d"), "LRANGE", "l", "0", "-1");
		expect(bulks("c", "d"), "LRANGE", "l", "-2", "100");
		expect(Reply.EMPTY_ARRAY, "LRANGE", "l", "3", "1");
		expect(bulk("d"), "LINDEX", "l", "-1");
		expect(Reply.NULL, "LINDEX", "l", "9");
		expect(integer(5), "LLEN", "l");
		expect(bulk("z"), "LPOP", "l");
		expect(bulks("d", "c"), "RPOP", "l", "2");
		expect(Reply.EMPTY_ARRAY, "LPOP", "l", "0");
		expect(Reply.NULL, "LPOP", "nol");
		expect(Reply.NULL_ARRAY, "LPOP", "nol", "1");
		expect(bulks("a", "b"), "LPOP", "l", "10");
		expect(integer(0), "EXISTS", "l");
	}

	@Test
	void editing() {
		run("RPUSH", "l", "a", "b", "a", "c", "a");
		expect(Reply.OK, "LSET", "l", "1", "B");
		expect(integer(2), "LREM", "l", "2", "a");
		expect(bulks("B", "c", "a"), "LRANGE", "l", "0", "-1");
		expect(integer(4), "LINSERT", "l", "BEFORE", "c", "x");
		expect(integer(5), "LINSERT", "l", "after", "a", "y");
		expect(integer(-1), "LINSERT", "l", "after", "nope", "y");
		expect(integer(0), "LINSERT", "nol", "after", "a", "y");
		expect(integer(1), "LPOS", "l", "x");
		expect(array(integer(1)), "LPOS", "l", "x", "COUNT", "0");
		expect(Reply.NULL, "LPOS", "l", "nope");
		expect(Reply.OK, "LTRIM", "l", "1", "-2");
		expect(bulks("x", "c", "a"), "LRANGE", "l", "0", "-1");
		expect(Reply.OK, "LTRIM", "l", "5", "1");
		expect(integer(0), "EXISTS", "l");
	}

	@Test
	void moves() {
		run("RPUSH", "src", "1", "2", "3");
		expect(bulk("3"), "RPOPLPUSH", "src", "dst");
		expect(bulk("1"), "LMOVE", "src", "dst", "LEFT", "RIGHT");
		expect(bulks("3", "1"), "LRANGE", "dst", "0", "-1");
		expect(bulk("2"), "LMOVE", "src", "src", "LEFT", "RIGHT");
		expect(array(bulk("dst"), bulks("1", "3")), "LMPOP", "2", "nol", "dst", "RIGHT", "COUNT", "5");
		expect(Reply.NULL_ARRAY, "LMPOP", "1", "dst", "LEFT");
		expect(Reply.NULL, "LMOVE", "nol", "dst", "LEFT", "LEFT");
	}

	@Test
	void errors() {
		expectError("ERR no such key", "LSET", "nol", "0", "x");
		run("RPUSH", "l", "a");
		expectError("ERR index out of range", "LSET", "l", "5", "x");
		expectError("ERR value is out of range, must be positive", "LPOP", "l", "-1");
		expectError("ERR value is out of range, must be positive", "RPOP", "l", "x");
		expectError("ERR syntax error", "LINSERT", "l", "middle", "a", "x");
		expectError("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use "
				+ "negative to start from the end of the list", "LPOS", "l", "a", "RANK", "0");
		expectError("ERR COUNT can't be negative", "LPOS", "l", "a", "COUNT", "-1");
		expectError("ERR MAXLEN can't be negative", "LPOS", "l", "a", "MAXLEN", "-1");
		expectError("ERR numkeys should be greater than 0", "LMPOP", "0", "l", "LEFT");
		expectError("ERR count should be greater than 0", "LMPOP", "1", "l", "LEFT", "COUNT", "0");
		expectError("ERR syntax error", "LMOVE", "l", "d", "UP", "LEFT");
		expectError("ERR timeout is negative", "BLPOP", "l", "-1");
		expectError("ERR wrong number of arguments for 'lpush' command", "LPUSH", "l");
		run("SET", "s", "v");
		for (String[] cmd : new String[][] { { "LPUSH", "s", "x" }, { "RPUSHX", "s", "x" }, { "LPOP", "s" },
				{ "LLEN", "s" }, { "LRANGE", "s", "0", "1" }, { "LINDEX", "s", "0" }, { "LSET", "s", "0", "x" },
				{ "LREM", "s", "0", "x" }, { "LTRIM", "s", "0", "1" }, { "LINSERT", "s", "BEFORE", "a", "b" },
				{ "LPOS", "s", "a" }, { "LMOVE", "s", "d", "LEFT", "LEFT" }, { "LMOVE", "l", "s", "LEFT", "LEFT" },
				{ "LMPOP", "1", "s", "LEFT" }, { "BLPOP", "s", "0" } }) {
			expectError(WRONGTYPE, cmd);
		}
		expect(new Reply.SimpleString("list"), "TYPE", "l");
		expect(bulk("quicklist"), "OBJECT", "ENCODING", "l");
	}

}

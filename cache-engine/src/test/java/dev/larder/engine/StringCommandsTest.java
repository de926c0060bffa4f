package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StringCommandsTest extends EngineTestSupport {

	private static final String NOT_INT = "ERR value is not an integer or out of range";

	private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

	@Test
	void setAndGet() {
		expect(Reply.NULL, "GET", "k");
		expect(Reply.OK, "SET", "k", "v");
		expect(bulk("v"), "GET", "k");
		expect(Reply.OK, "set", "k", "");
		expect(bulk(""), "get", "k");
	}

	@Test
	void setOptions() {
		expect(Reply.NULL, "SET", "k", "v", "XX");
		expect(Reply.OK, "SET", "k", "v", "NX");
		expect(Reply.NULL, "SET", "k", "w", "NX");
		expect(bulk("v"), "SET", "k", "w", "GET");
		expect(bulk("w"), "SET", "k", "x", "NX", "GET");
		expect(Reply.NULL, "SET", "new", "x", "XX", "GET");
		expect(Reply.OK, "SET", "k", "v", "EX", "10");
		expect(integer(10), "TTL", "k");
		expect(Reply.OK, "SET", "k", "v2", "KEEPTTL");
		expect(integer(10_000), "PTTL", "k");
		expect(Reply.OK, "SET", "k", "v3");
		expect(integer(-1), "TTL", "k");
		expect(Reply.OK, "SET", "k", "v", "PXAT", Long.toString(clock.millis() + 1500));
		expect(integer(2), "TTL", "k");
		expect(Reply.OK, "SET", "k", "v", "EX", "1", "EX", "5");
		expect(integer(5), "TTL", "k");
	}

	@Test
	void setErrors() {
		expectError("ERR syntax error", "SET", "k", "v", "NX", "XX");
		expectError("ERR syntax error", "SET", "k", "v", "EX", "10", "PX", "100");
		expectError("ERR syntax error", "SET", "k", "v", "EX");
		expectError("ERR syntax error", "SET", "k", "v", "KEEPTTL", "EX", "1");
		expectError("ERR syntax error", "SET", "k", "v", "PERSIST");
		expectError(NOT_INT, "SET", "k", "v", "EX", "abc");
		expectError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "0");
		expectError("ERR invalid expire time in 'set' command", "SET", "k", "v", "PX", "-5");
		expectError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "9223372036854775807");
		expectError("ERR invalid expire time in 'set' command", "SET", "k", "v", "PX", "9223372036854775807");
		expectError("ERR wrong number of arguments for 'set' command", "SET", "k");
		run("HSET", "h", "f", "v");
		expectError(WRONGTYPE, "SET", "h", "v", "GET");
		expect(Reply.OK, "SET", "h", "v");
	}

	@Test
	void setnxSetexPsetex() {
		expect(integer(1), "SETNX", "k", "v");
		expect(integer(0), "SETNX", "k", "w");
		expect(Reply.OK, "SETEX", "e", "100", "v");
		expect(integer(100), "TTL", "e");
		expect(Reply.OK, "PSETEX", "p", "1500", "v");
		expect(integer(1500), "PTTL", "p");
		expectError("ERR invalid expire time in 'setex' command", "SETEX", "e", "0", "v");
		expectError("ERR invalid expire time in 'psetex' command", "PSETEX", "e", "-1", "v");
		expectError(NOT_INT, "SETEX", "e", "x", "v");
	}

	@Test
	void multiKey() {
		expect(Reply.OK, "MSET", "a", "1", "b", "2");
		run("HSET", "h", "f", "v");
		expect(bulks("1", "2", null, null), "MGET", "a", "b", "c", "h");
		expectError("ERR wrong number of arguments for 'mset' command", "MSET", "a", "1", "b");
		expect(integer(0), "MSETNX", "a", "x", "z", "y");
		expect(Reply.NULL, "GET", "z");
		expect(integer(1), "MSETNX", "y", "x", "z", "y");
		expectError("ERR wrong number of arguments for 'msetnx' command", "MSETNX", "a", "1", "b");
	}

	@Test
	void getsetGetdelGetex() {
		expect(Reply.NULL, "GETSET", "k", "v");
		run("EXPIRE", "k", "100");
		expect(bulk("v"), "GETSET", "k", "w");
		expect(integer(-1), "TTL", "k");
		expect(bulk("w"), "GETDEL", "k");
		expect(Reply.NULL, "GETDEL", "k");
		run("SET", "k", "v");
		expect(bulk("v"), "GETEX", "k", "EX", "100");
		expect(integer(100), "TTL", "k");
		expect(bulk("v"), "GETEX", "k", "PERSIST");
		expect(integer(-1), "TTL", "k");
		expect(bulk("v"), "GETEX", "k", "PXAT", Long.toString(clock.millis() - 1));
		expect(integer(0), "EXISTS", "k");
		expect(Reply.NULL, "GETEX", "missing", "EX", "notanumber");
		run("SET", "k", "v");
		expectError("ERR invalid expire time in 'getex' command", "GETEX", "k", "EX", "0");
		expectError(NOT_INT, "GETEX", "k", "EX", "x");
		expectError("ERR syntax error", "GETEX", "k", "EX", "1", "PERSIST");
		expectError("ERR syntax error", "GETEX", "k", "NX");
		run("HSET", "h", "f", "v");
		expectError(WRONGTYPE, "GETEX", "h");
		expectError(WRONGTYPE, "GETDEL", "h");
		expectError(WRONGTYPE, "GETSET", "h", "v");
	}

	@Test
	void appendStrlenRanges() {
		expect(integer(3), "APPEND", "k", "abc");
		expect(integer(6), "APPEND", "k", "def");
		expect(integer(6), "STRLEN", "k");
		expect(integer(0), "STRLEN", "nope");
		expect(bulk("bcd"), "GETRANGE", "k", "1", "3");
		expect(bulk("def"), "GETRANGE", "k", "-3", "-1");
		expect(bulk("a"), "GETRANGE", "k", "0", "-100");
		expect(bulk(""), "GETRANGE", "k", "-1", "-5");
		expect(bulk(""), "GETRANGE", "k", "10", "20");
		expect(bulk(""), "GETRANGE", "missing", "0", "-1");
		expectError(NOT_INT, "GETRANGE", "k", "a", "1");
		expect(integer(6), "SETRANGE", "k", "1", "XY");
		expect(bulk("aXYdef"), "GET", "k");
		expect(integer(10), "SETRANGE", "k", "8", "zz");
		expect(bulk("aXYdef\0\0zz"), "GET", "k");
		expect(integer(0), "SETRANGE", "empty", "5", "");
		expect(integer(0), "EXISTS", "empty");
		expect(integer(10), "SETRANGE", "k", "3", "");
		expectError("ERR offset is out of range", "SETRANGE", "k", "-1", "x");
		expectError("ERR string exceeds maximum allowed size (proto-max-bulk-len)", "SETRANGE", "k", "536870912", "x");
		run("HSET", "h", "f", "v");
		expectError(WRONGTYPE, "APPEND", "h", "x");
		expectError(WRONGTYPE, "STRLEN", "h");
		expectError(WRONGTYPE, "GETRANGE", "h", "0", "1");
		expectError(WRONGTYPE, "SETRANGE", "h", "0", "x");
	}

	@Test
	void counters() {
		expect(integer(1), "INCR", "n");
		expect(integer(11), "INCRBY", "n", "10");
		expect(integer(10), "DECR", "n");
		expect(integer(-5), "DECRBY", "n", "15");
		run("SET", "n", "9223372036854775807");
		expectError("ERR increment or decrement would overflow", "INCR", "n");
		run("SET", "n", "-9223372036854775808");
		expectError("ERR increment or decrement would overflow", "DECR", "n");
		expectError("ERR decrement would overflow", "DECRBY", "x", "-9223372036854775808");
		for (String bad : new String[] { "abc", " 1", "01", "+1", "1.5", "", "99999999999999999999" }) {
			run("SET", "s", bad);
			expectError(NOT_INT, "INCR", "s");
		}
		expectError(NOT_INT, "INCRBY", "n", "x");
		run("HSET", "h", "f", "v");
		expectError(WRONGTYPE, "INCR", "h");
	}

	@Test
	void incrbyfloatMatchesRedisLongDoubleFormatting() {
		expect(bulk("0.1"), "INCRBYFLOAT", "f", "0.1");
		expect(bulk("0.3"), "INCRBYFLOAT", "f", "0.2");
		expect(bulk("1000.29999999999999999"), "INCRBYFLOAT", "f", "1.0e3"); // long
																				// double,
																				// as
																				// Redis
																				// prints
																				// it
		run("SET", "f", "10.50");
		expect(bulk("5010.5"), "INCRBYFLOAT", "f", "5.0e3");
		run("SET", "g", "1.5e300");
		Reply big = run("INCRBYFLOAT", "g", "1");
		assertThat(((Reply.BulkString) big).asString()).startsWith("1500000000000000000049800109861472166362");
		expect(bulk("17.5"), "INCRBYFLOAT", "h1", "17.5");
		expect(bulk("0"), "INCRBYFLOAT", "z", "-0.0");
		expectError("ERR value is not a valid float", "INCRBYFLOAT", "f", "abc");
		expectError("ERR value is not a valid float", "INCRBYFLOAT", "f", " 1");
		expectError("ERR value is not a valid float", "INCRBYFLOAT", "f", "nan");
		expectError("ERR increment would produce NaN or Infinity", "INCRBYFLOAT", "f", "inf");
		run("SET", "s", "abc");
		expectError("ERR value is not a valid float", "INCRBYFLOAT", "s", "1");
		run("HSET", "h", "f", "v");
		expectError(WRONGTYPE, "INCRBYFLOAT", "h", "1");
	}

	/**
	 * strtold fails with ERANGE on overflow and on underflow to zero, but takes
	 * subnormals; every case here is what redis-server 7.0.15 answered. The far-out
	 * exponents once kept the engine busy for hours, so the test also bounds how long
	 * they may take.
	 */
	@Test
	@Timeout(30)
	void incrbyfloatRejectsValuesOutsideTheLongDoubleRange() {
		String notAFloat = "ERR value is not a valid float";
		run("SET", "x", "9223371.0e-354775807");
		expectError(notAFloat, "INCRBYFLOAT", "x", "-inf");
		expectError(notAFloat, "INCRBYFLOAT", "x", "1");
		expectError(notAFloat, "INCRBYFLOAT", "fresh", "1e-354775807");
		expectError(notAFloat, "INCRBYFLOAT", "fresh", "1e999999999");
		run("SET", "tiny", "1e-5000");
		expectError(notAFloat, "INCRBYFLOAT", "tiny", "1");
		run("SET", "subnormal", "1e-4950");
		expect(bulk("1"), "INCRBYFLOAT", "subnormal", "1");
		run("SET", "huge", "1e4933");
		expectError(notAFloat, "INCRBYFLOAT", "huge", "1");
		run("SET", "largest", "1e4932");
		assertThat(((Reply.BulkString) run("INCRBYFLOAT", "largest", "1")).asString()).hasSize(4933);
		run("SET", "zero", "0e999999999");
		expect(bulk("1"), "INCRBYFLOAT", "zero", "1");
	}

	@Test
	void arityAndUnknownCommands() {
		expectError("ERR wrong number of arguments for 'get' command", "GET");
		expectError("ERR wrong number of arguments for 'get' command", "get", "a", "b");
		expectError("ERR unknown command 'foo', with args beginning with: 'a' 'b' ", "foo", "a", "b");
		expectError("ERR unknown command 'nope', with args beginning with: ", "nope");
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FUNCTION and FCALL against the engine and a real redis-server: replies equal, errors
 * included, in RESP2 and RESP3. Covers every FUNCTION subcommand and option and the cases
 * of Redis's tests/unit/functions.tcl that are request/reply comparisons. FUNCTION LIST
 * with several libraries is compared one library at a time (LIBRARYNAME), as Redis lists
 * them in hash order; for the same reason dumps of several libraries are compared by
 * restoring each side's into the other, dumps of one library byte for byte.
 */
class FunctionsDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final String LIB = "#!lua name=test\n"
			+ "redis.register_function('test', function(KEYS, ARGV) return redis.call('ping') end)";

	private static Engine engine;

	private static RespClient engineClient;

	private static RespClient redisClient;

	private static RespClient engine3;

	private static RespClient redis3;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		engineClient = new RespClient(engine.port());
		redisClient = new RespClient(REDIS.port());
		engine3 = new RespClient(engine.port());
		redis3 = new RespClient(REDIS.port());
		engine3.call("HELLO", "3");
		redis3.call("HELLO", "3");
	}

	@AfterAll
	static void stop() {
		if (engineClient != null) {
			for (RespClient c : List.of(engineClient, redisClient, engine3, redis3)) {
				c.close();
			}
		}
		if (engine != null) {
			engine.close();
		}
	}

	@BeforeEach
	@AfterEach
	void flush() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("FLUSHALL");
			c.call("FUNCTION", "FLUSH");
			c.call("CONFIG", "SET", "maxmemory", "0");
		}
	}

	private static Resp same(String... command) {
		Resp mine = engineClient.call(command);
		Resp theirs = redisClient.call(command);
		assertThat(mine).as(String.join(" ", command)).isEqualTo(theirs);
		return mine;
	}

	private static Resp same3(String... command) {
		Resp mine = engine3.call(command);
		Resp theirs = redis3.call(command);
		assertThat(mine).as("RESP3 " + String.join(" ", command)).isEqualTo(theirs);
		return mine;
	}

	private static Resp sameBytes(byte[]... command) {
		Resp mine = engineClient.call(command);
		Resp theirs = redisClient.call(command);
		assertThat(mine).isEqualTo(theirs);
		return mine;
	}

	private static String lib(String name, String body) {
		return "#!lua name=" + name + "\n" + body;
	}

	@Test
	void loadListDeleteAndCall() {
		same("FUNCTION", "LOAD", LIB);
		same("FCALL", "test", "0");
		same("FCALL", "TEST", "0");
		same("FCALL_RO", "test", "0");
		same("FUNCTION", "LIST");
		same("FUNCTION", "LIST", "WITHCODE");
		same("FUNCTION", "LIST", "withcode", "libraryname", "te*");
		same("FUNCTION", "LIST", "LIBRARYNAME", "nomatch");
		same("FUNCTION", "LIST", "LIBRARYNAME");
		same("FUNCTION", "LIST", "WITHCODE", "WITHCODE");
		same("FUNCTION", "LIST", "LIBRARYNAME", "a", "LIBRARYNAME", "b");
		same("FUNCTION", "LIST", "bogus");
		same3("FUNCTION", "LIST", "WITHCODE");
		same("FUNCTION", "LOAD", LIB);
		same("FUNCTION", "LOAD", "REPLACE", LIB);
		same("FUNCTION", "LOAD", "replace", "replace", LIB);
		same("FUNCTION", "LOAD", "nope", LIB);
		same("FUNCTION", "LOAD", "REPLACE");
		same("FUNCTION", "LOAD");
		same("FUNCTION", "DELETE", "TEST");
		same("FUNCTION", "DELETE", "test");
		same("FUNCTION", "DELETE", "test");
		same("FCALL", "test", "0");
		same("FUNCTION", "DELETE");
		same("FUNCTION", "LIST");
		same("FCALL");
		same("FCALL", "test");
	}

	@Test
	void libraryMetadata() {
		for (String code : List.of("", "x", "#", "#!", "#!\n", "#!lua", "#!lua\n", "#!lua name=x", "#!lua name=x\n",
				"#!lu name=x\n", "#!LUA name=x\nredis.register_function('f', function() end)", "#!lua name=x foo=bar\n",
				"#!lua name=x name=y\n", "lua name=x\n", "#!lua Name=x\n",
				"#!lua NAME=y\nredis.register_function('f1', function() end)", "#!lua name=\n", "#!lua name=a-b\n",
				"#!lua name=a\"b\n", "#!lua name=\"q\"\n", "#!lua \"name=q\"\n", "#!lua \"name=q\n", "#!lua 'name=q'\n",
				"#!lua name=x\r\nredis.register_function('f2', function() end)",
				"#!lua   name=sp   \nredis.register_function('f3', function() end)", "#!lua name=x\nreturn 1")) {
			Resp r = same("FUNCTION", "LOAD", code);
			if (!r.isError() && !code.startsWith("#!lua name=x\nlocal")) {
				same("FUNCTION", "DELETE", r.text());
			}
		}
	}

	/**
	 * LuaJ words syntax errors its own way ("unexpected symbol 286 (?)" for Lua 5.1's
	 * "unexpected symbol near '<eof>'"), so compile errors compare up to the position.
	 */
	@Test
	void compileErrors() {
		for (String code : List.of("#!lua name=x\nlocal a = 1 +", "#!lua name=x\n\n\nfoo(",
				"#!lua name=x\nredis.register_function('f', function() end")) {
			String mine = engineClient.call("FUNCTION", "LOAD", code).text();
			String theirs = redisClient.call("FUNCTION", "LOAD", code).text();
			String prefix = theirs.substring(0, theirs.indexOf(": ", theirs.indexOf("user_function")) + 2);
			assertThat(prefix).startsWith("ERR Error compiling function: user_function:");
			assertThat(mine).as(code).startsWith(prefix);
		}
	}

	/** A body that never returns is stopped after 500 ms (LOAD_TIMEOUT_MS). */
	@Test
	void loadTimeout() {
		same("FUNCTION", "LOAD", lib("loop", "local i = 0 while true do i = i + 1 end"));
		same("FUNCTION", "LIST");
		same("FUNCTION", "LOAD", lib("so", "local function f() return 1 + f() end\nf()"));
	}

	@Test
	void loadTimeSandbox() {
		// functions.tcl: redis.call, setresp, set_repl and the rest are unavailable while
		// a
		// library loads; only redis.register_function, redis.log and the version are
		// there
		for (String g : List.of("string", "math", "table", "pcall", "error", "type", "tostring", "tonumber", "pairs",
				"ipairs", "next", "select", "unpack", "assert", "rawget", "rawset", "setmetatable", "getmetatable",
				"loadstring", "load", "cjson", "bit", "struct", "cmsgpack", "_G", "os", "coroutine", "xpcall", "print",
				"KEYS", "ARGV", "redis.call", "redis.pcall", "redis.setresp", "redis.set_repl", "redis.error_reply",
				"redis.status_reply", "redis.sha1hex", "redis.breakpoint", "redis.debug", "redis.replicate_commands",
				"redis.REPL_ALL", "redis.REDIS_VERSION", "redis.REDIS_VERSION_NUM", "redis.LOG_WARNING", "redis.log",
				"redis.register_function")) {
			Resp r = same("FUNCTION", "LOAD",
					lib("probe", "local x = " + g + "\nredis.register_function('probe', function() return 1 end)"));
			if (!r.isError()) {
				same("FUNCTION", "DELETE", "probe");
			}
		}
		same("FUNCTION", "LOAD", lib("t1", "redis.call('ping')"));
		same("FUNCTION", "LOAD", lib("t2", "x = 1"));
		same("FUNCTION", "LOAD", lib("t3", "redis.x = 1"));
		same("FUNCTION", "LOAD", lib("t4", "redis.log(redis.LOG_NOTICE, 'loading')\n"
				+ "redis.register_function('v', function() return {redis.REDIS_VERSION, redis.REDIS_VERSION_NUM} end)"));
		same("FCALL", "v", "0");
		same("FUNCTION", "LOAD", lib("t5", "redis.log()"));
		same("FUNCTION", "LOAD", lib("t6", "redis.log(99, 'x')"));
		same("FUNCTION", "LOAD",
				lib("t7", "local t = {} t.x = 1 redis.register_function('t7', function() return t.x end)"));
		same("FCALL", "t7", "0");
	}

	@Test
	void registerFunctionArguments() {
		String[] bodies = { "redis.register_function()", "redis.register_function('f')",
				"redis.register_function('f', 'x')", "redis.register_function(1, function() end)",
				"redis.register_function({}, function() end)", "redis.register_function('f', function() end, 3)",
				"redis.register_function('a-b', function() end)", "redis.register_function('', function() end)",
				"redis.register_function('ab', function() end) redis.register_function('ab', function() end)",
				"redis.register_function{}", "redis.register_function{function_name='f'}",
				"redis.register_function{callback=function() end}",
				"redis.register_function{function_name='f', callback='x'}",
				"redis.register_function{function_name={}, callback=function() end}",
				"redis.register_function{function_name='f', callback=function() end, description={}}",
				"redis.register_function{function_name='f', callback=function() end, flags='no-writes'}",
				"redis.register_function{function_name='f', callback=function() end, flags={'bogus'}}",
				"redis.register_function{function_name='f', callback=function() end, flags={1}}",
				"redis.register_function{function_name='f', callback=function() end, bogus=1}",
				"redis.register_function{function_name='f', callback=function() end, [1]=1}",
				"redis.register_function('x')", "local f = redis.register_function f('g', function() end)",
				"redis.register_function(12, function() return 12 end)" };
		for (String body : bodies) {
			Resp r = same("FUNCTION", "LOAD", lib("lib", body));
			if (!r.isError()) {
				same("FUNCTION", "LIST");
				same("FUNCTION", "DELETE", "lib");
			}
		}
		// several functions of one library are listed in Redis's hash order: one each
		// here
		same("FUNCTION", "LOAD",
				lib("named", "redis.register_function{function_name='n1', callback=function() return 1 end, "
						+ "flags={'NO-WRITES', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'}, "
						+ "description='a description'}"));
		same("FUNCTION", "LOAD", lib("named2",
				"redis.register_function{FUNCTION_NAME='n2', CALLBACK=function() return 2 end, flags={}}"));
		for (String name : List.of("named", "named2")) {
			same("FUNCTION", "LIST", "LIBRARYNAME", name);
			same3("FUNCTION", "LIST", "LIBRARYNAME", name);
		}
		same("FCALL", "n1", "0");
		same("FCALL_RO", "n1", "0");
		same("FCALL_RO", "n2", "0");
	}

	@Test
	void collisionsBetweenLibraries() {
		same("FUNCTION", "LOAD", lib("a", "redis.register_function('f1', function() return 'a' end)"));
		same("FUNCTION", "LOAD", lib("b", "redis.register_function('F1', function() return 'b' end)"));
		same("FUNCTION", "LOAD", lib("b", "redis.register_function('f2', function() return 'b' end)"));
		same("FUNCTION", "LOAD", "REPLACE", lib("a", "redis.register_function('f2', function() return 'a' end)"));
		same("FCALL", "f1", "0");
		same("FUNCTION", "LOAD", "REPLACE", lib("a", "redis.register_function('f3', function() return 'a3' end)"));
		same("FCALL", "f1", "0");
		same("FCALL", "f3", "0");
		same("FUNCTION", "LIST", "LIBRARYNAME", "a");
		same("FUNCTION", "LIST", "LIBRARYNAME", "b");
		same("FUNCTION", "STATS");
		same3("FUNCTION", "STATS");
	}

	@Test
	void fcallArgumentsAndReplies() {
		same("FUNCTION", "LOAD", lib("calls", String.join("\n",
				"redis.register_function('echo', function(keys, args) return {keys, args} end)",
				"redis.register_function('boom', function() error('boom') end)",
				"redis.register_function('boomt', function() error({err='MY custom'}) end)",
				"redis.register_function('nosuch', function() local r = redis.call('nosuch') return r end)",
				"redis.register_function('pnosuch', function() return redis.pcall('nosuch') end)",
				"redis.register_function('reg', function() return type(redis.register_function) end)",
				"redis.register_function('usekeys', function() return KEYS end)",
				"redis.register_function('set', function(keys, args) return redis.call('set', keys[1], args[1]) end)",
				"redis.register_function('get', function(keys) return redis.call('get', keys[1]) end)",
				"redis.register_function('types', function() return {1, 'two', {3}, false, true, 1.5, redis.status_reply('ST')} end)",
				"redis.register_function('errr', function() return redis.error_reply('MY error') end)",
				"redis.register_function('nil', function() return nil end)",
				"redis.register_function('resp3', function(keys) redis.setresp(3) return redis.call('hgetall', keys[1]) end)",
				"redis.register_function('glob', function() x = 1 end)",
				"redis.register_function('math', function() return {string.len('abc'), math.floor(2.5), table.concat({'a','b'})} end)")));
		same("FCALL", "echo", "2", "k1", "k2", "a1", "a2");
		same("FCALL", "echo", "0");
		same("FCALL", "echo", "0", "a");
		same("FCALL", "echo", "1");
		same("FCALL", "echo", "2", "k1");
		same("FCALL", "echo", "-1");
		same("FCALL", "echo", "x");
		same("FCALL", "echo", "1.5", "k");
		same("FCALL", "echo", "99999999999999999999", "k");
		same("FCALL", "nope", "x");
		same("FCALL", "", "0");
		for (String f : List.of("boom", "boomt", "nosuch", "pnosuch", "reg", "usekeys", "types", "errr", "nil", "glob",
				"math")) {
			same("FCALL", f, "0");
			same3("FCALL", f, "0");
		}
		same("FCALL", "set", "1", "k", "v");
		same("FCALL", "get", "1", "k");
		same("HSET", "h", "f", "v");
		same("FCALL", "resp3", "1", "h");
		same3("FCALL", "resp3", "1", "h");
		same("FCALL_RO", "set", "1", "k", "v");
		same("FCALL_RO", "get", "1", "k");
		same("LPUSH", "list", "x");
		same("FCALL", "get", "1", "list");
	}

	@Test
	void readOnlyFunctions() {
		same("FUNCTION", "LOAD", lib("ro", String.join("\n",
				"redis.register_function{function_name='rw', callback=function(keys) return redis.call('set', keys[1], 'x') end, flags={'no-writes'}}",
				"redis.register_function{function_name='rd', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}}",
				"redis.register_function('w', function(keys) return redis.call('incr', keys[1]) end)")));
		same("FCALL", "rw", "1", "k");
		same("FCALL_RO", "rw", "1", "k");
		same("FCALL_RO", "w", "1", "k");
		same("FCALL", "w", "1", "k");
		same("FCALL_RO", "rd", "1", "k");
		same("FCALL", "rd", "1", "k");
	}

	@Test
	void outOfMemory() {
		same("FUNCTION", "LOAD", lib("oom", String.join("\n",
				"redis.register_function('w', function(keys) return redis.call('incr', keys[1]) end)",
				"redis.register_function{function_name='oom_ok', callback=function(keys) return redis.call('incr', keys[1]) end, flags={'allow-oom'}}",
				"redis.register_function{function_name='ro', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}}")));
		same("CONFIG", "SET", "maxmemory", "1");
		same("FCALL", "w", "1", "k");
		same("FCALL", "oom_ok", "1", "k");
		same("FCALL", "ro", "1", "k");
		same("FCALL_RO", "ro", "1", "k");
		same("CONFIG", "SET", "maxmemory", "0");
		same("FCALL", "w", "1", "k");
	}

	@Test
	void flushStatsKillHelp() {
		same("FUNCTION", "FLUSH");
		same("FUNCTION", "FLUSH", "SYNC");
		same("FUNCTION", "FLUSH", "async");
		same("FUNCTION", "FLUSH", "bogus");
		same("FUNCTION", "FLUSH", "sync", "extra");
		same("FUNCTION", "STATS");
		same3("FUNCTION", "STATS");
		same("FUNCTION", "STATS", "extra");
		same("FUNCTION", "KILL");
		same("FUNCTION", "KILL", "extra");
		same("FUNCTION", "HELP");
		same("FUNCTION", "HELP", "extra");
		same("FUNCTION", "NOPE");
		same("FUNCTION");
		same("FUNCTION", "LOAD", LIB);
		same("FUNCTION", "STATS");
		same("FUNCTION", "FLUSH");
		same("FCALL", "test", "0");
		same("FUNCTION", "STATS");
	}

	@Test
	void dumpAndRestore() {
		same("FUNCTION", "DUMP");
		byte[] emptyEngine = bytes(engineClient.call("FUNCTION", "DUMP"));
		assertThat(emptyEngine).isEqualTo(bytes(redisClient.call("FUNCTION", "DUMP")));
		same("FUNCTION", "LOAD", lib("d1", "redis.register_function('d1', function() return 'd1' end)"));
		same("FUNCTION", "LOAD", lib("d2", "redis.register_function('d2', function() return 'd2' end)"));
		byte[] fromEngine = bytes(engineClient.call("FUNCTION", "DUMP"));
		byte[] fromRedis = bytes(redisClient.call("FUNCTION", "DUMP"));
		for (byte[] payload : List.of(fromEngine, fromRedis)) {
			// both libraries collide; which one is named depends on Redis's hash order
			for (byte[] append : List.of(b("APPEND"), b("append"))) {
				assertThat(engineClient.call(b("FUNCTION"), b("RESTORE"), payload, append).text())
					.startsWith("ERR Library d");
				assertThat(redisClient.call(b("FUNCTION"), b("RESTORE"), payload, append).text())
					.startsWith("ERR Library d");
			}
			sameBytes(b("FUNCTION"), b("RESTORE"), payload, b("REPLACE"));
			same("FCALL", "d1", "0");
			same("FUNCTION", "FLUSH");
			sameBytes(b("FUNCTION"), b("RESTORE"), payload, b("append"));
			same("FCALL", "d2", "0");
			same("FUNCTION", "LIST", "LIBRARYNAME", "d1", "WITHCODE");
			same("FUNCTION", "DELETE", "d1");
			same("FUNCTION", "LOAD", lib("other", "redis.register_function('d1', function() return 'other' end)"));
			sameBytes(b("FUNCTION"), b("RESTORE"), payload, b("REPLACE"));
			same("FCALL", "d1", "0");
			sameBytes(b("FUNCTION"), b("RESTORE"), payload, b("FLUSH"));
			same("FCALL", "d1", "0");
			same("FUNCTION", "LIST", "LIBRARYNAME", "other");
			sameBytes(b("FUNCTION"), b("RESTORE"), payload, b("bogus"));
			sameBytes(b("FUNCTION"), b("RESTORE"), payload, b("FLUSH"), b("x"));
			same("FUNCTION", "STATS");
		}
		// the engine's dump lists the same libraries redis-server restores
		same("FUNCTION", "FLUSH");
		sameBytes(b("FUNCTION"), b("RESTORE"), emptyEngine);
		same("FUNCTION", "RESTORE", "");
		same("FUNCTION", "RESTORE", "short");
		same("FUNCTION", "RESTORE", "0123456789");
		byte[] corrupt = fromRedis.clone();
		corrupt[5] ^= 1;
		sameBytes(b("FUNCTION"), b("RESTORE"), corrupt);
		same("FUNCTION", "RESTORE");
		same("FUNCTION", "LIST");
	}

	/**
	 * One library dumps to redis-server's bytes: LZF-compressed as Redis compresses it,
	 * RDB version, CRC64. Several are dumped in load order here, hash order there.
	 */
	@Test
	void dumpBytes() {
		StringBuilder big = new StringBuilder();
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 400; i++) {
			big.append("redis.register_function('f")
				.append(i)
				.append("', function(k, a) return '")
				.append(Long.toString(random.nextLong(), 36).repeat(1 + random.nextInt(3)))
				.append("' end)\n");
		}
		for (String body : List.of("redis.register_function('a', function() end)",
				"redis.register_function('abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc', function() return 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' end)",
				big.toString())) {
			same("FUNCTION", "FLUSH");
			same("FUNCTION", "LOAD", lib("bytes", body));
			assertThat(bytes(engineClient.call("FUNCTION", "DUMP")))
				.isEqualTo(bytes(redisClient.call("FUNCTION", "DUMP")));
		}
	}

	/** Hand-made payloads with a valid footer: each malformed body gets Redis's error. */
	@Test
	void restoreMalformedPayloads() {
		byte[] code = b(lib("twice", "redis.register_function('tw', function() end)"));
		java.io.ByteArrayOutputStream twice = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < 2; i++) {
			twice.write(245);
			twice.write(code.length);
			twice.writeBytes(code);
		}
		byte[] notLua = b("#!lua name=bad\nredis.call('ping')");
		byte[] bad = new byte[notLua.length + 2];
		bad[0] = (byte) 245;
		bad[1] = (byte) notLua.length;
		System.arraycopy(notLua, 0, bad, 2, notLua.length);
		// the format of 7.0's release candidates: name, engine, description flag, code
		byte[] preGa = b("\u00f6\u0002rc\u0003LUA\u0000\u0036redis.register_function('rc', function() return 1 end)");
		for (byte[] body : List.of(new byte[0], new byte[] { 0 }, new byte[] { (byte) 246, 1, 'x' }, preGa,
				java.util.Arrays.copyOf(preGa, 9), new byte[] { (byte) 245 }, new byte[] { (byte) 245, 5, 'a' },
				new byte[] { (byte) 245, (byte) 0xC0, 7 }, new byte[] { (byte) 245, 3, 'a', 'b', 'c' },
				twice.toByteArray(), bad)) {
			sameBytes(b("FUNCTION"), b("RESTORE"), withFooter(body, 10));
			same("FUNCTION", "LIST");
		}
		same("FCALL", "rc", "0");
		same("FUNCTION", "LIST", "WITHCODE", "LIBRARYNAME", "rc");
		sameBytes(b("FUNCTION"), b("RESTORE"), withFooter(new byte[0], 11));
		sameBytes(b("FUNCTION"), b("RESTORE"), withFooter(new byte[0], 9));
	}

	/**
	 * RDB version (little-endian) and Redis's CRC64 (Jones, reflected) of everything
	 * before.
	 */
	private static byte[] withFooter(byte[] body, int rdbVersion) {
		byte[] out = java.util.Arrays.copyOf(body, body.length + 10);
		out[body.length] = (byte) rdbVersion;
		out[body.length + 1] = (byte) (rdbVersion >> 8);
		long poly = Long.reverse(0xad93d23594c935a9L);
		long crc = 0;
		for (int i = 0; i < body.length + 2; i++) {
			crc ^= out[i] & 0xff;
			for (int k = 0; k < 8; k++) {
				crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
			}
		}
		for (int i = 0; i < 8; i++) {
			out[body.length + 2 + i] = (byte) (crc >>> (8 * i));
		}
		return out;
	}

	@Test
	void infoAndGetKeys() {
		same("FUNCTION", "LOAD", lib("i",
				"redis.register_function('i1', function() end)\n" + "redis.register_function('i2', function() end)"));
		for (String field : List.of("number_of_functions", "number_of_libraries")) {
			assertThat(infoField(engineClient, field)).as(field).isEqualTo(infoField(redisClient, field));
		}
		assertThat(Long.parseLong(infoField(engineClient, "used_memory_functions"))).isPositive();
		same("COMMAND", "GETKEYS", "FCALL", "i1", "2", "a", "b", "c");
		same("COMMAND", "GETKEYS", "FCALL_RO", "i1", "0", "c");
		same("COMMAND", "GETKEYS", "FCALL", "i1", "3", "a");
		same("COMMAND", "INFO", "FCALL", "FCALL_RO");
		same("FUNCTION", "FLUSH");
		assertThat(infoField(engineClient, "number_of_functions")).isEqualTo("0");
	}

	private static String infoField(RespClient c, String field) {
		for (String line : c.call("INFO", "memory").text().split("\r\n")) {
			if (line.startsWith(field + ":")) {
				return line.substring(field.length() + 1);
			}
		}
		throw new AssertionError("no " + field + " in INFO");
	}

	private static byte[] bytes(Resp r) {
		return r.text().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] b(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EVAL and friends in-process: commands, conversion rules and Redis 7.0's exact error
 * texts.
 */
class ScriptingTest extends EngineTestSupport {

	private static final String CAD = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private String sha(String script) {
		return ((Reply.BulkString) run("SCRIPT", "LOAD", script)).asString();
	}

	private String errorOf(String... command) {
		Reply r = run(command);
		assertThat(r).as(String.join(" ", command)).isInstanceOf(Reply.ErrorReply.class);
		return ((Reply.ErrorReply) r).message();
	}

	@Test
	void evalRunsWithKeysAndArgv() {
		expect(bulks("a", "b"), "EVAL", "return KEYS", "2", "a", "b", "c", "d");
		expect(bulks("c", "d"), "EVAL", "return ARGV", "2", "a", "b", "c", "d");
		expect(integer(0), "EVAL", "return #KEYS", "0");
		expect(Reply.OK, "EVAL", "return redis.call('set', KEYS[1], ARGV[1])", "1", "lock", "token");
		expect(integer(0), "EVAL", CAD, "1", "lock", "other");
		expect(integer(1), "EVAL", CAD, "1", "lock", "token");
		expect(Reply.NULL, "GET", "lock");
	}

	@Test
	void numkeysErrors() {
		expectError("ERR Number of keys can't be negative", "EVAL", "return 1", "-1");
		expectError("ERR Number of keys can't be greater than number of args", "EVAL", "return 1", "3", "a");
		expectError("ERR value is not an integer or out of range", "EVAL", "return 1", "x");
		expectError("ERR wrong number of arguments for 'eval' command", "EVAL", "return 1");
		expectError("ERR Number of keys can't be negative", "EVALSHA", "nosuch", "-1");
	}

	@Test
	void evalshaAndScriptCommands() {
		String sha = sha("return 1");
		assertThat(sha).isEqualTo("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
		expect(integer(1), "EVALSHA", sha, "0");
		expect(integer(1), "EVALSHA", sha.toUpperCase(), "0");
		expect(integer(1), "EVALSHA_RO", sha, "0");
		expectError("NOSCRIPT No matching script. Please use EVAL.", "EVALSHA", "f".repeat(40), "0");
		expectError("NOSCRIPT No matching script. Please use EVAL.", "EVALSHA", "abc", "0");
		expect(array(integer(1), integer(0), integer(1)), "SCRIPT", "EXISTS", sha, "f".repeat(40), sha.toUpperCase());
		// EVAL caches too, so EVALSHA works after it
		run("EVAL", "return 2", "0");
		expect(integer(2), "EVALSHA", "7f923f79fe76194c868d7e1d0820de36700eb649", "0");
		expect(Reply.OK, "SCRIPT", "FLUSH");
		expect(Reply.OK, "SCRIPT", "FLUSH", "ASYNC");
		expect(Reply.OK, "SCRIPT", "FLUSH", "sync");
		expect(array(integer(0)), "SCRIPT", "EXISTS", sha);
		expectError("ERR SCRIPT FLUSH only support SYNC|ASYNC option", "SCRIPT", "FLUSH", "foo");
		expectError("ERR SCRIPT FLUSH only support SYNC|ASYNC option", "SCRIPT", "FLUSH", "sync", "async");
		expectError("ERR wrong number of arguments for 'script|exists' command", "SCRIPT", "EXISTS");
		expectError("ERR wrong number of arguments for 'script|load' command", "SCRIPT", "LOAD");
		expectError("ERR unknown subcommand 'foo'. Try SCRIPT HELP.", "SCRIPT", "foo");
		expectError("NOTBUSY No scripts in execution right now.", "SCRIPT", "KILL");
		assertThat(run("SCRIPT", "HELP")).isInstanceOf(Reply.ArrayReply.class);
	}

	@Test
	void compileErrors() {
		assertThat(errorOf("EVAL", "return 1 +", "0"))
			.startsWith("ERR Error compiling script (new function): " + "user_script:1: ");
		assertThat(errorOf("SCRIPT", "LOAD", "return +"))
			.startsWith("ERR Error compiling script (new function): " + "user_script:1: ");
		assertThat(errorOf("EVAL", "\n\nfoo bar", "0"))
			.startsWith("ERR Error compiling script (new function): " + "user_script:3: ");
	}

	@Test
	void runtimeErrorsNameTheScriptAndLine() {
		expectError("ERR user_script:1: boom script: 82903a0434f1503e152f89c03c9acd881a0e8150, on @user_script:1.",
				"EVAL", "error('boom')", "0");
		expectError("boom script: b4008f1a5b8fc868d0c8eace17f627e4976c6595, on @user_script:1.", "EVAL",
				"error({err='boom'})", "0");
		expectError("ERR nil script: aca90d914519fdb9825352bdc0befb59f7c8510f, on @user_script:1.", "EVAL", "error()",
				"0");
		expectError(
				"ERR user_script:1: Script attempted to access nonexistent global variable 'nosuch' "
						+ "script: c843e952e50a3cb0d663a5593c03b89bbafb6aeb, on @user_script:1.",
				"EVAL", "return nosuch()", "0");
		expectError("ERR user_script:1: Attempt to modify a readonly table "
				+ "script: 34bce5f775de97f557a34088509c8bfe1ea17e52, on @user_script:1.", "EVAL", "x = 1", "0");
		assertThat(errorOf("EVAL", "local a = 1\n\nerror('third')", "0")).contains("user_script:3: third")
			.endsWith("on @user_script:3.");
		run("SET", "k", "a");
		expectError("ERR value is not an integer or out of range script: 2bab3b661081db58bd2341920e0ba7cf5dc77b25, "
				+ "on @user_script:1.", "EVAL", "return redis.call('incr', KEYS[1])", "1", "k");
		expectError(
				"ERR Unknown Redis command called from script script: "
						+ "206396248e12c6e742fd7296250433c8d7343b74, on @user_script:1.",
				"EVAL", "return redis.call('nosuch')", "0");
		expectError(
				"ERR Wrong number of args calling Redis command from script script: "
						+ "f187dee77f607f7cff00bbabc9df38507582c78d, on @user_script:1.",
				"EVAL", "return redis.call('get')", "0");
		assertThat(errorOf("EVAL", "return redis.call('eval', 'return 1', 0)", "0"))
			.startsWith("ERR This Redis command is not allowed from script script: ");
		assertThat(errorOf("EVAL", "return redis.call('client', 'id')", "0"))
			.startsWith("ERR This Redis command is not allowed from script script: ");
		assertThat(errorOf("EVAL", "return redis.call()", "0"))
			.startsWith("ERR Please specify at least one argument for this redis lib call script: ");
		assertThat(errorOf("EVAL", "return redis.call('set', KEYS[1], {})", "1", "k"))
			.startsWith("ERR Lua redis lib command arguments must be strings or integers script: ");
		assertThat(errorOf("EVAL", "return redis.call('set', KEYS[1], true)", "1", "k"))
			.startsWith("ERR Lua redis lib command arguments must be strings or integers script: ");
	}

	@Test
	void pcallAndErrorTables() {
		run("SET", "k", "a");
		expectError("ERR value is not an integer or out of range", "EVAL", "return redis.pcall('incr', KEYS[1])", "1",
				"k");
		expect(bulks("table", "ERR value is not an integer or out of range"), "EVAL",
				"local r = redis.pcall('incr', KEYS[1]); return {type(r), r['err']}", "1", "k");
		// Redis 7's pcall hands scripts the err string of an error table
		expect(bulks("false", "string", "ERR value is not an integer or out of range"), "EVAL",
				"local ok, e = pcall(redis.call, 'incr', KEYS[1]); return {tostring(ok), type(e), e}", "1", "k");
		expect(bulk("user_script:1: x"), "EVAL", "local ok, e = pcall(function() error('x') end); return e", "0");
		expectError("ERR Unknown Redis command called from script", "EVAL", "return redis.pcall('nosuch')", "0");
		expectError("ERR bad", "EVAL", "return redis.error_reply('bad')", "0");
		expectError("ERR bad", "EVAL", "return redis.error_reply('-bad')", "0");
		expectError("My bad", "EVAL", "return redis.error_reply('My bad')", "0");
		expectError("My Error", "EVAL", "return {err='My Error'}", "0");
		expectError("-My Error", "EVAL", "return {err='-My Error'}", "0");
		expect(new Reply.SimpleString("fine"), "EVAL", "return redis.status_reply('fine')", "0");
		expect(new Reply.SimpleString("-fine"), "EVAL", "return {ok='-fine'}", "0");
		expectError("ERR wrong number or type of arguments", "EVAL", "return redis.error_reply(5)", "0");
		expectError("ERR wrong number or type of arguments", "EVAL", "return redis.status_reply()", "0");
		expectError("y", "EVAL", "return {ok='x', err='y'}", "0");
	}

	@Test
	void luaToRedisConversions() {
		expect(integer(3), "EVAL", "return 3.99", "0");
		expect(integer(-3), "EVAL", "return -3.99", "0");
		expect(integer(0), "EVAL", "return -0.5", "0");
		expect(integer(Long.MIN_VALUE), "EVAL", "return 1e20", "0");
		expect(integer(Long.MIN_VALUE), "EVAL", "return 0/0", "0");
		expect(integer(Long.MIN_VALUE), "EVAL", "return 1/0", "0");
		expect(integer(9007199254740992L), "EVAL", "return 9007199254740993", "0");
		expect(integer(1), "EVAL", "return true", "0");
		expect(Reply.NULL, "EVAL", "return false", "0");
		expect(Reply.NULL, "EVAL", "return nil", "0");
		expect(Reply.NULL, "EVAL", "return", "0");
		expect(Reply.NULL, "EVAL", "return function() end", "0");
		expect(integer(1), "EVAL", "return 1, 2", "0");
		expect(Reply.bulk(new byte[] { 'a', 0, 'b' }), "EVAL", "return 'a\\0b'", "0");
		expect(array(integer(1), integer(2), integer(3), bulk("x")), "EVAL", "return {1,2,3.7,'x',nil,5}", "0");
		expect(array(integer(1), array(integer(2), array(integer(3), bulk("a"))), integer(1), Reply.NULL), "EVAL",
				"return {1,{2,{3,'a'}},true,false,nil,'x'}", "0");
		expect(Reply.EMPTY_ARRAY, "EVAL", "return {}", "0");
		expect(Reply.EMPTY_ARRAY, "EVAL", "return {foo='bar'}", "0");
		expect(Reply.EMPTY_ARRAY, "EVAL", "return {err=5}", "0");
		expect(new Reply.DoubleReply(1.5), "EVAL", "return {double=1.5}", "0");
	}

	@Test
	void redisToLuaConversions() {
		run("SET", "s", "v");
		run("RPUSH", "l", "a", "b");
		expect(bulk("number"), "EVAL", "return type(redis.call('incr', KEYS[1]))", "1", "n");
		// no key with numkeys 0 would be refused, so declare them
		expect(bulk("boolean"), "EVAL", "return type(redis.call('get', KEYS[1]))", "1", "nokey");
		expect(bulk("false"), "EVAL", "return tostring(redis.call('get', KEYS[1]))", "1", "nokey");
		expect(bulk("string"), "EVAL", "return type(redis.call('get', KEYS[1]))", "1", "s");
		expect(bulk("table"), "EVAL", "return type(redis.call('lrange', KEYS[1], 0, -1))", "1", "l");
		expect(bulk("PONG"), "EVAL", "return redis.call('ping')['ok']", "0");
		expect(new Reply.SimpleString("string"), "EVAL", "return redis.call('type', KEYS[1])", "1", "s");
		expect(bulk("string"), "EVAL", "return type(redis.call('time')[1])", "0");
		// RESP3 inside the script: null is nil, not false
		expect(bulk("nil"), "EVAL", "redis.setresp(3); return type(redis.call('get', KEYS[1]))", "1", "nokey");
		expect(Reply.NULL, "EVAL", "return redis.setresp(2)", "0");
		assertThat(errorOf("EVAL", "return redis.setresp(4)", "0")).startsWith("ERR RESP version must be 2 or 3. ");
		// numbers become arguments with %.17g
		expect(bulk("0.10000000000000001"), "EVAL",
				"redis.call('set', KEYS[1], 0.1); return redis.call('get', KEYS[1])", "1", "f");
		expect(bulk("1e+17"), "EVAL", "redis.call('set', KEYS[1], 1e17); return redis.call('get', KEYS[1])", "1", "f");
		expect(bulk("123456789012"), "EVAL",
				"redis.call('set', KEYS[1], 123456789012); return redis.call('get', KEYS[1])", "1", "f");
	}

	@Test
	void libraryAndShims() {
		expect(bulk("da39a3ee5e6b4b0d3255bfef95601890afd80709"), "EVAL", "return redis.sha1hex('')", "0");
		assertThat(errorOf("EVAL", "return redis.sha1hex()", "0")).startsWith("ERR wrong number of arguments script: ");
		expect(bulk("7.0.15"), "EVAL", "return redis.REDIS_VERSION", "0");
		expect(integer(458767), "EVAL", "return redis.REDIS_VERSION_NUM", "0");
		expect(array(integer(0), integer(1), integer(2), integer(3)), "EVAL",
				"return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING}", "0");
		expect(Reply.NULL, "EVAL", "return redis.log(redis.LOG_DEBUG, 'hi')", "0");
		assertThat(errorOf("EVAL", "return redis.log(99, 'hi')", "0")).startsWith("ERR Invalid debug level. script: ");
		assertThat(errorOf("EVAL", "return redis.log()", "0"))
			.startsWith("ERR redis.log() requires two arguments or more. script: ");
		expect(integer(1), "EVAL", "return unpack({1,2,3})", "0");
		expect(integer(1), "EVAL", "return loadstring('return 1')()", "0");
		expect(integer(3), "EVAL", "return table.getn({1,2,3})", "0");
		expect(bulk("0.33333333333333"), "EVAL", "return tostring(1/3)", "0");
		expect(bulk("1e+14"), "EVAL", "return tostring(1e14)", "0");
		expect(bulk("3 a  1.50"), "EVAL", "return string.format('%d %s %5.2f', 3, 'a', 1.5)", "0");
		expect(bulk("Lua 5.1"), "EVAL", "return _VERSION", "0");
		for (String absent : List.of("os", "io", "require", "dofile", "loadfile", "print", "debug", "package")) {
			assertThat(errorOf("EVAL", "return type(" + absent + ")", "0"))
				.contains("Script attempted to access nonexistent global variable '" + absent + "'");
		}
	}

	@Test
	void scriptsCannotLeaveStateBehind() {
		assertThat(errorOf("EVAL", "string.foo = 1", "0")).contains("Attempt to modify a readonly table");
		assertThat(errorOf("EVAL", "redis.call = nil", "0")).contains("Attempt to modify a readonly table");
		assertThat(errorOf("EVAL", "rawset(_G, 'y', 1)", "0")).contains("Attempt to modify a readonly table");
		assertThat(errorOf("EVAL", "setmetatable(_G, nil)", "0")).contains("Attempt to modify a readonly table");
		assertThat(errorOf("EVAL", "getmetatable('').__index = {}", "0"))
			.contains("Attempt to modify a readonly table");
		assertThat(errorOf("EVAL", "getmetatable('').__index.upper = nil", "0"))
			.contains("Attempt to modify a readonly table");
		expect(bulk("ABC"), "EVAL", "return ('abc'):upper()", "0");
		expect(integer(1), "EVAL", "local t = {}; t.x = 1; return t.x", "0");
		// KEYS and ARGV are per call
		run("EVAL", "KEYS[2] = 'leak'; return 1", "1", "a");
		expect(integer(1), "EVAL", "return #KEYS", "1", "b");
	}

	@Test
	void readOnlyScriptsRefuseWrites() {
		String err = errorOf("EVAL_RO", "return redis.call('set', KEYS[1], 'b')", "1", "k");
		assertThat(err).startsWith("ERR Write commands are not allowed from read-only scripts. script: ");
		String sha = sha("return redis.call('set', KEYS[1], 'b')");
		assertThat(errorOf("EVALSHA_RO", sha, "1", "k"))
			.isEqualTo(err.replace("91dc92c70e55c0375a7afb9a7e8963b89bb7a930", sha));
		run("SET", "k", "v");
		expect(bulk("v"), "EVAL_RO", "return redis.call('get', KEYS[1])", "1", "k");
		assertThat(errorOf("EVAL", "#!lua flags=no-writes\nreturn redis.call('set', KEYS[1], 'b')", "1", "k"))
			.startsWith("ERR Write commands are not allowed from read-only scripts. script: ")
			.endsWith("on @user_script:2.");
	}

	@Test
	void shebangs() {
		assertThat(errorOf("EVAL", "#!lua\nreturn x", "0"))
			.startsWith("ERR user_script:2: Script attempted to access nonexistent global variable 'x' script: ");
		expectError("ERR Unexpected engine in script shebang: #!python", "EVAL", "#!python\nreturn 1", "0");
		expectError("ERR Unexpected flag in script shebang: foo", "EVAL", "#!lua flags=foo\nreturn 1", "0");
		expectError("ERR Unknown lua shebang option: foo=bar", "EVAL", "#!lua foo=bar\nreturn 1", "0");
		expect(integer(1), "EVAL", "#!lua flags=allow-oom,no-cluster\nreturn 1", "0");
	}

	@Test
	void keysOutsideTheLockedShardsAreRefused() {
		String err = errorOf("EVAL", "return redis.call('get', 'undeclared')", "0");
		assertThat(err).startsWith("ERR Script attempted to access a non local key in a cluster node script: ");
		// a key in a locked shard is fine even if undeclared: same lock, no deadlock
		// possible
		expect(Reply.NULL, "EVAL", "return redis.call('get', KEYS[1])", "1", "declared");
		// whole-keyspace commands: only from scripts that hold no locks
		run("SET", "a", "1");
		expect(integer(1), "EVAL", "return redis.call('dbsize')", "0");
		expect(bulks("a"), "EVAL", "return redis.call('keys', '*')", "0");
		assertThat(errorOf("EVAL", "return redis.call('dbsize')", "1", "a"))
			.startsWith("ERR This command walks the whole keyspace");
		expect(integer(1), "EVAL", "return redis.call('exists', KEYS[1], KEYS[2])", "2", "a", "zzz");
	}

	@Test
	void blockingCommandsDoNotBlockInScripts() {
		expectError(
				"ERR This Redis command is not allowed from script script: "
						+ "121bfe1768bf66b7a31f0b044f99b2ef97079112, on @user_script:1.",
				"EVAL", "return redis.call('blpop','l',0)", "1", "l");
		expect(Reply.NULL, "EVAL", "return redis.call('blmpop', '0', '1', KEYS[1], 'LEFT')", "1", "l");
		expect(Reply.NULL, "EVAL", "return redis.call('lmpop', '2', KEYS[1], KEYS[2], 'LEFT')", "2", "l", "m");
		assertThat(errorOf("EVAL", "return redis.call('lmpop', '2', KEYS[1], 'elsewhere', 'LEFT')", "1", "l"))
			.startsWith("ERR Script attempted to access a non local key");
	}

	@Test
	void timeAndSelectStayInsideTheScript() {
		Reply.ArrayReply time = (Reply.ArrayReply) run("EVAL", "return redis.call('time')", "0");
		assertThat(time.items()).hasSize(2);
		Engine.EngineSession s = engine.openSession();
		s.execute("SET", "k", "db0");
		assertThat(s.execute("EVAL",
				"redis.call('select', 1); redis.call('set', KEYS[1], 'db1'); " + "return redis.call('get', KEYS[1])",
				"1", "k"))
			.isEqualTo(bulk("db1"));
		assertThat(s.execute("GET", "k")).isEqualTo(bulk("db0"));
		assertThat(s.database()).isZero();
	}

	@Test
	void scriptsAreListedInCommand() {
		Reply.ArrayReply info = (Reply.ArrayReply) run("COMMAND", "INFO", "eval", "evalsha_ro");
		Reply.ArrayReply eval = (Reply.ArrayReply) info.items().get(0);
		assertThat(eval.items().subList(0, 6)).containsExactly(bulk("eval"), integer(-3),
				new Reply.SetReply(List.of(new Reply.SimpleString("noscript"), new Reply.SimpleString("stale"),
						new Reply.SimpleString("skip_monitor"), new Reply.SimpleString("no_mandatory_keys"),
						new Reply.SimpleString("movablekeys"))),
				integer(0), integer(0), integer(0));
	}

}

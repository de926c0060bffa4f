package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same scripts, over RESP, against the engine and a real redis-server: replies must
 * be equal, errors included, byte for byte. Scripts whose output depends on the clock
 * (TIME) compare by shape.
 */
class ScriptingDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final String COMPARE_AND_DELETE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private static final String COUNTER_WITH_TTL = "local n = redis.call('incr', KEYS[1]) "
			+ "if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end "
			+ "return {n, redis.call('pttl', KEYS[1]) > 0}";

	private static final String LOCK_ACQUIRE = "if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then "
			+ "return 1 end if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end return 0";

	/**
	 * A token bucket in the shape rate limiters use: state in a hash, refill from TIME.
	 */
	private static final String TOKEN_BUCKET = "local t = redis.call('time') "
			+ "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) "
			+ "local rate, cap = tonumber(ARGV[1]), tonumber(ARGV[2]) "
			+ "local b = redis.call('hmget', KEYS[1], 'tokens', 'ts') "
			+ "local tokens, ts = tonumber(b[1]) or cap, tonumber(b[2]) or now "
			+ "tokens = math.min(cap, tokens + (now - ts) * rate / 1000) "
			+ "local allowed = 0 if tokens >= 1 then tokens = tokens - 1 allowed = 1 end "
			+ "redis.call('hset', KEYS[1], 'tokens', tokens, 'ts', now) "
			+ "redis.call('pexpire', KEYS[1], math.ceil(cap / rate * 1000)) " + "return {allowed, math.floor(tokens)}";

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

	@BeforeEach
	void flush() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("FLUSHALL");
			c.call("SCRIPT", "FLUSH");
		}
	}

	private static Resp same(String... command) {
		Resp mine = engineClient.call(command);
		Resp theirs = redisClient.call(command);
		assertThat(mine).as(String.join(" ", command)).isEqualTo(theirs);
		return mine;
	}

	@Test
	void locksAndCounters() {
		same("EVAL", LOCK_ACQUIRE, "1", "lock", "me", "10000");
		same("EVAL", LOCK_ACQUIRE, "1", "lock", "you", "10000");
		same("EVAL", LOCK_ACQUIRE, "1", "lock", "me", "10000");
		same("EVAL", COMPARE_AND_DELETE, "1", "lock", "you");
		same("EVAL", COMPARE_AND_DELETE, "1", "lock", "me");
		same("EXISTS", "lock");
		for (int i = 0; i < 3; i++) {
			same("EVAL", COUNTER_WITH_TTL, "1", "hits", "60000");
		}
		same("SET", "str", "x");
		same("EVAL", COUNTER_WITH_TTL, "1", "str", "60000");
		same("HSET", "h", "f", "v");
		same("EVAL", COMPARE_AND_DELETE, "1", "h", "v");
	}

	@Test
	void evalshaAndScriptManagement() {
		Resp sha = same("SCRIPT", "LOAD", COMPARE_AND_DELETE);
		same("SET", "k", "v");
		same("EVALSHA", sha.text(), "1", "k", "v");
		same("EVALSHA", sha.text().toUpperCase(), "1", "k", "v");
		same("EVALSHA", "ffffffffffffffffffffffffffffffffffffffff", "0");
		same("EVALSHA_RO", sha.text(), "1", "k", "v");
		same("SCRIPT", "EXISTS", sha.text(), "abc");
		same("SCRIPT", "FLUSH", "ASYNC");
		same("SCRIPT", "EXISTS", sha.text());
		same("SCRIPT", "FLUSH", "bogus");
		same("SCRIPT", "KILL");
		same("SCRIPT", "NOPE");
		same("EVAL", "return 1", "-1");
		same("EVAL", "return 1", "2", "a");
		same("EVAL", "return 1", "x");
		same("EVAL");
		same("EVAL_RO", "return redis.call('set', KEYS[1], 'v')", "1", "k");
	}

	@Test
	void errorsAndPcall() {
		same("SET", "s", "text");
		for (String script : List.of("error('boom')", "error({err='boom'})", "error()", "x = 1", "return nosuch",
				"string.foo = 1", "return redis.call('incr', KEYS[1])", "return redis.pcall('incr', KEYS[1])",
				"local ok, e = pcall(redis.call, 'incr', KEYS[1]); return {tostring(ok), e}",
				"local r = redis.pcall('incr', KEYS[1]); return {type(r), r['err']}",
				"local ok, e = pcall(function() error('x') end); return e", "return redis.call('nosuch')",
				"return redis.pcall('nosuch')", "return redis.call('get')", "return redis.call()",
				"return redis.call('set', KEYS[1], {})", "return redis.call('lpush', KEYS[1], 'a')",
				"return redis.error_reply('bad')", "return redis.error_reply('My bad')",
				"return redis.status_reply('fine')", "return {err='-x'}", "return redis.error_reply(5)",
				"return redis.sha1hex()", "return redis.log()", "return redis.log(99, 'x')", "return redis.setresp(4)",
				"return redis.call('eval', 'return 1', '0')", "return redis.call('blpop', KEYS[1], 0)",
				"local a = 1\n\nerror('line three')", "return redis.call('set', KEYS[1], 'v', 'EX', 0)",
				"return redis.call('object')")) {
			same("EVAL", script, "1", "s");
		}
		same("EVAL", "#!lua\nreturn x", "0");
		same("EVAL", "#!lua flags=no-writes\nreturn redis.call('set', KEYS[1], 'b')", "1", "s");
		same("EVAL", "#!python\nreturn 1", "0");
		same("EVAL", "#!lua flags=foo\nreturn 1", "0");
	}

	@Test
	void conversions() {
		same("RPUSH", "l", "a", "b", "c");
		same("HSET", "h", "f", "1");
		same("ZADD", "z", "1.5", "m");
		for (String script : List.of("return {1, 2, 3.7, 'x', nil, 5}", "return {1, {2, {3, 'a'}}, true, false, nil}",
				"return 3.99", "return -3.99", "return 1e20", "return 0/0", "return true", "return false", "return nil",
				"return {}", "return {foo='bar'}", "return {err=5}", "return {ok='x', err='y'}", "return 'a\\0b'",
				"return redis.call('lrange', KEYS[1], 0, -1)", "return redis.call('get', KEYS[5])",
				"return type(redis.call('get', KEYS[1]))", "return redis.call('hgetall', KEYS[2])",
				"return redis.call('zscore', KEYS[3], 'm')", "return redis.call('type', KEYS[1])",
				"return redis.call('ping')['ok']", "redis.call('set', KEYS[4], 0.1) return redis.call('get', KEYS[4])",
				"redis.call('set', KEYS[4], 1e17) return redis.call('get', KEYS[4])",
				"redis.call('set', KEYS[4], 123456789012) return redis.call('get', KEYS[4])", "return tostring(1/3)",
				"return tostring(1e15)", "return string.format('%5.2f|%d|%x', 1.5, 42, 255)",
				"return unpack({1, 2, 3})", "return loadstring('return 7')()", "return #KEYS + #ARGV",
				"redis.setresp(3) return redis.call('get', KEYS[5])",
				"redis.setresp(3) return type(redis.call('get', KEYS[5]))", "return redis.sha1hex('abc')",
				"return redis.REDIS_VERSION", "return {double=1.5}",
				"return redis.call('blmpop', '0', '1', KEYS[1], 'LEFT')")) {
			same("EVAL", script, "5", "l", "h", "z", "f", "nokey", "arg");
		}
	}

	@Test
	void clockScriptsCompareByShape() {
		List<Resp> mine = new ArrayList<>();
		List<Resp> theirs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			mine.add(engineClient.call("EVAL", TOKEN_BUCKET, "1", "bucket", "1", "3"));
			theirs.add(redisClient.call("EVAL", TOKEN_BUCKET, "1", "bucket", "1", "3"));
		}
		// 3 tokens, refilled at 1/s: the first three calls are allowed, the fourth
		// (within ms) is not
		assertThat(mine).isEqualTo(theirs);
		assertThat(mine.get(3).items().get(0).text()).isEqualTo("0");
		Resp time = engineClient.call("EVAL", "return redis.call('time')", "0");
		assertThat(time.items()).hasSize(2);
		assertThat(redisClient.call("EVAL", "return redis.call('time')", "0").items()).hasSize(2);
		same("EVAL", "return type(math.random())", "0");
		same("EVAL", "local r = math.random(10) return r >= 1 and r <= 10", "0");
	}

}

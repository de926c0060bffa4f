package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * maxmemory against a real redis-server 7.0.15 with the same settings, where the outcome
 * is deterministic: which commands answer OOM and with what text, what scripts answer,
 * OBJECT FREQ and IDLETIME and their errors per policy, and the settings CONFIG GET
 * reports. What each policy evicts is {@code EvictionTest}'s.
 */
class EvictionDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

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

	@AfterEach
	void resetBudget() {
		both("CONFIG", "SET", "maxmemory", "0", "maxmemory-policy", "noeviction", "maxmemory-eviction-tenacity", "10");
		both("FLUSHALL");
	}

	@Test
	void overMaxmemoryDenyoomCommandsGetOomAndTheRestRun() {
		both("FLUSHALL");
		both("SET", "a", "b");
		both("RPUSH", "list", "x");
		both("CONFIG", "SET", "maxmemory", "1");
		for (List<String> command : List.of(List.of("SET", "x", "y"), List.of("SET", "a", "c"), List.of("INCR", "n"),
				List.of("LPUSH", "list", "x"), List.of("RPUSHX", "list", "x"), List.of("APPEND", "a", "x"),
				List.of("SETRANGE", "a", "0", "x"), List.of("HSET", "h", "f", "v"), List.of("SADD", "s", "m"),
				List.of("ZADD", "z", "1", "m"), List.of("MSET", "a", "1", "b", "2"), List.of("GETSET", "a", "x"),
				List.of("GET", "a"), List.of("LPOP", "list"), List.of("EXPIRE", "a", "100"), List.of("PERSIST", "a"),
				List.of("TTL", "a"), List.of("EXISTS", "a"), List.of("GETDEL", "a"), List.of("DEL", "list"),
				List.of("OBJECT", "ENCODING", "a"), List.of("EVAL", "return redis.call('set',KEYS[1],'y')", "1", "x"),
				List.of("EVAL", "return redis.pcall('set',KEYS[1],'y')", "1", "x"),
				List.of("EVAL", "return redis.call('get',KEYS[1])", "1", "a"),
				List.of("EVAL", "#!lua\nreturn redis.call('get',KEYS[1])", "1", "a"),
				List.of("EVAL", "#!lua flags=no-writes\nreturn redis.call('get',KEYS[1])", "1", "a"),
				List.of("EVAL", "#!lua flags=allow-oom\nreturn redis.call('set',KEYS[1],'z')", "1", "x"))) {
			String[] args = command.toArray(String[]::new);
			assertThat(engineClient.call(args)).as(String.join(" ", command)).isEqualTo(redisClient.call(args));
		}
	}

	@Test
	void objectFreqAndIdletimeAnswerPerPolicy() {
		both("FLUSHALL");
		both("SET", "k", "v");
		for (String policy : List.of("noeviction", "allkeys-lru", "volatile-ttl", "allkeys-random")) {
			both("CONFIG", "SET", "maxmemory-policy", policy);
			assertSame("OBJECT", "FREQ", "k");
			assertSame("OBJECT", "FREQ", "missing");
			assertSame("OBJECT", "IDLETIME", "missing");
		}
		for (String policy : List.of("allkeys-lfu", "volatile-lfu")) {
			both("CONFIG", "SET", "maxmemory-policy", policy);
			both("SET", "fresh-" + policy, "v");
			assertSame("OBJECT", "FREQ", "fresh-" + policy);
			both("GET", "fresh-" + policy);
			assertSame("OBJECT", "FREQ", "fresh-" + policy);
			assertSame("OBJECT", "IDLETIME", "k");
			assertSame("OBJECT", "FREQ", "missing");
		}
		assertSame("OBJECT", "HELP");
	}

	@Test
	void evictingPoliciesAcceptWritesOverTheBudgetAndCountEvictions() {
		both("FLUSHALL");
		// no time limit, so that both evict everything before they answer, however fast
		both("CONFIG", "SET", "maxmemory-eviction-tenacity", "100");
		for (String policy : List.of("allkeys-lru", "allkeys-lfu", "allkeys-random")) {
			both("CONFIG", "SET", "maxmemory-policy", policy);
			both("CONFIG", "SET", "maxmemory", "0");
			for (int i = 0; i < 2000; i++) {
				both("SET", "key:" + i, "x".repeat(500));
			}
			both("CONFIG", "SET", "maxmemory", "1");
			// everything goes, and used memory is still over 1 byte: OOM
			assertSame("SET", "new", "v");
			assertSame("DBSIZE");
			assertThat(evictedKeys(engineClient)).as(policy).isPositive();
			assertThat(evictedKeys(redisClient)).as(policy).isPositive();
		}
		both("CONFIG", "SET", "maxmemory-policy", "volatile-lru");
		assertSame("SET", "no-ttl-left", "v");
	}

	@Test
	void configGetAnswersTheEvictionSettings() {
		for (String pattern : List.of("maxmemory", "maxmemory-policy", "maxmemory-samples",
				"maxmemory-eviction-tenacity", "lfu-log-factor", "lfu-decay-time")) {
			assertSame("CONFIG", "GET", pattern);
		}
		both("CONFIG", "SET", "maxmemory", "100mb", "maxmemory-policy", "allkeys-lfu", "maxmemory-samples", "10");
		assertSame("CONFIG", "GET", "maxmemory");
		assertSame("CONFIG", "GET", "maxmemory-policy");
		assertSame("CONFIG", "GET", "maxmemory-samples");
	}

	private static long evictedKeys(RespClient client) {
		String info = client.call("INFO", "stats").text();
		int at = info.indexOf("evicted_keys:");
		int end = info.indexOf('\r', at);
		return Long.parseLong(info.substring(at + "evicted_keys:".length(), end));
	}

	private static void assertSame(String... command) {
		assertThat(engineClient.call(command)).as(String.join(" ", command)).isEqualTo(redisClient.call(command));
	}

	private static void both(String... command) {
		Object fromEngine = engineClient.call(command);
		Object fromRedis = redisClient.call(command);
		assertThat(fromEngine).as("engine: " + String.join(" ", command)).isEqualTo(fromRedis);
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.testing.MutableClock;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * maxmemory and the eviction policies, in-process: each policy holds used_memory at its
 * budget while twice the budget is written, evicts only what it may, and refuses writes
 * with Redis's OOM error when nothing may go. Replies and errors against a real
 * redis-server are {@code EvictionDifferentialTest}'s.
 */
class EvictionTest {

	private static final long MAXMEMORY = 2 * 1024 * 1024;

	private static final String VALUE = "v".repeat(200);

	private static final Reply OOM = Reply.error("OOM command not allowed when used memory > 'maxmemory'.");

	private final MutableClock clock = new MutableClock();

	private final List<Engine> engines = new ArrayList<>();

	@AfterEach
	void close() {
		engines.forEach(Engine::close);
	}

	private Engine engine(EvictionPolicy policy) {
		return engine(policy, MAXMEMORY);
	}

	private Engine engine(EvictionPolicy policy, long maxmemory) {
		Engine engine = Engine.start(EngineConfig.builder()
			.clock(clock)
			.activeExpiry(false)
			.shards(8)
			.maxmemory(maxmemory)
			.maxmemoryPolicy(policy)
			.build());
		engines.add(engine);
		return engine;
	}

	@ParameterizedTest
	@EnumSource(value = EvictionPolicy.class,
			names = { "ALLKEYS_LRU", "ALLKEYS_LFU", "ALLKEYS_RANDOM", "ALLKEYS_TINYLFU" })
	void allKeysPoliciesHoldUsedMemoryAtMaxmemory(EvictionPolicy policy) {
		Engine engine = engine(policy);
		long written = 0;
		for (int i = 0; written < 2 * MAXMEMORY; i++) {
			Reply reply = i % 2 == 0 ? engine.execute("SET", "key:" + i, VALUE)
					: engine.execute("SET", "key:" + i, VALUE, "EX", "10000");
			assertThat(reply).as("SET key:%d under %s", i, policy).isEqualTo(Reply.OK);
			written += 250;
			if (i % 500 == 0) {
				assertThat(used(engine)).as("used_memory after %d keys", i).isLessThanOrEqualTo(MAXMEMORY * 105 / 100);
			}
		}
		assertThat(used(engine)).isBetween(MAXMEMORY * 95 / 100, MAXMEMORY * 105 / 100);
		assertThat(stat(engine, "evicted_keys")).isPositive();
		assertThat(dbsize(engine)).isPositive();
	}

	@ParameterizedTest
	@EnumSource(value = EvictionPolicy.class,
			names = { "VOLATILE_LRU", "VOLATILE_LFU", "VOLATILE_RANDOM", "VOLATILE_TTL", "VOLATILE_TINYLFU" })
	void volatilePoliciesEvictOnlyKeysWithATtlThenAnswerOom(EvictionPolicy policy) {
		Engine engine = engine(policy);
		List<String> persistent = new ArrayList<>();
		Reply reply = Reply.OK;
		int i = 0;
		for (; i < 100_000 && reply.equals(Reply.OK); i++) {
			if (i % 2 == 0) {
				reply = engine.execute("SET", "keep:" + i, VALUE);
				if (reply.equals(Reply.OK)) {
					persistent.add("keep:" + i);
				}
			}
			else {
				reply = engine.execute("SET", "ttl:" + i, VALUE, "EX", "10000");
			}
			if (i % 100 == 0) {
				assertThat(used(engine)).as("used_memory after %d keys", i).isLessThanOrEqualTo(MAXMEMORY * 105 / 100);
			}
		}
		assertThat(reply).as("once no key with a TTL is left").isEqualTo(OOM);
		assertThat(stat(engine, "evicted_keys")).isPositive();
		for (String key : persistent) {
			assertThat(engine.execute("EXISTS", key)).as(key).isEqualTo(Reply.integer(1));
		}
		assertThat(engine.execute("GET", persistent.get(0))).isEqualTo(Reply.bulk(VALUE));
		assertThat(engine.execute("DEL", persistent.get(0))).isEqualTo(Reply.integer(1));
	}

	@Test
	void volatileTtlEvictsTheNearestExpiryFirst() {
		Engine engine = engine(EvictionPolicy.VOLATILE_TTL);
		int keys = 20_000;
		// written in random order of expiry, so that age says nothing about the TTL
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < keys; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, new java.util.Random(42));
		for (int i : order) {
			assertThat(engine.execute("SET", "k:" + i, VALUE, "EX", Integer.toString(1000 + i))).isEqualTo(Reply.OK);
		}
		int survivorsFirstQuarter = 0;
		int survivorsLastQuarter = 0;
		for (int i = 0; i < keys; i++) {
			boolean exists = engine.execute("EXISTS", "k:" + i).equals(Reply.integer(1));
			if (exists && i < keys / 4) {
				survivorsFirstQuarter++;
			}
			if (exists && i >= keys * 3 / 4) {
				survivorsLastQuarter++;
			}
		}
		assertThat(stat(engine, "evicted_keys")).isGreaterThan(keys / 4);
		assertThat(survivorsLastQuarter).as("keys expiring last").isGreaterThan(keys / 4 * 9 / 10);
		assertThat(survivorsFirstQuarter).as("keys expiring first").isLessThan(keys / 4 / 10);
	}

	@Test
	void noevictionRefusesWritesButServesReadsAndDeletesAndLosesNothing() {
		Engine engine = engine(EvictionPolicy.NOEVICTION);
		List<String> stored = new ArrayList<>();
		Reply reply = Reply.OK;
		for (int i = 0; reply.equals(Reply.OK); i++) {
			reply = engine.execute("SET", "key:" + i, VALUE);
			if (reply.equals(Reply.OK)) {
				stored.add("key:" + i);
			}
		}
		assertThat(reply).isEqualTo(OOM);
		for (String denyoom : List.of("SET x y", "INCR n", "LPUSH l x", "APPEND key:0 x", "HSET h f v", "SADD s m",
				"ZADD z 1 m", "SETRANGE key:0 0 x")) {
			assertThat(engine.execute(denyoom.split(" "))).as(denyoom).isEqualTo(OOM);
		}
		assertThat(engine.execute("GET", "key:0")).isEqualTo(Reply.bulk(VALUE));
		assertThat(engine.execute("EXPIRE", "key:1", "100")).as("not denyoom").isEqualTo(Reply.integer(1));
		assertThat(stat(engine, "evicted_keys")).isZero();
		assertThat(dbsize(engine)).isEqualTo(stored.size());
		for (String key : stored) {
			assertThat(engine.execute("EXISTS", key)).as(key).isEqualTo(Reply.integer(1));
		}
		// deleting frees memory and writes are accepted again
		for (int i = 0; i < 2; i++) {
			assertThat(engine.execute("DEL", stored.get(i))).isEqualTo(Reply.integer(1));
		}
		assertThat(engine.execute("SET", "again", VALUE)).isEqualTo(Reply.OK);
	}

	@Test
	void scriptsAreJudgedByTheMemoryStateWhenTheyStart() {
		Engine engine = engine(EvictionPolicy.NOEVICTION, 1);
		assertThat(engine.execute("SET", "a", "b")).isEqualTo(OOM);
		assertThat(engine.execute("EVAL", "#!lua flags=allow-oom\nreturn redis.call('set',KEYS[1],'b')", "1", "a"))
			.isEqualTo(Reply.OK);
		Reply call = engine.execute("EVAL", "return redis.call('set',KEYS[1],'y')", "1", "x");
		assertThat(((Reply.ErrorReply) call).message())
			.startsWith("OOM command not allowed when used memory > 'maxmemory'. script: ");
		assertThat(engine.execute("EVAL", "return redis.pcall('set',KEYS[1],'y')", "1", "x")).isEqualTo(OOM);
		assertThat(engine.execute("EVAL", "return redis.call('get',KEYS[1])", "1", "a")).isEqualTo(Reply.bulk("b"));
		assertThat(engine.execute("EVAL", "#!lua\nreturn redis.call('get',KEYS[1])", "1", "a")).isEqualTo(OOM);
		assertThat(engine.execute("EVAL", "#!lua flags=no-writes\nreturn redis.call('get',KEYS[1])", "1", "a"))
			.isEqualTo(Reply.bulk("b"));
		assertThat(engine.execute("GET", "x")).as("refused every time").isEqualTo(Reply.NULL);
	}

	@Test
	void objectFreqAndIdletimeFollowThePolicy() {
		Engine lru = engine(EvictionPolicy.ALLKEYS_LRU, 0);
		lru.execute("SET", "k", "v");
		clock.advance(5_000);
		assertThat(lru.execute("OBJECT", "IDLETIME", "k")).isEqualTo(Reply.integer(5));
		assertThat(lru.execute("TYPE", "k")).as("no touch").isEqualTo(new Reply.SimpleString("string"));
		assertThat(lru.execute("TTL", "k")).isEqualTo(Reply.integer(-1));
		assertThat(lru.execute("EXISTS", "k")).isEqualTo(Reply.integer(1));
		assertThat(lru.execute("OBJECT", "IDLETIME", "k")).isEqualTo(Reply.integer(5));
		lru.execute("GET", "k");
		assertThat(lru.execute("OBJECT", "IDLETIME", "k")).isEqualTo(Reply.integer(0));
		assertThat(lru.execute("OBJECT", "FREQ", "k")).isEqualTo(Reply
			.error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when "
					+ "switching between policies at runtime LRU and LFU data will take some time to adjust."));
		assertThat(lru.execute("OBJECT", "IDLETIME", "missing")).isEqualTo(Reply.NULL);

		Engine lfu = engine(EvictionPolicy.ALLKEYS_LFU, 0);
		lfu.execute("SET", "k", "v");
		assertThat(lfu.execute("OBJECT", "FREQ", "k")).as("LFU_INIT_VAL").isEqualTo(Reply.integer(5));
		for (int i = 0; i < 1000; i++) {
			lfu.execute("GET", "k");
		}
		long hot = ((Reply.IntegerReply) lfu.execute("OBJECT", "FREQ", "k")).value();
		assertThat(hot).as("logarithmic counter").isBetween(6L, 30L);
		clock.advance(3 * 60_000);
		assertThat(lfu.execute("OBJECT", "FREQ", "k")).as("decays by one per minute idle")
			.isEqualTo(Reply.integer(hot - 3));
		assertThat(lfu.execute("OBJECT", "IDLETIME", "k")).isEqualTo(Reply
			.error("ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching "
					+ "between policies at runtime LRU and LFU data will take some time to adjust."));

		Engine tiny = engine(EvictionPolicy.ALLKEYS_TINYLFU, 0);
		tiny.execute("SET", "k", "v");
		for (int i = 0; i < 5; i++) {
			tiny.execute("GET", "k");
		}
		tiny.execute("GET", "absent");
		assertThat(tiny.execute("OBJECT", "FREQ", "k")).as("the sketch's estimate").isEqualTo(Reply.integer(5));
		assertThat(tiny.execute("OBJECT", "IDLETIME", "k")).isEqualTo(Reply.integer(0));
	}

	@Test
	void tinyLfuKeepsKeysReadOftenAgainstAScanOfOneOffKeys() {
		Engine engine = engine(EvictionPolicy.ALLKEYS_TINYLFU);
		int hot = 2_000;
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < hot; i++) {
				if (engine.execute("GET", "hot:" + i) instanceof Reply.NullReply) {
					engine.execute("SET", "hot:" + i, VALUE);
				}
			}
		}
		// a scan of one-off keys, several times the budget
		for (int i = 0; i < 30_000; i++) {
			engine.execute("GET", "scan:" + i);
			engine.execute("SET", "scan:" + i, VALUE);
		}
		int kept = 0;
		for (int i = 0; i < hot; i++) {
			if (engine.execute("EXISTS", "hot:" + i).equals(Reply.integer(1))) {
				kept++;
			}
		}
		assertThat(kept).as("hot keys that survived the scan").isGreaterThan(hot * 95 / 100);
		assertThat(used(engine)).isLessThanOrEqualTo(MAXMEMORY * 105 / 100);
	}

	@Test
	void tinyLfuHoldsASteadySetOfALoopALittleLargerThanTheCache() {
		// the system clock: idle times must order the keys, so that the victims that tie
		// on frequency are the keys read longest ago, which come next in the loop
		Engine engine = Engine.start(EngineConfig.builder()
			.shards(8)
			.maxmemory(MAXMEMORY)
			.maxmemoryPolicy(EvictionPolicy.ALLKEYS_TINYLFU)
			.build());
		engines.add(engine);
		String value = "v".repeat(100);
		int held = 0;
		while (stat(engine, "evicted_keys") == 0) {
			readThrough(engine, "loop:" + held++, value);
		}
		int loop = held * 6 / 5;
		int passes = 25;
		int measured = 5;
		long hits = 0;
		for (int pass = 0; pass < passes; pass++) {
			for (int i = 0; i < loop; i++) {
				if (readThrough(engine, "loop:" + i, value) && pass >= passes - measured) {
					hits++;
				}
			}
		}
		// keeping any fixed subset hits 5/6 of the reads; churning keys that are about to
		// be read, as a newcomer winning by the read that just missed may, hits less
		assertThat((double) hits / ((long) measured * loop)).as("hit ratio of the last %d passes", measured)
			.isGreaterThan(0.78);
	}

	/** Cache-aside: GET, and SET on a miss; whether it hit. */
	private static boolean readThrough(Engine engine, String key, String value) {
		if (engine.execute("GET", key) instanceof Reply.NullReply) {
			engine.execute("SET", key, value);
			return false;
		}
		return true;
	}

	@Test
	void tinyLfuLetsInKeysWrittenBeforeTheyAreRead() {
		Engine engine = engine(EvictionPolicy.ALLKEYS_TINYLFU);
		for (int i = 0; i < 20_000; i++) {
			engine.execute("GET", "cached:" + i);
			engine.execute("SET", "cached:" + i, VALUE);
		}
		// written first and read afterwards, as a session or a new sorted set is: no duel
		assertThat(engine.execute("SET", "session", VALUE)).isEqualTo(Reply.OK);
		assertThat(engine.execute("ZADD", "board", "1", "m")).isEqualTo(Reply.integer(1));
		assertThat(engine.execute("GET", "session")).isEqualTo(Reply.bulk(VALUE));
		assertThat(engine.execute("ZSCORE", "board", "m")).isEqualTo(new Reply.DoubleReply(1.0));
		// a cache-aside miss of a one-off key duels, and loses to keys read as often
		engine.execute("GET", "one-off");
		assertThat(engine.execute("SET", "one-off", VALUE)).isEqualTo(Reply.OK);
		assertThat(engine.execute("EXISTS", "one-off")).isEqualTo(Reply.integer(0));
	}

	@Test
	void listenersHearOfEveryEvictedKeyAndBlockedClientsSeeADeletedKey() {
		Engine engine = engine(EvictionPolicy.ALLKEYS_RANDOM);
		Map<String, Integer> heard = new ConcurrentHashMap<>();
		engine.addEvictionListener((db, key) -> heard.merge(new String(key), db, (a, b) -> a));
		for (int i = 0; i < 20_000; i++) {
			engine.execute("SET", "key:" + i, VALUE);
		}
		assertThat((long) heard.size()).isEqualTo(stat(engine, "evicted_keys")).isPositive();
		heard.keySet().forEach(key -> assertThat(engine.execute("EXISTS", key)).as(key).isEqualTo(Reply.integer(0)));
	}

	@Test
	void aBlockedClientWhoseKeyIsEvictedKeepsWaitingAsForADeletedKey() {
		Engine engine = Engine.start(EngineConfig.builder()
			.port(0)
			.activeExpiry(false)
			.shards(8)
			.maxmemory(MAXMEMORY)
			.maxmemoryPolicy(EvictionPolicy.ALLKEYS_TINYLFU)
			.build());
		engines.add(engine);
		for (int i = 0; i < 20_000; i++) {
			engine.execute("GET", "key:" + i);
			engine.execute("SET", "key:" + i, VALUE);
			engine.execute("GET", "key:" + i);
		}
		try (RespClient waiter = new RespClient(engine.port()); RespClient other = new RespClient(engine.port())) {
			waiter.send(RespClient.encode("BLPOP", "queue", "0"));
			awaitBlockedClients(other, 1);
			// the cache is full and "queue" was read once, as often as the keys it could
			// replace: it loses TinyLFU's admission duel and is evicted right after the
			// push, before the waiter is served
			other.call("GET", "queue");
			assertThat(other.call("LPUSH", "queue", "first").text()).isEqualTo("1");
			assertThat(other.call("EXISTS", "queue").text()).isEqualTo("0");
			assertThat(blockedClients(other)).as("still waiting, as for a deleted key").isEqualTo(1);
			other.call("FLUSHALL");
			assertThat(other.call("LPUSH", "queue", "second").text()).isEqualTo("1");
			assertThat(waiter.read().toString()).contains("queue").contains("second").doesNotContain("first");
		}
	}

	private static void awaitBlockedClients(RespClient client, int expected) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (blockedClients(client) != expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(blockedClients(client)).isEqualTo(expected);
	}

	private static int blockedClients(RespClient client) {
		String info = client.call("INFO", "clients").text();
		int at = info.indexOf("blocked_clients:") + "blocked_clients:".length();
		return Integer.parseInt(info.substring(at, info.indexOf('\r', at)));
	}

	@Test
	void tenacityZeroLeavesTheRestToTheBackgroundThread() throws InterruptedException {
		Engine engine = Engine.start(EngineConfig.builder()
			.activeExpiry(false)
			.shards(8)
			.maxmemoryPolicy(EvictionPolicy.ALLKEYS_LRU)
			.maxmemoryEvictionTenacity(0)
			.build());
		engines.add(engine);
		for (int i = 0; i < 20_000; i++) {
			engine.execute("SET", "key:" + i, VALUE);
		}
		long full = used(engine);
		AtomicLong evicted = new AtomicLong();
		engine.addEvictionListener((db, key) -> evicted.incrementAndGet());
		engine.execute("CONFIG", "SET", "maxmemory", Long.toString(full / 4));
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (used(engine) > full / 4 * 105 / 100 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(used(engine)).as("evicted down to the new budget without a write")
			.isLessThanOrEqualTo(full / 4 * 105 / 100);
		assertThat(evicted.get()).isPositive();
	}

	static long used(Engine engine) {
		return Long.parseLong(info(engine, "memory").get("used_memory"));
	}

	static long stat(Engine engine, String field) {
		return Long.parseLong(info(engine, "stats").get(field));
	}

	static long dbsize(Engine engine) {
		return ((Reply.IntegerReply) engine.execute("DBSIZE")).value();
	}

	static Map<String, String> info(Engine engine, String section) {
		Map<String, String> fields = new HashMap<>();
		for (String line : ((Reply.VerbatimString) engine.execute("INFO", section)).text().split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				fields.put(line.substring(0, colon), line.substring(colon + 1));
			}
		}
		return fields;
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.events.KeyChangeListener;
import dev.larder.engine.events.KeyChanges;
import dev.larder.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a {@link KeyChangeListener} (WATCH, client tracking, the near cache) is told:
 * every real change to a key, whatever made it (a command, expiry found by an access, the
 * active expiry cycle, eviction, a flush), and nothing for a write that changed nothing,
 * as Redis's signalModifiedKey.
 */
class KeyChangeSignalsTest {

	private final MutableClock clock = new MutableClock();

	private final Recorder recorder = new Recorder();

	private final List<Engine> engines = new ArrayList<>();

	@AfterEach
	void close() {
		engines.forEach(Engine::close);
	}

	private Engine engine(EngineConfig.Builder config) {
		Engine engine = Engine.start(config.clock(clock).activeExpiry(false).build());
		engines.add(engine);
		engine.addKeyChangeListener(recorder);
		return engine;
	}

	private Engine engine() {
		return engine(EngineConfig.builder());
	}

	/** The fixture a no-op write finds: one key of every type, one with a TTL. */
	private static void fixture(Engine e) {
		e.execute("SET", "str", "v");
		e.execute("SET", "ttl", "v", "EX", "100");
		e.execute("RPUSH", "list", "a", "b");
		e.execute("HSET", "hash", "f", "v");
		e.execute("SADD", "set", "a");
		e.execute("ZADD", "zset", "1", "a");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SET str v NX", "SET missing v XX", "SETNX str v", "MSETNX new 1 str 2", "SETRANGE str 0 ",
			"SETRANGE missing 0 ", "GETEX str", "GETEX str PERSIST", "DEL missing", "UNLINK missing",
			"EXPIRE missing 10", "EXPIRE ttl 10 NX", "EXPIRE str 10 XX", "EXPIRE ttl 1 GT", "PERSIST str",
			"PERSIST missing", "RENAMENX str list", "RENAME str str", "COPY str list", "COPY missing x",
			"LPUSHX missing a", "RPUSHX missing a", "LPOP missing", "LPOP list 0", "LREM list 0 z",
			"LINSERT list BEFORE z x", "LTRIM missing 0 1", "LMOVE missing list LEFT LEFT", "LMPOP 1 missing LEFT",
			"HSETNX hash f w", "HDEL hash nofield", "HDEL missing f", "SADD set a", "SREM set z", "SREM missing a",
			"SPOP missing", "SPOP set 0", "SMOVE set hash z", "SMOVE set set a", "SMOVE missing set a",
			"SINTERSTORE missing2 set missing", "SDIFFSTORE missing2 set set", "ZADD zset 1 a", "ZADD zset XX 1 b",
			"ZADD zset NX 5 a", "ZADD zset GT 0 a", "ZADD missing XX 1 a", "ZINCRBY zset 0 a", "ZREM zset z",
			"ZREMRANGEBYSCORE zset 5 6", "ZREMRANGEBYRANK zset 3 4", "ZREMRANGEBYLEX zset [x [y", "ZPOPMIN missing",
			"ZPOPMIN zset 0", "ZRANGESTORE missing2 zset 5 6", "ZUNIONSTORE missing2 1 missing", "GET str",
			"GET missing", "HGETALL hash", "LRANGE list 0 -1", "SMEMBERS set", "ZRANGE zset 0 -1", "EXISTS str",
			"TTL ttl", "TYPE list", "APPEND list x", "INCR str", "HINCRBY hash f 1" })
	void writesThatChangeNothingSignalNothing(String command) {
		Engine e = engine();
		fixture(e);
		recorder.events.clear();
		e.execute(command.split(" ", -1));
		assertThat(recorder.events).as(command).isEmpty();
	}

	@Test
	void writesSignalEachKeyTheyChange() {
		Engine e = engine();
		fixture(e);
		recorder.events.clear();
		assertThat(signalled(e, "SET", "str", "w")).containsExactly("0 str");
		assertThat(signalled(e, "MSET", "a", "1", "b", "2")).containsExactly("0 a", "0 b");
		assertThat(signalled(e, "RENAME", "a", "c")).containsExactly("0 a", "0 c");
		assertThat(signalled(e, "LMOVE", "list", "other", "LEFT", "RIGHT")).containsExactly("0 other", "0 list");
		assertThat(signalled(e, "SMOVE", "set", "set2", "a")).containsExactly("0 set", "0 set2");
		assertThat(signalled(e, "HDEL", "hash", "f")).containsExactly("0 hash");
		assertThat(signalled(e, "EXPIRE", "str", "100")).containsExactly("0 str");
		assertThat(signalled(e, "PERSIST", "str")).containsExactly("0 str");
		assertThat(signalled(e, "COPY", "str", "str", "DB", "3")).containsExactly("3 str");
		assertThat(signalled(e, "SINTERSTORE", "dst", "set2")).containsExactly("0 dst");
		assertThat(signalled(e, "SINTERSTORE", "dst", "missing")).containsExactly("0 dst");
		assertThat(signalled(e, "DEL", "str", "missing", "ttl")).containsExactly("0 str", "0 ttl");
		assertThat(signalled(e, "EVAL", "redis.call('set', KEYS[1], 'x') return 1", "1", "fromscript"))
			.containsExactly("0 fromscript");
	}

	@Test
	void expiryFoundByAnAccessSignalsAndNotifies() throws ReflectiveOperationException {
		Engine e = engine();
		List<String> notified = sink(e);
		e.execute("SET", "k", "v", "PX", "100");
		e.execute("SET", "untouched", "v", "PX", "100");
		clock.advance(200);
		recorder.events.clear();
		notified.clear();
		assertThat(e.execute("GET", "k")).isEqualTo(Reply.NULL);
		assertThat(recorder.events).containsExactly("0 k");
		assertThat(notified).containsExactly("0 expired k", "0 keymiss k");
	}

	@Test
	void activeExpirySignalsAndNotifies() throws ReflectiveOperationException {
		Engine e = engine();
		List<String> notified = sink(e);
		e.execute("SET", "k1", "v", "PX", "100");
		e.execute("SET", "k2", "v", "PX", "100");
		e.execute("SET", "kept", "v");
		clock.advance(200);
		recorder.events.clear();
		notified.clear();
		assertThat(e.expireCycle()).isEqualTo(2);
		assertThat(recorder.events).containsExactlyInAnyOrder("0 k1", "0 k2");
		assertThat(notified).containsExactlyInAnyOrder("0 expired k1", "0 expired k2");
	}

	@Test
	void evictionSignalsAndNotifiesEveryEvictedKey() throws ReflectiveOperationException {
		Engine e = engine(
				EngineConfig.builder().shards(8).maxmemory(1024 * 1024).maxmemoryPolicy(EvictionPolicy.ALLKEYS_RANDOM));
		KeyChanges changes = KeyspaceEventsDifferentialTest.changesOf(e);
		changes.notifyFlags(KeyChanges.NOTIFY_KEYEVENT | KeyChanges.NOTIFY_EVICTED);
		Queue<String> evicted = new ConcurrentLinkedQueue<>();
		changes.sink((type, event, key, db, flags) -> evicted.add(db + " " + text(key)));
		String value = "x".repeat(200);
		for (int i = 0; evicted.size() < 100 && i < 100_000; i++) {
			assertThat(e.execute("SET", "key:" + i, value)).isEqualTo(Reply.OK);
		}
		assertThat(evicted).hasSizeGreaterThanOrEqualTo(100);
		assertThat(recorder.events).containsAll(evicted);
		String first = evicted.peek().substring(2);
		assertThat(e.execute("EXISTS", first)).isEqualTo(Reply.integer(0));
	}

	@Test
	void flushesAreSignalledAsFlushes() {
		Engine e = engine();
		Engine.EngineSession session = e.openSession();
		session.execute("SELECT", "2");
		session.execute("SET", "k", "v");
		recorder.events.clear();
		session.execute("FLUSHDB");
		session.execute("FLUSHALL");
		assertThat(recorder.events).containsExactly("flush 2", "flush -1");
	}

	@Test
	void swapdbIsSignalledAsASwap() {
		Engine e = engine();
		Engine.EngineSession session = e.openSession();
		session.execute("SET", "k", "v");
		recorder.events.clear();
		session.execute("SWAPDB", "0", "5");
		session.execute("SWAPDB", "5", "5");
		session.execute("SWAPDB", "0", "16");
		assertThat(recorder.events).containsExactly("swap 0 5");
		assertThat(session.execute("EXISTS", "k")).isEqualTo(Reply.integer(0));
		session.execute("SELECT", "5");
		assertThat(session.execute("GET", "k")).isEqualTo(Reply.bulk("v"));
	}

	@Test
	void nothingIsNotifiedUnlessItsClassIsEnabled() throws ReflectiveOperationException {
		Engine e = engine();
		List<String> notified = sink(e);
		KeyChanges changes = KeyspaceEventsDifferentialTest.changesOf(e);
		changes.notifyFlags(KeyChanges.NOTIFY_KEYEVENT | KeyChanges.NOTIFY_LIST);
		e.execute("SET", "k", "v");
		e.execute("RPUSH", "l", "a");
		e.execute("GET", "missing");
		assertThat(notified).containsExactly("0 rpush l");
	}

	private List<String> signalled(Engine e, String... command) {
		recorder.events.clear();
		assertThat(e.execute(command).isError()).as(String.join(" ", command)).isFalse();
		return new ArrayList<>(recorder.events);
	}

	/** Records every notification, with every class enabled. */
	private static List<String> sink(Engine e) throws ReflectiveOperationException {
		List<String> out = Collections.synchronizedList(new ArrayList<>());
		KeyChanges changes = KeyspaceEventsDifferentialTest.changesOf(e);
		changes.notifyFlags((1 << 15) - 1);
		changes.sink((type, event, key, db, flags) -> out.add(db + " " + event + " " + text(key)));
		return out;
	}

	private static String text(byte[] key) {
		return new String(key, StandardCharsets.UTF_8);
	}

	private static final class Recorder implements KeyChangeListener {

		final Queue<String> events = new ConcurrentLinkedQueue<>();

		@Override
		public void keyModified(int db, byte[] key) {
			events.add(db + " " + text(key));
		}

		@Override
		public void databaseFlushed(int db) {
			events.add("flush " + db);
		}

		@Override
		public void databasesSwapped(int a, int b) {
			events.add("swap " + a + " " + b);
		}

	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.command.EngineCore;
import dev.larder.engine.events.KeyChangeListener;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.events.KeyspaceNotificationSink;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The keyspace events every write command emits, against a real redis-server 7.0.15: each
 * scenario runs on both, and the (database, event, key) stream the engine reports to its
 * notification sink must equal what Redis publishes on {@code __keyevent@*__:*} with
 * notify-keyspace-events {@code KEAmn}, and so must what the engine itself publishes to a
 * RESP subscriber of the same pattern. Both sides run with active expiry off, so a key
 * past its TTL expires when a command touches it.
 */
class KeyspaceEventsDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension("--enable-debug-command", "yes");

	/** Every notify-keyspace-events class, as KEAmn sets. */
	private static final int ALL_FLAGS = (1 << 15) - 1;

	/** Published after each scenario on Redis: the end of its events. */
	private static final String END = "__keyevent@0__:__end__";

	private static Engine engine;

	private static RespClient redis;

	private static RespClient redisEvents;

	/** A client of the engine's own pub/sub, to check what it publishes over RESP. */
	private static RespClient engineClient;

	private static RespClient engineSubscriber;

	private static final List<String> engineEvents = new ArrayList<>();

	/** The keys the engine signalled modified (signalModifiedKey), as "db key". */
	private static final List<String> engineSignals = new ArrayList<>();

	@BeforeAll
	static void start() throws ReflectiveOperationException {
		engine = Engine
			.start(EngineConfig.builder().port(0).activeExpiry(false).parameter("enable-debug-command", "yes").build());
		KeyChanges changes = changesOf(engine);
		changes.notifyFlags(ALL_FLAGS);
		// recorded in process (to tell which command made which event) and passed on to
		// the engine's own publisher, whose RESP stream is compared too
		KeyspaceNotificationSink publisher = changes.sink();
		changes.sink((type, event, key, db, flags) -> {
			engineEvents.add(format(db, event, key));
			publisher.publish(type, event, key, db, flags);
		});
		engine.addKeyChangeListener(new KeyChangeListener() {
			@Override
			public void keyModified(int db, byte[] key) {
				engineSignals.add(db + " " + new String(key, StandardCharsets.ISO_8859_1));
			}

			@Override
			public void databaseFlushed(int db) {
			}
		});
		redis = new RespClient(REDIS.port());
		assertThat(redis.call("DEBUG", "SET-ACTIVE-EXPIRE", "0").text()).isEqualTo("OK");
		assertThat(redis.call("CONFIG", "SET", "notify-keyspace-events", "KEAmn").text()).isEqualTo("OK");
		redisEvents = new RespClient(REDIS.port());
		assertThat(redisEvents.call("PSUBSCRIBE", "__keyevent@*__:*").items().get(0).text()).isEqualTo("psubscribe");
		engineClient = new RespClient(engine.port());
		assertThat(engineClient.call("CONFIG", "SET", "notify-keyspace-events", "KEAmn").text()).isEqualTo("OK");
		engineSubscriber = new RespClient(engine.port());
		assertThat(engineSubscriber.call("PSUBSCRIBE", "__keyevent@*__:*").items().get(0).text())
			.isEqualTo("psubscribe");
	}

	/** The engine's KeyChanges, until a CONFIG parameter and pub/sub reach them. */
	static KeyChanges changesOf(Engine engine) throws ReflectiveOperationException {
		return ((EngineCore) coreField().get(engine)).keyspace().changes();
	}

	@AfterAll
	static void stop() {
		if (redis != null) {
			redis.close();
			redisEvents.close();
		}
		if (engineClient != null) {
			engineClient.close();
			engineSubscriber.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	static Stream<String> scenarios() {
		return Stream.of(
				// strings
				"SET k v", "SET k v; SET k v2", "SET k v NX; SET k v2 NX", "SET k v XX", "SET k v; SET k v2 XX",
				"SET k v EX 100", "SET k v PX 100000 GET", "SET k v; SET k w GET", "SET k v EX 100; SET k w KEEPTTL",
				"SET k w KEEPTTL", "SET k v NX GET; SET k w NX GET", "RPUSH k a; SET k v GET", "SET k v EXAT 1",
				"SET k v; SET k v PXAT 1", "SETNX k v; SETNX k v", "SETEX k 100 v", "PSETEX k 100000 v",
				"MSET a 1 b 2 a 3", "MSETNX a 1 b 2; MSETNX b 3 c 4", "GETSET k v; GETSET k w",
				"GETDEL k; SET k v; GETDEL k", "GETEX k; SET k v; GETEX k; GETEX k EX 100; GETEX k PERSIST",
				"SET k v; GETEX k PXAT 1", "SET k v; GETEX k EXAT 1", "SET k v; GETEX k PX 100000",
				"APPEND k a; APPEND k b", "APPEND k ''", "INCR n; INCR n; DECR n; INCRBY n 5; DECRBY n 2",
				"SET n x; INCR n; INCRBYFLOAT n 1", "INCRBYFLOAT f 1.5; INCRBYFLOAT f 1",
				"SETRANGE s 3 abc; SETRANGE s 0 xy; SETRANGE s 0 ''; SETRANGE missing 0 ''; SETRANGE missing 2 ''",
				"GET missing; MGET a b; STRLEN missing; GETRANGE missing 0 1", "SET k v PX 1; SLEEP; GET k",
				"SET k v PX 1; SLEEP; SET k w NX", "SET k v PX 1; SLEEP; APPEND k w", "SET k 1; LPUSH k a",
				// bitmaps, LCS and SUBSTR
				"SETBIT k 0 1; SETBIT k 0 1; SETBIT k 0 0; SETBIT k 100 0", "SET k 1; SETBIT k 0 0; SETBIT k -1 1",
				"RPUSH l a; SETBIT l 0 1; BITFIELD l SET u8 0 1; BITOP NOT l l",
				"BITFIELD k SET u8 0 1 GET u8 0; BITFIELD k SET u8 0 1; BITFIELD k INCRBY u8 0 1; BITFIELD k GET u8 0",
				"BITFIELD_RO k GET u8 0; BITFIELD k OVERFLOW FAIL SET u8 0 1 INCRBY u8 0 300",
				"SET k x; BITFIELD k OVERFLOW FAIL INCRBY u8 0 300; BITFIELD k SET u8 0 120; BITFIELD k SET u8 8 0",
				"SET a x; BITOP AND d a; BITOP OR d missing; BITOP OR d missing; SET d v EX 100; BITOP NOT d a",
				"SET d v PX 1; SLEEP; SET a x; BITOP OR d a", "SET d v PX 1; SLEEP; BITOP OR d missing",
				"GETBIT m 0; BITCOUNT m; BITPOS m 1; LCS m n; BITOP AND d m n; BITFIELD_RO m GET u8 0; SUBSTR m 0 1",
				// keys
				"SET a 1; DEL a b", "SET a 1; UNLINK a b", "EXISTS a; SET a 1; EXISTS a a b",
				"TOUCH x; SET x 1; TOUCH x", "SET a 1; EXPIRE a 100; EXPIRE a 100 NX; PEXPIRE a 50000 XX; EXPIREAT a 1",
				"EXPIRE missing 10; PEXPIREAT missing 1", "SET a 1; PEXPIRE a -1", "SET a 1; EXPIRE a 0",
				"SET a 1; EXPIRE a 100 XX; EXPIRE a 100 GT; EXPIRE a 200 LT",
				"SET a 1 EX 100; PERSIST a; PERSIST a; PERSIST missing",
				"TTL x; PTTL x; TYPE x; EXPIRETIME x; PEXPIRETIME x; OBJECT ENCODING x; OBJECT FREQ x",
				"SET a 1; RENAME a b; RENAME b b; SET c 1; RENAMENX b c; RENAMENX b d", "RENAME missing x",
				"RENAMENX missing x", "SET a 1; SET b 2; RENAME a b", "SET a 1 EX 100; RENAME a b",
				"SET a 1; COPY a b; COPY a b; COPY a b REPLACE; COPY a b DB 1; COPY missing z",
				"SET a 1; COPY a b DB 1; COPY a b DB 1 REPLACE", "RPUSH l a b; COPY l m",
				"SET a 1; SET b 2; SELECT 1; SET c 3; DEL c; SELECT 0; FLUSHDB; SELECT 1; FLUSHALL",
				"SET a 1 PX 1; SLEEP; SCAN 0", "SET a 1 PX 1; SLEEP; DEL a", "SET a 1 PX 1; SLEEP; EXISTS a",
				"SET a 1 PX 1; SLEEP; TTL a", "SET a 1 PX 1; SLEEP; RENAME a b", "SET a 1 PX 1; SLEEP; EXPIRE a 100",
				"SET a 1; KEYS *; DBSIZE; RANDOMKEY",
				// lists
				"LPUSH l a b; RPUSH l c; LPUSHX l d; RPUSHX l e; LPUSHX m a; RPUSHX m a",
				"RPUSH l a b c; LPOP l; RPOP l 1; LPOP l; LPOP l", "RPUSH l a b c; LPOP l 0; RPOP l 0; LPOP l 5",
				"LPOP missing; RPOP missing 2", "RPUSH l a; LSET l 0 b; LSET l 5 x; LSET missing 0 x",
				"RPUSH l a b a c a; LREM l 2 a; LREM l 0 z; LREM l 0 a; LREM l 0 b; LREM l 0 c",
				"RPUSH l a b c; LTRIM l 0 1; LTRIM l 0 -1; LTRIM l 5 10; LTRIM missing 0 1",
				"RPUSH l a b; LINSERT l BEFORE b x; LINSERT l AFTER z y; LINSERT missing BEFORE a b",
				"RPUSH l a b; LMOVE l m LEFT RIGHT; LMOVE l m RIGHT LEFT; LMOVE m m LEFT LEFT; LMOVE missing m LEFT LEFT",
				"RPUSH l a b; RPOPLPUSH l l; RPOPLPUSH l m; RPOPLPUSH l m; RPOPLPUSH missing l",
				"RPUSH l a b; LMPOP 2 x l LEFT COUNT 5; LMPOP 1 l RIGHT",
				"RPUSH l a b c; LMPOP 1 l RIGHT COUNT 2; LMPOP 1 l LEFT",
				"RPUSH l a b c d; BLPOP l 1; BRPOP x l 1; BLMOVE l m LEFT RIGHT 1; BRPOPLPUSH m l 1; BLMPOP 1 1 l RIGHT COUNT 9",
				"LRANGE missing 0 -1; LLEN missing; LINDEX missing 0; LPOS missing a", "SET l v; LPUSH l a; LPOP l",
				// hashes
				"HSET h a 1 b 2; HSET h a 1; HMSET h c 3; HSETNX h a 2; HSETNX h d 4",
				"HDEL h a; HSET h a 1 b 2; HDEL h a z; HDEL h z; HDEL h b",
				"HINCRBY h f 1; HINCRBYFLOAT h g 1.5; HSET h s x; HINCRBY h s 1; HINCRBYFLOAT h s 1",
				"HGET missing a; HMGET missing a; HGETALL missing; HLEN missing; HEXISTS missing a; HSTRLEN missing a",
				"HRANDFIELD missing; HKEYS missing; HVALS missing; HSCAN missing 0",
				// sets
				"SADD s a b; SADD s a; SREM s z; SREM s a b; SREM s a", "SADD s a b c; SPOP s; SPOP s 5; SPOP s",
				"SADD s a b c; SPOP s 0; SPOP s 1; SPOP s 2", "SADD s a b c d e f; SPOP s 5",
				"SADD s 1 2 3 4 5 6 7 8 9 10; SPOP s 2",
				"SADD s a b; SMOVE s t a; SMOVE s t z; SMOVE s t b; SMOVE missing t a",
				"SADD s a; SMOVE s s a; SADD t a; SMOVE s t a",
				"SADD a 1 2; SADD b 2 3; SINTERSTORE d a b; SUNIONSTORE d a b; SDIFFSTORE d a b; SINTERSTORE d a x; SDIFFSTORE e x y",
				"SADD a 1; SUNIONSTORE a a x; SDIFFSTORE a a a",
				"SISMEMBER missing a; SMEMBERS missing; SCARD missing; SRANDMEMBER missing; SINTER missing a; SUNION a missing",
				"SINTERCARD 1 missing; SMISMEMBER missing a; SDIFF missing a; SSCAN missing 0",
				// sorted sets
				"ZADD z 1 a 2 b; ZADD z 1 a; ZADD z XX 3 c; ZADD z NX 5 a; ZADD z INCR 1 a; ZINCRBY z 1 b; ZADD z CH 9 a",
				"ZADD z XX 1 a; ZADD z NX INCR 1 a; ZADD z NX INCR 1 a; ZADD z GT 0 a; ZADD z GT INCR -1 a",
				"ZADD z 1 a 2 b 3 c; ZREM z x; ZREM z a; ZREMRANGEBYRANK z 5 6; ZREMRANGEBYRANK z 0 0; ZREMRANGEBYSCORE z 10 20; ZREMRANGEBYSCORE z -inf +inf",
				"ZADD z 0 a 0 b; ZREMRANGEBYLEX z [x [y; ZREMRANGEBYLEX z [a [a; ZREMRANGEBYLEX z - +; ZREM missing a",
				"ZADD z 1 a 2 b 3 c; ZPOPMIN z; ZPOPMAX z 5; ZPOPMIN z; ZPOPMIN z 0",
				"ZADD z 1 a 2 b; ZPOPMIN z 0; ZPOPMAX z 1; ZPOPMAX z -1",
				"ZADD z 1 a 2 b 3 c; ZMPOP 2 x z MIN; ZMPOP 1 z MAX COUNT 5; BZPOPMIN z 1",
				"ZADD z 1 a 2 b; BZPOPMAX z 1; BZMPOP 1 1 z MIN COUNT 10",
				"ZADD a 1 x 2 y; ZADD b 1 y; ZUNIONSTORE d 2 a b; ZINTERSTORE d 2 a b; ZDIFFSTORE d 2 a b; ZINTERSTORE d 2 a missing",
				"ZADD a 1 x 2 y; ZRANGESTORE r a 0 -1; ZRANGESTORE r a 5 10; ZRANGESTORE q a 5 10",
				"ZSCORE missing a; ZRANK missing a; ZCARD missing; ZRANGE missing 0 -1; ZRANDMEMBER missing; ZCOUNT missing 0 1",
				"ZMSCORE missing a; ZUNION 1 missing; ZINTERCARD 1 missing; ZSCAN missing 0; ZLEXCOUNT missing - +",
				"ZADD z 1 a; ZINCRBY z 1 b; ZINCRBY y 2 a", "ZADD z 1 a; ZADD z INCR +inf a; ZADD z INCR -inf a",
				// geo: GEOADD is ZADD; the searches' STORE emits georadiusstore /
				// geosearchstore, or del when empty
				"GEOADD g 1 1 a; GEOADD g 1 1 a; GEOADD g CH 2 2 a; GEOADD g XX 3 3 b; GEOADD g 200 1 c; GEOADD g NX XX 1 1 c",
				"GEOADD g 1 1 a 2 2 b; GEORADIUS g 1 1 500 km STORE d; GEORADIUS g 1 1 500 km STOREDIST d; GEORADIUS g 50 50 1 m STORE d",
				"GEOADD g 1 1 a 2 2 b; GEORADIUSBYMEMBER g a 500 km STORE d; GEOSEARCHSTORE e g FROMMEMBER a BYRADIUS 500 km; GEOSEARCHSTORE e g FROMLONLAT 1 1 BYBOX 1 1 m STOREDIST",
				"SET d 1; GEORADIUS missing 1 1 1 km STORE d; SET e 1; GEOSEARCHSTORE e missing FROMMEMBER a BYRADIUS 1 km; GEOSEARCHSTORE e missing FROMMEMBER a BYRADIUS 1 km",
				"GEOADD g 1 1 a; GEOSEARCHSTORE g g FROMMEMBER a BYRADIUS 1 km; GEOPOS g a; GEODIST g a a; GEOHASH g a; GEOSEARCH g FROMMEMBER a BYRADIUS 1 km; GEORADIUS_RO g 1 1 1 km",
				// debug: POPULATE adds keys as dbAdd does; RELOAD drops expired keys
				// silently, as an RDB load does
				"SET key:1 v; DEBUG POPULATE 3; DEBUG POPULATE 1 p 5",
				"SET a 1 PX 1; SET b 2; SLEEP; DEBUG RELOAD; DBSIZE",
				// sort
				"RPUSH l 3 1 2; SORT l STORE d; SORT l LIMIT 0 0 STORE d; SORT missing STORE d; SORT l BY nosort STORE l",
				"RPUSH l 1 2; SET w_1 5; HSET h_2 f 1; SORT l BY w_* GET h_*->f GET # STORE d; SORT_RO l BY x_* GET y_*",
				"SADD s b a; ZADD z 1 a; SORT s BY nosort STORE z; SORT z ALPHA STORE s; SET d v; SORT missing STORE d",
				// scripts
				"EVAL 'redis.call(\"set\",KEYS[1],\"v\") redis.call(\"del\",KEYS[1]) return 1' 1 k",
				"EVAL 'return redis.call(\"get\",KEYS[1])' 1 k",
				// types and databases
				"SET s v; LPUSH s a; HSET s a 1; SADD s a; ZADD s 1 a; APPEND s x",
				"SELECT 2; SET a 1; RPUSH l x; LPOP l; SELECT 0; SET a 2",
				"SET a 1; SELECT 1; SET b 2; SWAPDB 0 1; DEL a; DEL b; SELECT 0; DEL b; DEL a",
				"SET a 1 PX 1; SWAPDB 0 3; SWAPDB 3 3; SLEEP; SELECT 3; GET a; SELECT 0; GET a",
				// edge cases: errors change nothing, expired keys met by writes, same-key
				// stores
				"HSET h a 1; HINCRBYFLOAT h a 1e400; HINCRBY h n 9223372036854775807; HINCRBY h n 1",
				"SET k v; EXPIRE k 100; SET k w; SETEX k 0 v; SET k v EX 0; GETEX k EX 0; SET k v PX -5",
				"RPUSH l a; SET str v; LMOVE l str LEFT LEFT; RPOPLPUSH l str; SADD s a; SMOVE s str a",
				"SET a 1 PX 1; SLEEP; COPY a b", "SET a 1 PX 1; SLEEP; SINTERSTORE d a",
				"SET d 1 PX 1; SADD a 1; SLEEP; SINTERSTORE d a", "SET d 1 PX 1; ZADD a 1 x; SLEEP; ZUNIONSTORE d 1 a",
				"SET d 1 PX 1; ZADD a 1 x; SLEEP; ZRANGESTORE d a 0 -1", "SET k v PX 1; SLEEP; GETEX k PERSIST",
				"SET k v PX 1; SLEEP; HSET k f v", "SET k v PX 1; SLEEP; LPUSHX k a; RPUSH k a",
				"HSET h f v; HSETNX h g w; HDEL h f g", "ZADD z 1 a; ZRANGESTORE z z 0 -1; ZRANGESTORE z z 5 6",
				"SADD s a; SINTERSTORE s s; SUNIONSTORE s s x", "ZADD z 1 a; ZUNIONSTORE z 1 z; ZINTERSTORE z 2 z x",
				"SET a 1; EXPIRE a 100; RENAME a b; PERSIST b", "SET k 10; DECRBY k 5; INCRBYFLOAT k 0.5; INCR k",
				"ZADD z 1 a; ZINCRBY z -inf a; ZINCRBY z +inf a", "SADD s 1 2 3; SPOP s 3",
				"SET z v; ZADD z 1 a; ZINCRBY z 1 a; ZUNIONSTORE d 1 z", "SADD s a; ZUNIONSTORE d 1 s",
				"EVAL 'redis.call(\"set\",KEYS[1],\"v\") redis.call(\"expire\",KEYS[1],100) redis.call(\"persist\",KEYS[1]) return 1' 1 k",
				"EVAL 'redis.call(\"rpush\",KEYS[1],\"a\") redis.call(\"lpop\",KEYS[1]) return redis.call(\"get\",KEYS[1])' 1 l",
				"MSET a 1 b 2; DEL a a b; EXISTS a b", "SET a 1; UNLINK a; UNLINK a",
				"RPUSH l a b c; LPOP l 2; RPOP l 2",
				"ZADD z 1 a 2 b; ZMPOP 1 z MIN COUNT 1; ZMPOP 1 z MIN COUNT 1; ZMPOP 1 z MIN",
				// streams
				"XADD s 1-1 f v; XADD s 2-1 f v; XADD s MAXLEN 1 3-1 f v; XADD s MAXLEN 5 4-1 f v; XDEL s 9-9; XDEL s 4-1",
				"XADD s NOMKSTREAM 1-1 f v; XADD s 1-1 f v; XADD s 1-1 f v; XTRIM s MAXLEN 5; XTRIM s MAXLEN 0; XSETID s 5-0",
				"XGROUP CREATE s g $ MKSTREAM; XGROUP CREATE s g $; XGROUP SETID s g 0; XGROUP CREATECONSUMER s g c; XGROUP CREATECONSUMER s g c",
				"XADD s 1-1 f v; XGROUP CREATE s g 0; XREADGROUP GROUP g c STREAMS s >; XREADGROUP GROUP g c STREAMS s 0; XACK s g 1-1",
				"XADD s 1-1 f v; XGROUP CREATE s g 0; XREADGROUP GROUP g c STREAMS s >; XCLAIM s g d 0 1-1; XAUTOCLAIM s g e 0 0",
				"XADD s 1-1 f v; XGROUP CREATE s g 0; XGROUP CREATECONSUMER s g c; XGROUP DELCONSUMER s g c; XGROUP DELCONSUMER s g c; XGROUP DESTROY s g; XGROUP DESTROY s g",
				"XADD s 1-1 f v; COPY s t; RENAME t u; EXPIRE u 100; DEL u s; XADD s MINID 5 2-1 f v",
				"XGROUP CREATE s g $ MKSTREAM; XREAD STREAMS s 0; XREADGROUP GROUP g c NOACK STREAMS s >");
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void writesEmitRedisEvents(String scenario) {
		redis.call("SELECT", "0");
		redis.call("FLUSHALL");
		Engine.EngineSession session = engine.openSession();
		session.execute("FLUSHALL");
		drainRedisEvents();
		engineEvents.clear();
		for (String command : scenario.split(";")) {
			String[] args = tokens(command.trim());
			if (args[0].equals("SLEEP")) {
				// a PX 1 key expires: both sides' clocks move past it
				long until = System.nanoTime() + 5_000_000;
				while (System.nanoTime() < until) {
					LockSupport.parkNanos(until - System.nanoTime());
				}
				continue;
			}
			redis.call(args);
			int eventsBefore = engineEvents.size();
			engineSignals.clear();
			session.execute(args);
			assertThat(new TreeSet<>(engineSignals)).as("keys %s signals modified", command)
				.isEqualTo(changedKeys(engineEvents.subList(eventsBefore, engineEvents.size())));
		}
		assertThat(String.join(" | ", engineEvents)).as(scenario).isEqualTo(String.join(" | ", drainRedisEvents()));
		assertThat(drainEvents(engineClient, engineSubscriber)).as("published by the engine: " + scenario)
			.isEqualTo(engineEvents);
	}

	static Stream<String> blockedScenarios() {
		return Stream.of("BLPOP l 0 | RPUSH l a", "BRPOP l 0 | RPUSH l a b", "BLMOVE l m LEFT RIGHT 0 | RPUSH l a",
				"BRPOPLPUSH l l 0 | LPUSH l a", "BLMPOP 0 1 l LEFT COUNT 5 | RPUSH l a b",
				"BZPOPMIN z 0 | ZADD z 1 a 2 b", "BZMPOP 0 1 z MAX COUNT 5 | ZADD z 1 a 2 b",
				"BLMOVE l m LEFT RIGHT 0 | EVAL 'redis.call(\"rpush\",KEYS[1],\"a\") return 1' 1 l",
				"SELECT 1; RPUSH l a b; SELECT 0 | BLPOP l 0 | SWAPDB 0 1",
				"SELECT 1; ZADD z 1 a; SELECT 0 | BZPOPMAX z 0 | SWAPDB 1 0", "BZPOPMIN g 0 | GEOADD g 1 1 a",
				"GEOADD g 1 1 a | BZPOPMIN d 0 | GEORADIUS g 1 1 10 km STORE d",
				"GEOADD g 1 1 a | BZPOPMAX d 0 | GEOSEARCHSTORE d g FROMMEMBER a BYRADIUS 1 km STOREDIST",
				"XREAD BLOCK 0 STREAMS s $ | XADD s 1-1 f v",
				"XGROUP CREATE s g $ MKSTREAM | XREADGROUP GROUP g c BLOCK 0 STREAMS s > | XADD s 1-1 f v");
	}

	/**
	 * A client blocked on a key and served by another's write: the writer's events, then
	 * the served pop's (Redis serves it right after the write).
	 */
	@ParameterizedTest
	@MethodSource("blockedScenarios")
	void servingBlockedClientsEmitsRedisEvents(String scenario) throws ReflectiveOperationException {
		String[] parts = scenario.split("\\|");
		String[] blocking = tokens(parts[parts.length - 2].trim());
		String[] write = tokens(parts[parts.length - 1].trim());
		redis.call("FLUSHALL");
		Engine.EngineSession session = engine.openSession();
		session.execute("FLUSHALL");
		drainRedisEvents();
		engineEvents.clear();
		if (parts.length == 3) {
			for (String command : parts[0].split(";")) {
				redis.call(tokens(command.trim()));
				session.execute(tokens(command.trim()));
			}
		}
		try (RespClient redisBlocked = new RespClient(REDIS.port());
				RespClient engineBlocked = new RespClient(engine.port())) {
			redisBlocked.send(RespClient.encode(blocking));
			awaitBlocked(() -> redis.call("INFO", "clients").text().contains("blocked_clients:1"));
			engineBlocked.send(RespClient.encode(blocking));
			var core = (EngineCore) coreField().get(engine);
			awaitBlocked(() -> core.blocking().blockedClients() == 1);
			redis.call(write);
			session.execute(write);
			assertThat(engineBlocked.read()).as(scenario).isEqualTo(redisBlocked.read());
		}
		assertThat(String.join(" | ", engineEvents)).as(scenario).isEqualTo(String.join(" | ", drainRedisEvents()));
		assertThat(drainEvents(engineClient, engineSubscriber)).as("published by the engine: " + scenario)
			.isEqualTo(engineEvents);
	}

	@ParameterizedTest
	@MethodSource("swapdbCommands")
	void swapdbRepliesLikeRedis(String command) {
		try (RespClient engineClient = new RespClient(engine.port())) {
			String[] args = tokens(command);
			assertThat(engineClient.call(args)).as(command).isEqualTo(redis.call(args));
		}
	}

	static Stream<String> swapdbCommands() {
		return Stream.of("SWAPDB x 1", "SWAPDB 1 x", "SWAPDB x y", "SWAPDB 1 16", "SWAPDB 16 x", "SWAPDB 1 1",
				"SWAPDB -1 1", "SWAPDB 99999999999 1", "SWAPDB 1 -99999999999", "SWAPDB 1", "SWAPDB 1 2 3",
				"SWAPDB 0 15", "COMMAND INFO swapdb", "COMMAND DOCS swapdb");
	}

	private static void awaitBlocked(java.util.function.BooleanSupplier blocked) {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (!blocked.getAsBoolean()) {
			assertThat(System.nanoTime()).as("client blocked in time").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static java.lang.reflect.Field coreField() throws ReflectiveOperationException {
		var field = Engine.class.getDeclaredField("core");
		field.setAccessible(true);
		return field;
	}

	/**
	 * The keys that events say a command changed: Redis signals a key modified wherever
	 * it notifies a change to it (a miss is no change).
	 */
	private static Set<String> changedKeys(List<String> events) {
		Set<String> keys = new TreeSet<>();
		for (String e : events) {
			String[] parts = e.split(" ", 3);
			// Redis's consumer-group events and XSETID's touch no WATCH
			if (!parts[1].equals("keymiss") && !parts[1].startsWith("xgroup-") && !parts[1].equals("xsetid")) {
				keys.add(parts[0] + " " + parts[2]);
			}
		}
		return keys;
	}

	/** Redis's events up to the end marker this publishes. */
	private static List<String> drainRedisEvents() {
		return drainEvents(redis, redisEvents);
	}

	/** The events {@code subscriber} received up to the end marker this publishes. */
	private static List<String> drainEvents(RespClient publisher, RespClient subscriber) {
		publisher.call("PUBLISH", END, "end");
		List<String> events = new ArrayList<>();
		while (true) {
			Resp push = subscriber.read();
			String channel = push.items().get(2).text();
			if (channel.equals(END)) {
				return events;
			}
			String prefix = "__keyevent@";
			int at = channel.indexOf("__:");
			int db = Integer.parseInt(channel.substring(prefix.length(), at));
			events.add(db + " " + channel.substring(at + 3) + " " + push.items().get(3).text());
		}
	}

	private static String format(int db, String event, byte[] key) {
		return db + " " + event + " " + new String(key, StandardCharsets.ISO_8859_1);
	}

	/** Splits on spaces, keeping single-quoted tokens whole ('' is an empty argument). */
	private static String[] tokens(String command) {
		List<String> out = new ArrayList<>();
		int i = 0;
		while (i < command.length()) {
			if (command.charAt(i) == ' ') {
				i++;
			}
			else if (command.charAt(i) == '\'') {
				int end = command.indexOf('\'', i + 1);
				out.add(command.substring(i + 1, end));
				i = end + 1;
			}
			else {
				int end = command.indexOf(' ', i);
				end = end < 0 ? command.length() : end;
				out.add(command.substring(i, end));
				i = end;
			}
		}
		return out.toArray(new String[0]);
	}

}

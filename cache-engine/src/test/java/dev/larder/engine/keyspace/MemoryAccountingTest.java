package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import dev.larder.engine.expiry.ActiveExpiryCycle;
import dev.larder.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The running memory totals never drift: after many random mutations of every kind (all
 * types, encoding conversions, deletes, lazy and active expiry, FLUSHDB and FLUSHALL,
 * RENAME, COPY across databases, a key overwritten by another type, scripts), every
 * slice's total equals a recount from scratch, and so does every collection's own figure.
 */
class MemoryAccountingTest {

	private static final int KEYS = 24;

	private final MutableClock clock = new MutableClock();

	private final EngineCore core = new EngineCore(
			EngineConfig.builder().clock(clock).activeExpiry(false).shards(4).databases(4).build());

	private final CommandExecutor executor = new CommandExecutor(core);

	private final ActiveExpiryCycle expiry = new ActiveExpiryCycle(core);

	private final ClientSession session = core.newEmbeddedSession();

	private final Keyspace keyspace = core.keyspace();

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void randomMutationsNeverDriftFromARecount(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		for (int i = 1; i <= 6_000; i++) {
			run(command(rnd));
			if (rnd.nextInt(40) == 0) {
				clock.advance(rnd.nextInt(1, 300));
			}
			if (rnd.nextInt(200) == 0) {
				expiry.runCycle(Long.MAX_VALUE);
			}
			if (i % 250 == 0) {
				assertThat(keyspace.recountUsedBytes()).as("after %d commands", i).isEqualTo(keyspace.usedBytes());
			}
		}
		assertThat(keyspace.recountUsedBytes()).isEqualTo(keyspace.usedBytes());
		run("FLUSHALL");
		assertThat(keyspace.usedBytes()).isZero();
	}

	@Test
	void everyKeyCountsItsEntryKeyAndValueAndTheTableOnTop() {
		run("SET", "k", "v");
		long one = keyspace.usedBytes();
		// a key of up to 15 bytes lives in its entry (InlineKeys)
		assertThat(one).isEqualTo(DbShard.INLINE_ENTRY_BYTES + JvmLayout.byteArray(1) + JvmLayout.referenceArray(4));
		run("SET", "k", "a longer value");
		assertThat(keyspace.usedBytes()).isEqualTo(one - JvmLayout.byteArray(1) + JvmLayout.byteArray(14));
		run("DEL", "k");
		assertThat(keyspace.usedBytes()).isEqualTo(JvmLayout.referenceArray(4));
	}

	@Test
	void aLongKeyCountsItsOwnArrayAndATtlItsVolatileEntry() {
		String key = "a key longer than fifteen bytes";
		run("SET", key, "v");
		run("SET", "short", "v", "EX", "100");
		assertThat(memoryUsage(key))
			.isEqualTo(DbShard.ENTRY_BYTES + JvmLayout.byteArray(key.length()) + JvmLayout.byteArray(1));
		assertThat(memoryUsage("short")).isEqualTo(DbShard.VOLATILE_INLINE_ENTRY_BYTES + JvmLayout.byteArray(1));
		run("PERSIST", "short");
		run("SET", key, "v", "EX", "100");
		assertThat(keyspace.recountUsedBytes()).isEqualTo(keyspace.usedBytes());
	}

	private long memoryUsage(String key) {
		byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Shard shard = keyspace.shard(keyspace.shardIndex(k));
		shard.lock();
		try {
			return Database.memoryUsage(java.util.Objects.requireNonNull(keyspace.db(0).lookupNoTouch(k)));
		}
		finally {
			shard.unlock();
		}
	}

	@Test
	void aCollectionOverwrittenByAStringStopsCounting() {
		run("HSET", "h", "f", "v");
		run("SET", "h", "x");
		long stringOnly = keyspace.usedBytes();
		run("DEL", "h");
		run("SET", "h", "x");
		assertThat(keyspace.usedBytes()).isEqualTo(stringOnly);
		assertThat(keyspace.recountUsedBytes()).isEqualTo(stringOnly);
	}

	@Test
	void aRenamedCollectionKeepsCountingWhereverItLands() {
		run("RPUSH", "a", "1", "2");
		for (int i = 0; i < 50; i++) {
			run("RENAME", i % 2 == 0 ? "a" : "b" + i, "b" + (i + 1));
			run("RENAME", "b" + (i + 1), i % 2 == 0 ? "b" + (i + 1) : "a");
			run("RPUSH", i % 2 == 0 ? "b" + (i + 1) : "a", "x" + i);
		}
		assertThat(keyspace.recountUsedBytes()).isEqualTo(keyspace.usedBytes());
	}

	@Test
	void flushingEmptiesTheTotals() {
		run("SET", "s", "v", "EX", "100");
		run("ZADD", "z", "1", "a");
		run("SELECT", "2");
		run("SADD", "s", "1", "2");
		run("FLUSHDB");
		assertThat(keyspace.recountUsedBytes()).isEqualTo(keyspace.usedBytes()).isPositive();
		run("FLUSHALL");
		assertThat(keyspace.usedBytes()).isZero();
	}

	private Reply run(String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return executor.execute(session, bytes);
	}

	private static String key(SplittableRandom rnd) {
		return "k" + rnd.nextInt(KEYS);
	}

	/**
	 * A member or value: mostly short, sometimes integers (intsets), sometimes longer
	 * than the compact encodings allow.
	 */
	private static String member(SplittableRandom rnd) {
		return switch (rnd.nextInt(10)) {
			case 0 -> "long-" + "x".repeat(60 + rnd.nextInt(40));
			case 1, 2, 3 -> Integer.toString(rnd.nextInt(2000));
			default -> "m" + rnd.nextInt(300);
		};
	}

	private static List<String> members(SplittableRandom rnd, int max) {
		List<String> out = new ArrayList<>();
		for (int i = rnd.nextInt(1, max + 1); i > 0; i--) {
			out.add(member(rnd));
		}
		return out;
	}

	private static String[] cmd(Object... parts) {
		List<String> out = new ArrayList<>();
		for (Object p : parts) {
			if (p instanceof List<?> list) {
				list.forEach(x -> out.add(String.valueOf(x)));
			}
			else {
				out.add(String.valueOf(p));
			}
		}
		return out.toArray(new String[0]);
	}

	private static List<String> scored(SplittableRandom rnd, int max) {
		List<String> out = new ArrayList<>();
		for (String m : members(rnd, max)) {
			out.add(Integer.toString(rnd.nextInt(-50, 50)));
			out.add(m);
		}
		return out;
	}

	private String[] command(SplittableRandom rnd) {
		String k = key(rnd);
		String k2 = key(rnd);
		return switch (rnd.nextInt(64)) {
			case 0 -> cmd("SET", k, member(rnd));
			case 1 -> cmd("SET", k, member(rnd), "PX", rnd.nextInt(1, 500));
			case 2 -> cmd("SET", k, member(rnd), "KEEPTTL");
			case 3 -> cmd("APPEND", k, member(rnd));
			case 4 -> cmd("INCR", k);
			case 5 -> cmd("INCRBYFLOAT", k, "1.5");
			case 6 -> cmd("SETRANGE", k, rnd.nextInt(80), member(rnd));
			case 7 -> cmd("GETDEL", k);
			case 8 -> cmd("GETEX", k, rnd.nextBoolean() ? "PERSIST" : "PX", rnd.nextInt(1, 500));
			case 9 -> cmd("MSET", k, member(rnd), k2, member(rnd));
			case 10 -> cmd("GETSET", k, member(rnd));
			case 11 -> cmd(rnd.nextBoolean() ? "LPUSH" : "RPUSH", k, members(rnd, 40));
			case 12 -> cmd(rnd.nextBoolean() ? "LPOP" : "RPOP", k, rnd.nextInt(1, 30));
			case 13 -> cmd("LSET", k, rnd.nextInt(-5, 5), member(rnd));
			case 14 -> cmd("LREM", k, rnd.nextInt(-2, 3), member(rnd));
			case 15 -> cmd("LTRIM", k, rnd.nextInt(-20, 20), rnd.nextInt(-20, 20));
			case 16 -> cmd("LINSERT", k, rnd.nextBoolean() ? "BEFORE" : "AFTER", member(rnd), member(rnd));
			case 17 -> cmd("LMOVE", k, k2, "LEFT", "RIGHT");
			case 18 -> cmd("LMPOP", 2, k, k2, "LEFT", "COUNT", rnd.nextInt(1, 10));
			case 19, 20 -> cmd("HSET", k, scoredAsPairs(rnd));
			case 21 -> cmd("HDEL", k, members(rnd, 20));
			case 22 -> cmd("HINCRBY", k, member(rnd), 3);
			case 23 -> cmd("HINCRBYFLOAT", k, member(rnd), "0.25");
			case 24 -> cmd("HSETNX", k, member(rnd), member(rnd));
			case 25 -> cmd("SADD", k, members(rnd, 60));
			case 26 -> cmd("SADD", k, members(rnd, rnd.nextInt(8) == 0 ? 900 : 60));
			case 27 -> cmd("SREM", k, members(rnd, 30));
			case 28 -> cmd("SPOP", k, rnd.nextInt(1, 20));
			case 29 -> cmd("SMOVE", k, k2, member(rnd));
			case 30 -> cmd("SINTERSTORE", k, k2, key(rnd));
			case 31 -> cmd("SUNIONSTORE", k, k2, key(rnd));
			case 32 -> cmd("SDIFFSTORE", k, k2, key(rnd));
			case 33 -> cmd("ZADD", k, scored(rnd, 60));
			case 34 -> cmd("ZADD", k, scored(rnd, rnd.nextInt(8) == 0 ? 1200 : 60));
			case 35 -> cmd("ZINCRBY", k, rnd.nextInt(-5, 5), member(rnd));
			case 36 -> cmd("ZREM", k, members(rnd, 30));
			case 37 -> cmd("ZPOPMIN", k, rnd.nextInt(1, 20));
			case 38 -> cmd("ZREMRANGEBYRANK", k, rnd.nextInt(-10, 600), rnd.nextInt(-10, 1200));
			case 39 -> cmd("ZUNIONSTORE", k, 2, k2, key(rnd));
			case 40 -> cmd("ZINTERSTORE", k, 2, k2, key(rnd));
			case 41 -> cmd("ZRANGESTORE", k, k2, 0, rnd.nextInt(-1, 200));
			case 42 -> cmd("ZDIFFSTORE", k, 2, k2, key(rnd));
			case 43 -> cmd("ZMPOP", 2, k, k2, "MAX", "COUNT", rnd.nextInt(1, 10));
			case 44 -> cmd("EXPIRE", k, rnd.nextInt(0, 3));
			case 45 -> cmd("PEXPIRE", k, rnd.nextInt(1, 500));
			case 46 -> cmd("PERSIST", k);
			case 47 -> cmd("RENAME", k, k2);
			case 48 -> cmd("RENAMENX", k, k2);
			case 49 -> cmd("COPY", k, k2, "DB", rnd.nextInt(4), "REPLACE");
			case 50 -> cmd("COPY", k, k2);
			case 51 -> cmd("DEL", k, k2);
			case 52 -> cmd("UNLINK", k);
			case 53 -> cmd("SELECT", rnd.nextInt(4));
			case 54 -> rnd.nextInt(20) == 0 ? cmd("FLUSHDB") : cmd("EXISTS", k);
			case 55 -> rnd.nextInt(40) == 0 ? cmd("FLUSHALL") : cmd("TYPE", k);
			case 56 -> cmd("EVAL", "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return redis.call('DEL', KEYS[2])", 2,
					k, k2, member(rnd), member(rnd));
			case 57 -> cmd("GET", k);
			case 58 -> cmd("ZRANGE", k, 0, -1);
			case 59 -> cmd("SETBIT", k, rnd.nextInt(0, 700), rnd.nextInt(2));
			case 60 -> cmd("BITFIELD", k, "SET", "i16", rnd.nextInt(0, 500), rnd.nextInt(-1000, 1000), "INCRBY", "u8",
					"#" + rnd.nextInt(60), 7);
			case 61 -> cmd("BITOP", rnd.nextBoolean() ? "OR" : "NOT", k, k2);
			case 62 -> cmd("COPY", k, k2, "REPLACE");
			default -> cmd("SETEX", k, rnd.nextInt(1, 3), member(rnd));
		};
	}

	private static List<String> scoredAsPairs(SplittableRandom rnd) {
		List<String> out = new ArrayList<>();
		for (String f : members(rnd, 50)) {
			out.add(f);
			out.add(member(rnd));
		}
		return out;
	}

}

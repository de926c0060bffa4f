package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's own figures behind MEMORY and INFO memory: what they add up to and how
 * they move. Field names, reply shapes and errors against a real redis-server are
 * {@code MemoryCommandsDifferentialTest}'s.
 */
class MemoryCommandsTest extends EngineTestSupport {

	@Test
	void deletingAKeyGivesBackExactlyItsMemoryUsage() {
		run("SET", "other", "x");
		run("RPUSH", "list", "a", "bb", "ccc");
		run("HSET", "hash", "f", "v", "g", "w");
		run("ZADD", "zset", "1", "a", "2", "b");
		run("SADD", "set", "1", "2", "x");
		run("SET", "string", "some value", "EX", "100");
		for (String key : List.of("list", "hash", "zset", "set", "string")) {
			long before = used();
			long usage = usage(key);
			run("DEL", key);
			assertThat(before - used()).as(key).isEqualTo(usage);
		}
	}

	@Test
	void usageFollowsTheValueAsItGrowsAndConverts() {
		run("HSET", "h", "f", "v");
		long small = usage("h");
		// longer than the spare room a listpack's array keeps
		run("HSET", "h", "g", "w".repeat(20));
		long two = usage("h");
		assertThat(two).isGreaterThan(small);
		run("HSET", "h", "big", "x".repeat(100));
		assertThat(usage("h")).as("converted to a hashtable").isGreaterThan(two + 100);
		run("HDEL", "h", "big");
		assertThat(usage("h")).isLessThan(two + 100 + 64);
		assertThat(run("MEMORY", "USAGE", "h", "SAMPLES", "0")).isEqualTo(run("MEMORY", "USAGE", "h"));
		assertThat(run("MEMORY", "USAGE", "missing")).isEqualTo(Reply.NULL);
	}

	@Test
	void infoMemoryAddsUp() {
		Engine.EngineSession session = engine.openSession();
		session.execute("SET", "a", "1");
		session.execute("SELECT", "1");
		session.execute("HSET", "h", "f", "v");
		Map<String, String> info = info();
		long used = Long.parseLong(info.get("used_memory"));
		assertThat(Long.parseLong(info.get("used_memory_dataset")) + Long.parseLong(info.get("used_memory_overhead")))
			.isEqualTo(used);
		assertThat(Long.parseLong(info.get("used_memory_overhead")))
			.isGreaterThan(Long.parseLong(info.get("used_memory_startup")));
		assertThat(Long.parseLong(info.get("used_memory_peak"))).isGreaterThanOrEqualTo(used);
		assertThat(info.get("maxmemory")).isEqualTo("0");
		assertThat(info.get("maxmemory_human")).isEqualTo("0B");
		assertThat(info.get("maxmemory_policy")).isEqualTo("noeviction");
		assertThat(info.get("mem_clients_normal")).isEqualTo("0");
		assertThat(info.get("mem_fragmentation_ratio")).matches("\\d+\\.\\d\\d");
		assertThat(info.get("used_memory_peak_perc")).matches("\\d+\\.\\d\\d%");
	}

	@Test
	void thePeakOutlivesTheData() {
		for (int i = 0; i < 200; i++) {
			run("SET", "key:" + i, "x".repeat(100));
		}
		long full = Long.parseLong(info().get("used_memory"));
		run("FLUSHALL");
		Map<String, String> after = info();
		assertThat(Long.parseLong(after.get("used_memory"))).isLessThan(full);
		assertThat(Long.parseLong(after.get("used_memory_peak"))).isEqualTo(full);
		assertThat(after.get("used_memory_dataset")).isEqualTo("0");
	}

	@Test
	void statsCountKeysAndListTheDatabasesThatHaveSome() {
		Engine.EngineSession session = engine.openSession();
		session.execute("SET", "a", "1");
		session.execute("SET", "b", "2", "EX", "100");
		session.execute("SELECT", "3");
		session.execute("SADD", "s", "x");
		Map<String, Reply> stats = map(run("MEMORY", "STATS"));
		assertThat(stats.get("keys.count")).isEqualTo(integer(3));
		assertThat(stats).containsKeys("db.0", "db.3").doesNotContainKey("db.1");
		Map<String, Reply> db0 = map(stats.get("db.0"));
		assertThat(((Reply.IntegerReply) db0.get("overhead.hashtable.expires")).value()).isPositive();
		Map<String, Reply> db3 = map(stats.get("db.3"));
		assertThat(db3.get("overhead.hashtable.expires")).isEqualTo(integer(0));
		long total = ((Reply.IntegerReply) stats.get("total.allocated")).value();
		long overhead = ((Reply.IntegerReply) stats.get("overhead.total")).value();
		assertThat(stats.get("dataset.bytes")).isEqualTo(integer(total - overhead));
		assertThat(stats.get("total.allocated")).isEqualTo(integer(used()));
	}

	@Test
	void doctorSpeaksOnceThereIsSomethingToLookAt() {
		assertThat(((Reply.VerbatimString) run("MEMORY", "DOCTOR")).text())
			.startsWith("Hi Sam, this instance is empty or is using very little memory");
		for (int i = 0; i < 200; i++) {
			run("SET", "big:" + i, "x".repeat(100_000));
		}
		assertThat(((Reply.VerbatimString) run("MEMORY", "DOCTOR")).text())
			.isEqualTo("Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on "
					+ "this base.\n");
		for (int i = 0; i < 140; i++) {
			run("DEL", "big:" + i);
		}
		assertThat(((Reply.VerbatimString) run("MEMORY", "DOCTOR")).text())
			.startsWith("Sam, I detected a few issues in this Redis instance memory implants:\n\n * Peak memory:")
			.endsWith("I'm here to keep you safe, Sam. I want to help you.\n");
	}

	private long used() {
		return Long.parseLong(info().get("used_memory"));
	}

	private long usage(String key) {
		return ((Reply.IntegerReply) run("MEMORY", "USAGE", key)).value();
	}

	private Map<String, String> info() {
		Map<String, String> fields = new HashMap<>();
		for (String line : ((Reply.VerbatimString) run("INFO", "memory")).text().split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				fields.put(line.substring(0, colon), line.substring(colon + 1));
			}
		}
		return fields;
	}

	private static Map<String, Reply> map(Reply reply) {
		List<Reply> kv = ((Reply.MapReply) reply).keysAndValues();
		Map<String, Reply> out = new HashMap<>();
		for (int i = 0; i < kv.size(); i += 2) {
			out.put(new String(((Reply.BulkString) kv.get(i)).value()), kv.get(i + 1));
		}
		return out;
	}

}

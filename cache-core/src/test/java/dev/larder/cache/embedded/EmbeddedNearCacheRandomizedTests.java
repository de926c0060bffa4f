package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random interleavings of reads through a near-cached cache with writes from
 * everywhere else (the engine's in-process API, scripts, RENAME, SWAPDB, FLUSHDB) and
 * through the cache itself, each read checked against a model of what the engine holds:
 * with one thread, a read must answer exactly the last value written.
 */
class EmbeddedNearCacheRandomizedTests {

	private static final int KEYS = 12;

	private static final String NAMESPACE = "rnd:c::";

	private final JsonValueSerializer serializer = new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly());

	private Engine engine;

	private LarderCacheManager manager;

	private LarderCache cache;

	@BeforeEach
	void start() {
		this.engine = Engine.start(EngineConfig.defaults());
		this.manager = LarderCacheManager.builder(new EmbeddedBackend(this.engine, false))
			.nearCache(NearCacheSettings.enabledWithDefaults().withMaxSize(8))
			.serializer(this.serializer)
			.keyPrefix("rnd:")
			.build();
		this.cache = this.manager.getCache("c");
	}

	@AfterEach
	void stop() {
		this.manager.close();
		this.engine.close();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 16, 42 })
	void everyReadAnswersTheLastWrite(long seed) {
		Random random = new Random(seed);
		Map<Integer, Long> db0 = new HashMap<>();
		Map<Integer, Long> db1 = new HashMap<>();
		long next = 1;
		for (int step = 0; step < 20_000; step++) {
			int key = random.nextInt(KEYS);
			int op = random.nextInt(100);
			String context = "seed " + seed + ", step " + step + ", key " + key + ", op " + op;
			if (op < 55) {
				assertThat(this.cache.get(key, Long.class)).as(context).isEqualTo(db0.get(key));
			}
			else if (op < 65) {
				long value = next++;
				this.engine.execute(bytes("SET"), bytes(NAMESPACE + key), json(value));
				db0.put(key, value);
			}
			else if (op < 70) {
				this.engine.execute("DEL", NAMESPACE + key);
				db0.remove(key);
			}
			else if (op < 78) {
				long value = next++;
				this.cache.put(key, value);
				db0.put(key, value);
			}
			else if (op < 82) {
				this.cache.evict(key);
				db0.remove(key);
			}
			else if (op < 85) {
				long value = next++;
				this.cache.putIfAbsent(key, value);
				db0.putIfAbsent(key, value);
			}
			else if (op < 90) {
				long value = next++;
				this.engine.execute(bytes("EVAL"), bytes("redis.call('SET', KEYS[1], ARGV[1])"), bytes("1"),
						bytes(NAMESPACE + key), json(value));
				db0.put(key, value);
			}
			else if (op < 95) {
				int target = random.nextInt(KEYS);
				if (db0.containsKey(key) && target != key) {
					this.engine.execute("RENAME", NAMESPACE + key, NAMESPACE + target);
					db0.put(target, db0.remove(key));
				}
			}
			else if (op < 98) {
				this.engine.execute("SWAPDB", "0", "1");
				Map<Integer, Long> swapped = new HashMap<>(db0);
				db0.clear();
				db0.putAll(db1);
				db1.clear();
				db1.putAll(swapped);
			}
			else if (op < 99) {
				this.engine.execute("FLUSHDB");
				db0.clear();
			}
			else {
				this.cache.clear();
				db0.clear();
			}
		}
		assertThat(this.cache.getStatistics().nearHitCount()).as("the near cache served reads").isPositive();
	}

	private byte[] json(long value) {
		return this.serializer.serialize(value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

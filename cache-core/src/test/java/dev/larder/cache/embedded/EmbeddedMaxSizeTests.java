package dev.larder.cache.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code max-size} on the embedded backend, against a real engine: the keys of a bounded
 * cache in the engine never outnumber its max-size, the ones kept still hit, and evict,
 * clear, expiry and the engine's own evictions keep the key index truthful.
 */
class EmbeddedMaxSizeTests {

	private static final String PREFIX = "app:";

	private Engine engine;

	private LarderCacheManager manager;

	@BeforeEach
	void startEngine() {
		this.engine = Engine.start(EngineConfig.defaults());
	}

	@AfterEach
	void stopEngine() {
		if (this.manager != null) {
			this.manager.close();
		}
		this.engine.close();
	}

	private LarderCache cache(String name, CacheSettings settings) {
		this.manager = LarderCacheManager.builder(new EmbeddedBackend(this.engine, false))
			.cache(name, settings)
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.keyPrefix(PREFIX)
			.build();
		return this.manager.getCache(name);
	}

	private long keysInEngine(String cache) {
		return ((Reply.ArrayReply) this.engine.execute("KEYS", PREFIX + cache + "::*")).items().size();
	}

	private boolean inEngine(String cache, Object key) {
		return this.engine.execute("EXISTS", PREFIX + cache + "::" + key).equals(new Reply.IntegerReply(1));
	}

	@Test
	void aBoundedCacheNeverHoldsMoreKeysThanItsMaxSize() {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(100));
		for (int i = 0; i < 5_000; i++) {
			cache.put(i, "value " + i);
			assertThat(keysInEngine("bounded")).as("keys after put %d", i).isLessThanOrEqualTo(100);
		}
		assertThat(keysInEngine("bounded")).isEqualTo(100);
		assertThat(cache.estimatedSize()).isEqualTo(100);
		assertThat(cache.getStatistics().evictionCount()).as("one eviction per put past the bound").isEqualTo(4_900);
	}

	@Test
	void concurrentWritersLeaveNoMoreThanMaxSizeOnceTheyAreDone() throws Exception {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(50));
		int writers = 4;
		int writes = 2_000;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < writes; i++) {
						cache.put(writer + ":" + i, i);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : done) {
				writer.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(keysInEngine("bounded")).isEqualTo(50);
		assertThat(cache.getStatistics().evictionCount()).isEqualTo(writers * writes - 50);
	}

	@Test
	void putIfAbsentIsBoundedToo() {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(10));
		for (int i = 0; i < 500; i++) {
			assertThat(cache.putIfAbsent(i, i)).isNull();
		}
		assertThat(keysInEngine("bounded")).isEqualTo(10);
	}

	@Test
	void theKeysKeptStillHit() {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(50));
		for (int i = 0; i < 1_000; i++) {
			cache.put(i, "value " + i);
		}
		int hits = 0;
		for (int i = 0; i < 1_000; i++) {
			String value = cache.get(i, String.class);
			assertThat(value != null).as("key %d hits exactly when the engine has it", i)
				.isEqualTo(inEngine("bounded", i));
			if (value != null) {
				assertThat(value).isEqualTo("value " + i);
				hits++;
			}
		}
		assertThat(hits).isEqualTo(50);
	}

	@Test
	void popularKeysOutliveAScanOfOneOffKeys() {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(200));
		for (int i = 0; i < 100; i++) {
			cache.put("hot" + i, i);
		}
		for (int round = 0; round < 5; round++) {
			for (int i = 0; i < 100; i++) {
				assertThat(cache.get("hot" + i)).isNotNull();
			}
		}
		for (int i = 0; i < 10_000; i++) {
			cache.put("cold" + i, i);
		}
		int hotLeft = 0;
		for (int i = 0; i < 100; i++) {
			if (cache.get("hot" + i) != null) {
				hotLeft++;
			}
		}
		assertThat(hotLeft).as("hot keys still cached after 10,000 one-off keys").isGreaterThanOrEqualTo(90);
		assertThat(keysInEngine("bounded")).isLessThanOrEqualTo(200);
	}

	@Test
	void evictAndClearFreeTheirPlacesInTheIndex() {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(10));
		for (int i = 0; i < 10; i++) {
			cache.put(i, i);
		}
		for (int i = 0; i < 5; i++) {
			assertThat(cache.evictIfPresent(i)).isTrue();
		}
		for (int i = 10; i < 15; i++) {
			cache.put(i, i);
		}
		assertThat(cache.getStatistics().evictionCount()).as("room was made by evict").isZero();
		assertThat(keysInEngine("bounded")).isEqualTo(10);
		for (int i = 5; i < 15; i++) {
			assertThat(cache.get(i, Integer.class)).isEqualTo(i);
		}
		cache.clear();
		assertThat(keysInEngine("bounded")).isZero();
		assertThat(cache.estimatedSize()).isZero();
		for (int i = 100; i < 110; i++) {
			cache.put(i, i);
		}
		assertThat(cache.getStatistics().evictionCount()).as("room was made by clear").isZero();
		assertThat(keysInEngine("bounded")).isEqualTo(10);
	}

	@Test
	void expiredEntriesFreeTheirPlaces() {
		LarderCache cache = cache("bounded", CacheSettings.defaults().withMaxSize(5).withTtl(Duration.ofMillis(200)));
		for (int i = 0; i < 5; i++) {
			cache.put(i, i);
		}
		Eventually.await(Duration.ofSeconds(10), "the first entries expired", () -> {
			for (int i = 0; i < 5; i++) {
				if (cache.get(i) != null) {
					return false;
				}
			}
			return true;
		});
		for (int i = 5; i < 10; i++) {
			cache.put(i, i);
		}
		for (int i = 5; i < 10; i++) {
			assertThat(cache.get(i, Integer.class)).as("entry %d, not displaced by expired ones", i).isEqualTo(i);
		}
		assertThat(cache.getStatistics().evictionCount()).isZero();
	}

	@Test
	void aKeyTheEngineEvictedLeavesTheIndex() {
		AtomicInteger evictions = new AtomicInteger();
		SizeBoundedStore store = store(3, evictions);
		for (String key : new String[] { "a", "b", "c" }) {
			store.put(key(key), bytes(key), Duration.ZERO);
		}
		evictByEngine(store, key("c"));
		assertThat(evictions).hasValue(1);
		store.put(key("d"), bytes("d"), Duration.ZERO);
		assertThat(evictions).as("the evicted key no longer took a place").hasValue(1);
		assertThat(keysInEngine("c")).isEqualTo(3);
	}

	@Test
	void aKeyWrittenAgainBeforeTheEnginesEvictionWasReportedStaysTracked() {
		AtomicInteger evictions = new AtomicInteger();
		SizeBoundedStore store = store(1, evictions);
		store.put(key("a"), bytes("a"), Duration.ZERO);
		this.engine.execute("DEL", key("a"));
		store.put(key("a"), bytes("a again"), Duration.ZERO);
		store.evictedByEngine(key("a")); // reported late, after the new write
		store.put(key("b"), bytes("b"), Duration.ZERO);
		assertThat(keysInEngine("c")).as("the key was tracked again, so one of the two was evicted").isEqualTo(1);
	}

	private SizeBoundedStore store(long maxSize, AtomicInteger evictions) {
		return new SizeBoundedStore(new EmbeddedStore(this.engine, PREFIX + "c::"),
				CacheSettings.defaults().withMaxSize(maxSize), evictions::incrementAndGet);
	}

	private static String key(String key) {
		return PREFIX + "c::" + key;
	}

	/** What the engine's evictor does: delete the key, then tell the listeners. */
	private void evictByEngine(SizeBoundedStore store, String key) {
		this.engine.execute("DEL", key);
		store.evictedByEngine(key);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}

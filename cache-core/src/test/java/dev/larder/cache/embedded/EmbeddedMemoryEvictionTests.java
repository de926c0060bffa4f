package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.eviction.EvictionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own evictions under maxmemory, counted per cache: every key the engine
 * evicts is an eviction of the cache whose namespace it is in, and of no other.
 */
class EmbeddedMemoryEvictionTests {

	private static final long MAXMEMORY = 4L * 1024 * 1024;

	private static final String VALUE = "x".repeat(1024);

	private Engine engine;

	private LarderCacheManager manager;

	@BeforeEach
	void start() {
		this.engine = Engine
			.start(EngineConfig.builder().maxmemory(MAXMEMORY).maxmemoryPolicy(EvictionPolicy.ALLKEYS_LRU).build());
		this.manager = LarderCacheManager.builder(new EmbeddedBackend(this.engine, false))
			.cache("big", CacheSettings.defaults())
			.cache("bounded", CacheSettings.defaults().withMaxSize(1_000))
			.cache("idle", CacheSettings.defaults())
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.keyPrefix("app:")
			.build();
	}

	@AfterEach
	void stop() {
		this.manager.close();
		this.engine.close();
	}

	@Test
	void eachEvictionIsCountedForTheCacheItEvictedFrom() {
		LarderCache big = this.manager.getCache("big");
		LarderCache bounded = this.manager.getCache("bounded");
		this.manager.getCache("idle").put("only", "one");
		this.engine.execute("SET", "not-a-cache-key", "v");
		for (int i = 0; i < 500; i++) {
			bounded.put(i, VALUE);
		}
		int written = 20_000; // about 20 MB: five times maxmemory
		for (int i = 0; i < written; i++) {
			big.put(i, VALUE);
		}
		long evictedKeys = evictedKeys();
		assertThat(evictedKeys).as("the engine evicted").isPositive();
		long counted = this.manager.getCaches()
			.stream()
			.mapToLong((cache) -> cache.getStatistics().evictionCount())
			.sum();
		long others = (this.engine.execute("EXISTS", "not-a-cache-key").equals(new Reply.IntegerReply(1))) ? 0 : 1;
		assertThat(counted).as("every eviction of a cache's key, counted once").isEqualTo(evictedKeys - others);
		assertThat(big.getStatistics().evictionCount()).isGreaterThan(written / 2);
		assertThat(keys("app:big::*")).isLessThan(written);
	}

	@Test
	void aBoundedCacheCountsMemoryEvictionsAndForgetsTheKeys() {
		LarderCache bounded = this.manager.getCache("bounded");
		LarderCache big = this.manager.getCache("big");
		for (int i = 0; i < 1_000; i++) {
			bounded.put(i, VALUE);
		}
		for (int i = 0; i < 20_000; i++) {
			big.put(i, VALUE);
		}
		long left = keys("app:bounded::*");
		assertThat(left).as("the engine evicted the least recently used keys, the bounded cache's").isLessThan(1_000);
		assertThat(bounded.getStatistics().evictionCount()).isEqualTo(1_000 - left);
		assertThat(bounded.estimatedSize()).as("the index forgot the evicted keys").isEqualTo(left);
	}

	private long keys(String pattern) {
		return ((Reply.ArrayReply) this.engine.execute("KEYS", pattern)).items().size();
	}

	private long evictedKeys() {
		Reply reply = this.engine.execute("INFO", "stats");
		String info = (reply instanceof Reply.VerbatimString verbatim) ? verbatim.text()
				: new String(((Reply.BulkString) reply).value(), StandardCharsets.UTF_8);
		return info.lines()
			.filter((line) -> line.startsWith("evicted_keys:"))
			.mapToLong((line) -> Long.parseLong(line.substring("evicted_keys:".length()).trim()))
			.findFirst()
			.orElseThrow();
	}

}

package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.eviction.EvictionPolicy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache.ValueRetrievalException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded near cache stays exact: whatever changes a cached key behind it (a RESP
 * client on the engine's port, a script, a transaction, expiry, eviction, a flush, a
 * swap, a rename, the in-process API), the next get through the cache sees the change.
 */
class EmbeddedNearCacheTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String KEY = "app:near::k";

	private final JsonValueSerializer serializer = new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly());

	private Engine engine;

	private LarderCacheManager manager;

	private LarderCache cache;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private RedisCommands<byte[], byte[]> resp;

	@BeforeEach
	void start() {
		start(EngineConfig.builder().port(0).build());
	}

	private void start(EngineConfig config) {
		this.engine = Engine.start(config);
		this.manager = LarderCacheManager.builder(new EmbeddedBackend(this.engine, false))
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(this.serializer)
			.keyPrefix("app:")
			.build();
		this.cache = this.manager.getCache("near");
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", this.engine.port()));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		this.resp = this.connection.sync();
	}

	@AfterEach
	void stop() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		this.manager.close();
		this.engine.close();
	}

	@Test
	void hitsAreServedFromTheNearCacheAndCountedOnce() {
		this.cache.put("k", "v1");
		assertThat(this.cache.get("k", String.class)).isEqualTo("v1");
		assertThat(this.cache.get("k", String.class)).isEqualTo("v1");
		assertThat(this.cache.get("k", String.class)).isEqualTo("v1");
		assertThat(this.cache.getNearCache().get("k")).isEqualTo("v1");
		assertThat(this.cache.getStatistics().nearHitCount()).isEqualTo(2);
		assertThat(this.cache.getStatistics().hitCount()).as("each get once").isEqualTo(3);
		assertThat(this.cache.getStatistics().missCount()).isZero();
	}

	@Test
	void aRespClientWriteIsSeenAtOnce() {
		warm("v1");
		this.resp.set(bytes(KEY), json("v2"));
		assertThat(this.cache.get("k", String.class)).isEqualTo("v2");
		this.resp.del(bytes(KEY));
		assertThat(this.cache.get("k")).isNull();
	}

	@Test
	void aScriptWriteIsSeenAtOnce() {
		warm("v1");
		this.resp.eval("redis.call('SET', KEYS[1], ARGV[1])", io.lettuce.core.ScriptOutputType.STATUS,
				new byte[][] { bytes(KEY) }, json("v2"));
		assertThat(this.cache.get("k", String.class)).isEqualTo("v2");
	}

	@Test
	void aTransactionsWriteIsSeenAtOnce() {
		warm("v1");
		this.resp.multi();
		this.resp.set(bytes(KEY), json("v2"));
		this.resp.exec();
		assertThat(this.cache.get("k", String.class)).isEqualTo("v2");
	}

	@Test
	void anInProcessWriteIsSeenAtOnce() {
		warm("v1");
		this.engine.execute("SET".getBytes(StandardCharsets.UTF_8), bytes(KEY), json("v2"));
		assertThat(this.cache.get("k", String.class)).isEqualTo("v2");
		this.engine.execute("UNLINK", KEY);
		assertThat(this.cache.get("k")).isNull();
	}

	@Test
	void anExpiryIsSeenAtOnce() {
		this.resp.psetex(bytes(KEY), 100, json("short"));
		assertThat(this.cache.get("k", String.class)).isEqualTo("short");
		// never a value the engine no longer holds: absent in the engine, absent in the
		// cache
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			boolean inEngine = this.engine.execute("EXISTS", KEY).equals(new Reply.IntegerReply(1));
			Object cached = this.cache.get("k");
			if (!inEngine) {
				assertThat(cached).isNull();
				break;
			}
			assertThat(System.nanoTime() - deadline).as("expired within " + WAIT).isNegative();
		}
	}

	@Test
	void anExpiryGivenLaterIsSeen() {
		warm("v1");
		this.resp.pexpire(bytes(KEY), 50);
		Eventually.await(WAIT, "the expired key to be a miss", () -> this.cache.get("k") == null);
		assertThat(this.engine.execute("EXISTS", KEY)).isEqualTo(new Reply.IntegerReply(0));
	}

	@Test
	void aCacheTtlBoundsTheNearEntry() {
		LarderCacheManager expiring = LarderCacheManager.builder(new EmbeddedBackend(this.engine, false))
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.defaultSettings(CacheSettings.defaults().withTtl(Duration.ofMillis(100)))
			.serializer(this.serializer)
			.keyPrefix("ttl:")
			.build();
		try {
			LarderCache short_ = expiring.getCache("c");
			short_.put("k", "v");
			assertThat(short_.get("k", String.class)).isEqualTo("v");
			assertThat(short_.getNearCache().get("k")).isEqualTo("v");
			Eventually.await(WAIT, "the entry to expire", () -> short_.get("k") == null);
		}
		finally {
			expiring.close();
		}
	}

	@Test
	void anEvictionUnderMaxmemoryIsSeenAtOnce() {
		stop();
		start(EngineConfig.builder()
			.port(0)
			.maxmemory(2L * 1024 * 1024)
			.maxmemoryPolicy(EvictionPolicy.ALLKEYS_LRU)
			.build());
		warm("v1");
		String filler = "x".repeat(1024);
		for (int i = 0; this.engine.execute("EXISTS", KEY).equals(new Reply.IntegerReply(1)); i++) {
			assertThat(i).as("the key was evicted").isLessThan(100_000);
			this.engine.execute("SET", "filler:" + i, filler);
		}
		assertThat(this.cache.get("k")).isNull();
	}

	@Test
	void flushdbAndFlushallAreSeenAtOnce() {
		warm("v1");
		this.resp.flushdb();
		assertThat(this.cache.get("k")).isNull();
		warm("v2");
		this.resp.flushall();
		assertThat(this.cache.get("k")).isNull();
	}

	@Test
	void aFlushOfAnotherDatabaseKeepsTheNearCache() {
		warm("v1");
		this.resp.select(1);
		this.resp.flushdb();
		assertThat(this.cache.getNearCache().get("k")).isEqualTo("v1");
	}

	@Test
	void swapdbIsSeenAtOnce() {
		warm("v1");
		this.resp.select(1);
		this.resp.set(bytes(KEY), json("from db 1"));
		this.resp.swapdb(0, 1);
		assertThat(this.cache.get("k", String.class)).isEqualTo("from db 1");
		this.resp.swapdb(0, 1);
		assertThat(this.cache.get("k", String.class)).isEqualTo("v1");
	}

	@Test
	void renameIsSeenAtOnce() {
		warm("v1");
		this.resp.set(bytes("elsewhere"), json("renamed"));
		this.resp.rename(bytes("elsewhere"), bytes(KEY));
		assertThat(this.cache.get("k", String.class)).isEqualTo("renamed");
		this.resp.rename(bytes(KEY), bytes("gone"));
		assertThat(this.cache.get("k")).isNull();
	}

	@Test
	void writesThroughTheCacheKeepTheNearCacheExact() {
		warm("v1");
		this.cache.put("k", "v2");
		assertThat(this.cache.get("k", String.class)).isEqualTo("v2");
		assertThat(this.cache.putIfAbsent("k", "v3").get()).isEqualTo("v2");
		assertThat(this.cache.get("k", String.class)).isEqualTo("v2");
		this.cache.evict("k");
		assertThat(this.cache.get("k")).isNull();
		warm("v4");
		this.cache.clear();
		assertThat(this.cache.get("k")).isNull();
		assertThat(this.cache.getNearCache().estimatedSize()).isZero();
	}

	@Test
	void asyncRetrievalUsesAndFillsTheNearCache() {
		this.cache.put("k", "v1");
		assertThat(this.cache.retrieve("k", () -> java.util.concurrent.CompletableFuture.completedFuture("loaded")))
			.isCompletedWithValue("v1");
		assertThat(this.cache.getNearCache().get("k")).isEqualTo("v1");
		assertThat(this.cache.retrieve("k")).isCompletedWithValueMatching(
				(found) -> "v1".equals(((org.springframework.cache.Cache.ValueWrapper) found).get()));
		this.resp.set(bytes(KEY), json("v2"));
		assertThat(this.cache.retrieve("k", () -> java.util.concurrent.CompletableFuture.completedFuture("loaded")))
			.isCompletedWithValue("v2");
	}

	@Test
	void cachedNullsAreKept() {
		Object loaded = this.cache.get("n", () -> null);
		assertThat(loaded).isNull();
		assertThat(this.cache.get("n")).isNotNull();
		assertThat(this.cache.get("n").get()).isNull();
		assertThat(this.cache.getStatistics().nearHitCount()).isPositive();
	}

	@Test
	void aLoaderThatThrowsLeavesNoPlaceholder() {
		assertThatThrownBy(() -> this.cache.get("k", () -> {
			throw new IllegalStateException("source down");
		})).isInstanceOf(ValueRetrievalException.class);
		assertThatThrownBy(() -> this.cache.get("k", (Callable<Object>) () -> {
			throw new AssertionError("an Error");
		})).isInstanceOf(AssertionError.class);
		assertThat(this.cache.getNearCache().estimatedSize()).isZero();
		assertThat(this.cache.get("k", () -> "loaded")).isEqualTo("loaded");
		assertThat(this.cache.get("k", String.class)).isEqualTo("loaded");
		assertThat(this.cache.getNearCache().get("k")).isEqualTo("loaded");
	}

	/**
	 * Readers hammer one key while a writer changes it over RESP: a read never answers a
	 * value older than one the writer had finished writing, or another read had answered,
	 * before the read began (a register's linearizability, for increasing writes).
	 */
	@Test
	void readersNeverSeeAValueOlderThanOneWrittenOrReadBefore() throws Exception {
		this.resp.set(bytes(KEY), json(0L));
		assertReadsLinearizable((i) -> this.resp.set(bytes(KEY), json(i)));
	}

	/**
	 * The same with every write a SWAPDB (the new value written to database 1, then
	 * swapped in), so that each write drops the whole near cache while fills are in
	 * flight.
	 */
	@Test
	void readersNeverSeeAnOlderValueAcrossSwaps() throws Exception {
		this.resp.set(bytes(KEY), json(0L));
		StatefulRedisConnection<byte[], byte[]> db1 = this.client.connect(ByteArrayCodec.INSTANCE);
		try {
			RedisCommands<byte[], byte[]> other = db1.sync();
			other.select(1);
			assertReadsLinearizable((i) -> {
				other.set(bytes(KEY), json(i));
				other.swapdb(0, 1);
			});
		}
		finally {
			db1.close();
		}
	}

	/**
	 * The same with a script writing, and with another thread writing through the cache.
	 */
	@Test
	void readersNeverSeeAnOlderValueWrittenByScriptsOrTheCache() throws Exception {
		this.resp.set(bytes(KEY), json(0L));
		assertReadsLinearizable((i) -> {
			if (i % 2 == 0) {
				this.resp.eval("redis.call('SET', KEYS[1], ARGV[1])", io.lettuce.core.ScriptOutputType.STATUS,
						new byte[][] { bytes(KEY) }, json(i));
			}
			else {
				this.cache.put("k", i);
			}
		});
	}

	private void assertReadsLinearizable(java.util.function.LongConsumer write) throws Exception {
		AtomicLong written = new AtomicLong();
		AtomicLong read = new AtomicLong();
		AtomicBoolean done = new AtomicBoolean();
		int readers = 3;
		long writes = 2_000;
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		try {
			List<Future<Long>> reads = new java.util.ArrayList<>();
			for (int r = 0; r < readers; r++) {
				reads.add(pool.submit(() -> {
					long count = 0;
					while (!done.get()) {
						long floor = Math.max(written.get(), read.get());
						Long value = this.cache.get("k", Long.class);
						assertThat(value).as("read after %s", floor).isNotNull();
						assertThat(value).as("a read that began after %s was written or read", floor)
							.isGreaterThanOrEqualTo(floor);
						read.accumulateAndGet(value, Math::max);
						count++;
					}
					return count;
				}));
			}
			for (long i = 1; i <= writes; i++) {
				write.accept(i);
				written.set(i);
			}
			done.set(true);
			long total = 0;
			for (Future<Long> reader : reads) {
				total += reader.get(30, TimeUnit.SECONDS);
			}
			assertThat(total).isPositive();
			assertThat(this.cache.getStatistics().nearHitCount()).as("the near cache served some").isPositive();
			assertThat(this.cache.get("k", Long.class)).isEqualTo(writes);
		}
		finally {
			done.set(true);
			pool.shutdownNow();
		}
	}

	private void warm(String value) {
		this.resp.set(bytes(KEY), json(value));
		assertThat(this.cache.get("k", String.class)).isEqualTo(value);
		assertThat(this.cache.getNearCache().get("k")).as("in the near cache").isEqualTo(value);
	}

	private byte[] json(Object value) {
		return this.serializer.serialize(value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

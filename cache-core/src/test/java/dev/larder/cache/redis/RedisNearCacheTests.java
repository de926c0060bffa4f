package dev.larder.cache.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.near.InvalidationListener;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache.ValueWrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The near cache in front of a real redis-server stays exact through {@code CLIENT
 * TRACKING}: whatever another connection does to a cached key (SET, DEL, EXPIRE and
 * expiry, EVAL, MULTI/EXEC, FLUSHALL, RENAME), a get through the cache sees it once
 * Redis's invalidation has arrived, which follows the writer's reply by a short delay
 * (measured here and printed, never asserted); losing the tracking connection clears the
 * near cache, which serves again once tracking is back.
 */
class RedisNearCacheTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String NAMESPACE = "app:near::";

	private static final String KEY = NAMESPACE + "k";

	/** Delays from a writer's reply to the first get that saw its write, per write. */
	private static final Map<String, List<Long>> delays = new ConcurrentHashMap<>();

	private final JsonValueSerializer serializer = new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly());

	private RedisProcess redis;

	private LarderCacheManager manager;

	private LarderCache cache;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private RedisCommands<byte[], byte[]> writer;

	/**
	 * Reports of the key that reached a listener registered after the near cache's, so
	 * the near cache has had each of them too.
	 */
	private final AtomicLong reportsOfKey = new AtomicLong();

	@BeforeEach
	void start() {
		this.redis = RedisProcess.start("--enable-debug-command", "local");
		this.manager = LarderCacheManager.builder(RedisTestBackends.standalone(this.redis))
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(this.serializer)
			.keyPrefix("app:")
			.build();
		this.cache = this.manager.getCache("near");
		this.manager.getBackend().keyInvalidations().listen(NAMESPACE, new InvalidationListener() {

			@Override
			public void invalidate(String key) {
				if (key.equals(KEY)) {
					RedisNearCacheTests.this.reportsOfKey.incrementAndGet();
				}
			}

			@Override
			public void invalidateAll() {
			}

		});
		this.client = RedisClient.create(RedisURI.create(this.redis.uri()));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		this.writer = this.connection.sync();
		Eventually.await(WAIT, "tracking live", this::live);
	}

	@AfterEach
	void stop() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		this.manager.close();
		this.redis.stop();
	}

	@AfterAll
	static void printDelays() {
		System.out.println("Redis near cache: delay from a writer's reply to the first get that saw the write");
		delays.forEach((what, samples) -> System.out.println("  " + what + ": " + Delays.summary(samples)));
	}

	@Test
	void hitsAreServedFromTheNearCacheWithoutARoundTrip() {
		warm("v1");
		long before = this.cache.getStatistics().nearHitCount();
		for (int i = 0; i < 100; i++) {
			assertThat(this.cache.get("k", String.class)).isEqualTo("v1");
		}
		assertThat(this.cache.getStatistics().nearHitCount() - before).isEqualTo(100);
	}

	@Test
	void setFromAnotherConnectionIsSeen() {
		warm("v1");
		this.writer.set(bytes(KEY), json("v2"));
		awaitSeen("SET", () -> "v2");
	}

	/** The delay's distribution over many writes, one reader polling (printed). */
	@Test
	void eachOfManyWritesIsSeen() {
		for (int i = 0; i < 300; i++) {
			warm("old " + i);
			String value = "new " + i;
			this.writer.set(bytes(KEY), json(value));
			awaitSeen("SET, 300 writes, one reader", () -> value);
		}
	}

	@Test
	void delFromAnotherConnectionIsSeen() {
		warm("v1");
		this.writer.del(bytes(KEY));
		awaitSeen("DEL", () -> null);
	}

	@Test
	void anExpireAndTheExpiryAreSeenEvenWhenRedisDoesNotDeleteTheKeyInTime() {
		// No active expiry: Redis deletes (and reports) an expired key only when it is
		// accessed, which a near hit never does. The near entry's deadline (PTTL) must.
		this.redis.command("DEBUG SET-ACTIVE-EXPIRE 0");
		warm("v1");
		this.writer.pexpire(bytes(KEY), 300);
		// EXPIRE changes the key: reported at once; the refill reads the new deadline.
		awaitNearDropped();
		awaitInNearCache("v1");
		awaitSeen("expiry after PEXPIRE 300", () -> null);
	}

	@Test
	void anExpiryIsSeenWithoutAnyAccessToRedis() {
		this.redis.command("DEBUG SET-ACTIVE-EXPIRE 0");
		this.writer.psetex(bytes(KEY), 300, json("short"));
		awaitInNearCache("short");
		awaitSeen("expiry after PSETEX 300", () -> null);
	}

	@Test
	void evalFromAnotherConnectionIsSeen() {
		warm("v1");
		this.writer.eval("redis.call('SET', KEYS[1], ARGV[1])", ScriptOutputType.STATUS, new byte[][] { bytes(KEY) },
				json("v2"));
		awaitSeen("EVAL", () -> "v2");
	}

	@Test
	void aTransactionFromAnotherConnectionIsSeen() {
		warm("v1");
		this.writer.multi();
		this.writer.set(bytes(KEY), json("v2"));
		this.writer.exec();
		awaitSeen("MULTI/EXEC", () -> "v2");
	}

	@Test
	void flushallIsSeen() {
		warm("v1");
		this.writer.flushall();
		awaitSeen("FLUSHALL", () -> null);
		assertThat(this.cache.getNearCache().estimatedSize()).isZero();
	}

	@Test
	void renameOntoAndAwayFromTheKeyIsSeen() {
		warm("v1");
		this.writer.set(bytes("elsewhere"), json("renamed"));
		this.writer.rename(bytes("elsewhere"), bytes(KEY));
		awaitSeen("RENAME onto", () -> "renamed");
		warm("v3");
		this.writer.rename(bytes(KEY), bytes("gone"));
		awaitSeen("RENAME away", () -> null);
	}

	@Test
	void killingTheTrackingConnectionClearsTheNearCacheWhichServesAgainOnceTrackingIsBack() {
		warm("v1");
		String id = trackingClientId();
		assertThat(this.redis.command("CLIENT KILL ID " + id)).isEqualTo(":1");
		Eventually.await(WAIT, "the near cache cleared", () -> this.cache.getNearCache().estimatedSize() == 0);
		Eventually.await(WAIT, "tracking on a new connection",
				() -> live() && trackingClientIdOrNull() != null && !Objects.equals(trackingClientIdOrNull(), id));
		assertThat(this.cache.getNearCache().get("k")).as("not served after the loss").isNull();
		this.writer.set(bytes(KEY), json("v2"));
		awaitSeen("SET after CLIENT KILL", () -> "v2");
		assertHitsResume("v2");
	}

	@Test
	void aRedisRestartClearsTheNearCacheWhichServesAgainOnceTrackingIsBack() {
		warm("v1");
		this.redis.restart();
		// A restarted Redis without persistence is empty: the old value must not be
		// served.
		Eventually.await(WAIT, "tracking on the restarted server", () -> trackingClientIdOrNull() != null && live());
		assertThat(this.cache.getNearCache().get("k")).as("not served after the restart").isNull();
		Eventually.await(WAIT, "the key gone", () -> this.cache.get("k") == null);
		Eventually.await(WAIT, "the writer reconnected", () -> {
			try {
				this.writer.set(bytes(KEY), json("v2"));
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		awaitSeen("SET after a restart", () -> "v2");
		assertHitsResume("v2");
	}

	/**
	 * Readers hammer one key while a writer on another connection rewrites it. A read
	 * that began after the writer had its reply for a value and after Redis's
	 * invalidation of that write was delivered never answers an older value: that is what
	 * asynchronous invalidation can promise. Nor does any read answer a value older than
	 * one another read had answered before it began (reads of a key in flight share one
	 * backend read, see NearCache). Delivery is heard by a listener registered after the
	 * near cache's, so it hears each report after the near cache acted on it; one writer
	 * waiting for each reply makes one report per write, in order (the report may come
	 * before or after the reply).
	 */
	@Test
	@SuppressWarnings("try") // the probe's registration is held for the test, not used
	void aReadAfterTheWriteAndItsInvalidationOrAfterAnotherReadNeverAnswersAnOlderValue() throws Exception {
		AtomicLong acked = new AtomicLong();
		AtomicLong delivered = new AtomicLong();
		AtomicLong floor = new AtomicLong();
		InvalidationListener probe = new InvalidationListener() {

			@Override
			public void invalidate(String key) {
				delivered.incrementAndGet();
				floor.accumulateAndGet(Math.min(acked.get(), delivered.get() - 1), Math::max);
			}

			@Override
			public void invalidateAll() {
				throw new AssertionError("no flush nor loss expected");
			}

		};
		try (var registration = this.manager.getBackend().keyInvalidations().listen(NAMESPACE, probe)) {
			Eventually.await(WAIT, "tracking live", this::live);
			this.writer.set(bytes(KEY), json(0L));
			// report 1 is write 0's: write i's is report i + 1
			Eventually.await(WAIT, "the first write reported", () -> delivered.get() == 1);
			AtomicLong maxRead = new AtomicLong();
			AtomicBoolean done = new AtomicBoolean();
			int readers = 3;
			ExecutorService pool = Executors.newFixedThreadPool(readers);
			try {
				List<Future<Long>> reads = new ArrayList<>();
				for (int r = 0; r < readers; r++) {
					reads.add(pool.submit(() -> {
						long count = 0;
						while (!done.get()) {
							long lowest = floor.get();
							long alreadyRead = maxRead.get();
							Long value = this.cache.get("k", Long.class);
							assertThat(value).as("read after %s", lowest).isNotNull();
							assertThat(value).as("a read that began after write %s and its invalidation", lowest)
								.isGreaterThanOrEqualTo(lowest);
							assertThat(value).as("a read that began after another answered %s", alreadyRead)
								.isGreaterThanOrEqualTo(alreadyRead);
							maxRead.accumulateAndGet(value, Math::max);
							count++;
						}
						return count;
					}));
				}
				List<Long> delaysToFloor = new ArrayList<>();
				for (long i = 1; i <= 2_000; i++) {
					this.writer.set(bytes(KEY), json(i));
					acked.set(i);
					floor.accumulateAndGet(Math.min(i, delivered.get() - 1), Math::max);
					if (i % 100 == 0) {
						long start = System.nanoTime();
						long written = i;
						Eventually.await(WAIT, "the invalidation of write " + i, () -> floor.get() >= written);
						delaysToFloor.add(System.nanoTime() - start);
					}
				}
				done.set(true);
				long total = 0;
				for (Future<Long> reader : reads) {
					total += reader.get(30, TimeUnit.SECONDS);
				}
				delays.put("history check, reply to invalidation delivered", delaysToFloor);
				System.out.println("Redis near cache history check: " + total + " reads, "
						+ this.cache.getStatistics().nearHitCount() + " near hits");
				assertThat(this.cache.getStatistics().nearHitCount()).as("the near cache served some").isPositive();
				awaitSeen("history check, last write", () -> 2_000L);
			}
			finally {
				done.set(true);
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aNearCacheWithoutATtlOnAClusterIsRefusedSayingWhy() {
		ClusterClientOptions options = ClusterClientOptions.builder(RedisTestBackends.clientOptions()).build();
		try (LarderCacheManager cluster = LarderCacheManager
			.builder(new RedisBackend(
					LettuceConnectors.cluster(List.of(RedisURI.create(this.redis.uri())), options, null)))
			.nearCache(NearCacheSettings.enabledWithDefaults())
			.serializer(this.serializer)
			.build()) {
			assertThatThrownBy(() -> cluster.getCache("books")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("larder.caches.books.near-cache.ttl or larder.near-cache.ttl")
				.hasMessageContaining("Redis Cluster and reads from replicas are not tracked");
		}
	}

	private void assertHitsResume(Object value) {
		warm(value);
		long before = this.cache.getStatistics().nearHitCount();
		assertThat(this.cache.get("k", Object.class)).isEqualTo(value);
		assertThat(this.cache.getStatistics().nearHitCount()).isEqualTo(before + 1);
	}

	/**
	 * Polls the cache from the moment the writer had its reply until it answers the
	 * expected value, recording the delay.
	 */
	private void awaitSeen(String what, Supplier<Object> expected) {
		long start = System.nanoTime();
		long deadline = start + WAIT.toNanos();
		while (true) {
			ValueWrapper found = this.cache.get("k");
			Object value = (found != null) ? found.get() : null;
			if (Objects.equals(value, expected.get()) && (found != null || expected.get() == null)) {
				delays.computeIfAbsent(what, (key) -> Collections.synchronizedList(new ArrayList<>()))
					.add(System.nanoTime() - start);
				return;
			}
			assertThat(System.nanoTime() - deadline).as(what + " seen within " + WAIT + ", got " + value).isNegative();
			Thread.onSpinWait();
		}
	}

	/** The near cache no longer holds the key (its invalidation arrived). */
	private void awaitNearDropped() {
		Eventually.await(WAIT, "the near entry dropped", () -> this.cache.getNearCache().get("k") == null);
	}

	/**
	 * Writes a value from the writer and reads it until the near cache holds it (the
	 * write's own invalidation may drop the first fill).
	 */
	/**
	 * Writes the key from outside and waits until the near cache had the write's report
	 * and then holds the value, so that no report of it is still on its way.
	 */
	private void warm(Object value) {
		long reported = this.reportsOfKey.get();
		this.writer.set(bytes(KEY), json(value));
		Eventually.await(WAIT, "the write reported", () -> this.reportsOfKey.get() > reported);
		awaitInNearCache(value);
	}

	private void awaitInNearCache(Object value) {
		Eventually.await(WAIT, "the value in the near cache", () -> {
			this.cache.get("k");
			return value.equals(this.cache.getNearCache().get("k"));
		});
	}

	private boolean live() {
		return this.manager.getBackend().keyInvalidations().live();
	}

	private String trackingClientId() {
		String id = trackingClientIdOrNull();
		assertThat(id).as("a client with flags=tB in CLIENT LIST").isNotNull();
		return id;
	}

	private String trackingClientIdOrNull() {
		return RedisProcess.cli("-p", String.valueOf(this.redis.port()), "CLIENT", "LIST")
			.lines()
			.filter((line) -> line.contains("flags=tB"))
			.map((line) -> line.substring(3, line.indexOf(' ')))
			.findFirst()
			.orElse(null);
	}

	private byte[] json(Object value) {
		return this.serializer.serialize(value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Summaries of recorded delays, in microseconds. */
	static final class Delays {

		private Delays() {
		}

		static String summary(List<Long> nanos) {
			List<Long> sorted = new ArrayList<>(nanos);
			Collections.sort(sorted);
			if (sorted.isEmpty()) {
				return "no samples";
			}
			return sorted.size() + " samples, min " + micros(sorted.get(0)) + ", median "
					+ micros(sorted.get(sorted.size() / 2)) + ", p90 " + micros(sorted.get(sorted.size() * 9 / 10))
					+ ", max " + micros(sorted.get(sorted.size() - 1));
		}

		private static String micros(long nanos) {
			return (nanos / 1_000) + " us";
		}

	}

}

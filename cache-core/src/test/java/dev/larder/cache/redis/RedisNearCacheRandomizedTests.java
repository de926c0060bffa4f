package dev.larder.cache.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.near.InvalidationListener;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random interleavings of reads through a near-cached cache on a real redis-server
 * with writes from another connection (SET, DEL, EVAL, MULTI/EXEC, RENAME, FLUSHALL),
 * writes through the cache, and waits for Redis's invalidations, each read checked
 * against the history of completed writes.
 *
 * <p>
 * Invalidations arrive asynchronously, after the write's reply or before it, so a read
 * may answer any version of its key from the newest one whose invalidation has been
 * delivered to the near cache on: never an older one. A probe listener, registered after
 * the near cache's and so hearing each report after the near cache acted on it, counts
 * the reports per key and the flushes; every write records which report makes it the
 * floor (one report per changed key per command, since the single test thread waits for
 * each reply). A write through the cache is the floor at once: it drops its near entry
 * before it returns. After a wait for every report, a read must answer exactly the last
 * write.
 */
class RedisNearCacheRandomizedTests {

	private static final int KEYS = 12;

	private static final String NAMESPACE = "rnd:c::";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static RedisProcess redis;

	private final JsonValueSerializer serializer = new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly());

	private final ConcurrentHashMap<String, AtomicLong> reports = new ConcurrentHashMap<>();

	private final AtomicLong flushes = new AtomicLong();

	private LarderCacheManager manager;

	private LarderCache cache;

	private KeyInvalidations.Registration probe;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private RedisCommands<byte[], byte[]> writer;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@BeforeEach
	void start() {
		this.client = RedisClient.create(RedisURI.create(redis.uri()));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		this.writer = this.connection.sync();
		this.writer.flushall();
		this.manager = LarderCacheManager.builder(RedisTestBackends.standalone(redis))
			.nearCache(NearCacheSettings.enabledWithDefaults().withMaxSize(8))
			.serializer(this.serializer)
			.keyPrefix("rnd:")
			.build();
		this.cache = this.manager.getCache("c");
		KeyInvalidations invalidations = this.manager.getBackend().keyInvalidations();
		this.probe = invalidations.listen(NAMESPACE, new InvalidationListener() {

			@Override
			public void invalidate(String key) {
				reported(key).incrementAndGet();
			}

			@Override
			public void invalidateAll() {
				RedisNearCacheRandomizedTests.this.flushes.incrementAndGet();
			}

		});
		Eventually.await(WAIT, "tracking live", invalidations::live);
	}

	@AfterEach
	void stop() {
		this.probe.close();
		this.manager.close();
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 16, 42 })
	void everyReadAnswersAWriteNotOlderThanTheLastOneReported(long seed) {
		// the tracking connection may report the FLUSHALL of start() once live
		long baseFlushes = this.flushes.get();
		Random random = new Random(seed);
		List<List<Version>> histories = new ArrayList<>();
		for (int key = 0; key < KEYS; key++) {
			List<Version> history = new ArrayList<>();
			history.add(new Version(null, Requirement.NONE, 0));
			histories.add(history);
		}
		long[] expectedReports = new long[KEYS];
		long expectedFlushes = 0;
		long next = 1;
		int exactReads = 0;
		int olderThanLastWrite = 0;
		for (int step = 0; step < 3_000; step++) {
			int key = random.nextInt(KEYS);
			int op = random.nextInt(100);
			String context = "seed " + seed + ", step " + step + ", key " + key + ", op " + op;
			List<Version> history = histories.get(key);
			Long current = history.get(history.size() - 1).value();
			if (op < 50) {
				int floor = floor(history, key, baseFlushes);
				List<Long> allowed = history.subList(floor, history.size()).stream().map(Version::value).toList();
				Long read = this.cache.get(key, Long.class);
				assertThat(allowed).as(context + ": a version from the last reported on").contains(read);
				if (floor == history.size() - 1) {
					exactReads++;
				}
				if (!java.util.Objects.equals(read, current)) {
					olderThanLastWrite++;
				}
			}
			else if (op < 60) {
				long value = next++;
				this.writer.set(bytes(NAMESPACE + key), json(value));
				history.add(new Version(value, Requirement.KEY, ++expectedReports[key]));
			}
			else if (op < 64) {
				if (current != null) {
					this.writer.del(bytes(NAMESPACE + key));
					history.add(new Version(null, Requirement.KEY, ++expectedReports[key]));
				}
			}
			else if (op < 68) {
				long value = next++;
				this.writer.eval("redis.call('SET', KEYS[1], ARGV[1])", ScriptOutputType.STATUS,
						new byte[][] { bytes(NAMESPACE + key) }, json(value));
				history.add(new Version(value, Requirement.KEY, ++expectedReports[key]));
			}
			else if (op < 71) {
				long value = next++;
				this.writer.multi();
				this.writer.set(bytes(NAMESPACE + key), json(value));
				this.writer.exec();
				history.add(new Version(value, Requirement.KEY, ++expectedReports[key]));
			}
			else if (op < 75) {
				int target = random.nextInt(KEYS);
				if (current != null && target != key) {
					this.writer.rename(bytes(NAMESPACE + key), bytes(NAMESPACE + target));
					history.add(new Version(null, Requirement.KEY, ++expectedReports[key]));
					histories.get(target).add(new Version(current, Requirement.KEY, ++expectedReports[target]));
				}
			}
			else if (op < 76) {
				this.writer.flushall();
				expectedFlushes++;
				for (List<Version> each : histories) {
					each.add(new Version(null, Requirement.FLUSH, expectedFlushes));
				}
			}
			else if (op < 84) {
				long value = next++;
				this.cache.put(key, value);
				++expectedReports[key];
				history.add(new Version(value, Requirement.NONE, 0));
			}
			else if (op < 87) {
				if (current != null) {
					this.cache.evict(key);
					++expectedReports[key];
					history.add(new Version(null, Requirement.NONE, 0));
				}
			}
			else if (op < 90) {
				long value = next++;
				this.cache.putIfAbsent(key, value);
				if (current == null) {
					++expectedReports[key];
					history.add(new Version(value, Requirement.NONE, 0));
				}
			}
			else {
				long flushesDue = expectedFlushes;
				Eventually.await(WAIT, context + ": every report delivered",
						() -> delivered(expectedReports) && this.flushes.get() - baseFlushes == flushesDue);
			}
		}
		System.out.println("Redis near cache, seed " + seed + ": " + olderThanLastWrite
				+ " reads answered a version older than the last completed write, its invalidation not yet delivered");
		assertThat(exactReads).as("reads after every report was delivered").isPositive();
		assertThat(this.cache.getStatistics().nearHitCount()).as("the near cache served reads").isPositive();
	}

	/**
	 * The index of the newest version whose report has been delivered: reads must not
	 * answer anything older.
	 */
	private int floor(List<Version> history, int key, long baseFlushes) {
		long keyReports = reported(NAMESPACE + key).get();
		long flushReports = this.flushes.get() - baseFlushes;
		for (int i = history.size() - 1; i > 0; i--) {
			Version version = history.get(i);
			boolean delivered = switch (version.requirement()) {
				case NONE -> true;
				case KEY -> keyReports >= version.report();
				case FLUSH -> flushReports >= version.report();
			};
			if (delivered) {
				return i;
			}
		}
		return 0;
	}

	private boolean delivered(long[] expectedReports) {
		for (int key = 0; key < KEYS; key++) {
			if (reported(NAMESPACE + key).get() != expectedReports[key]) {
				return false;
			}
		}
		return true;
	}

	private AtomicLong reported(String key) {
		return this.reports.computeIfAbsent(key, (k) -> new AtomicLong());
	}

	private byte[] json(long value) {
		return this.serializer.serialize(value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** What makes a version the floor: nothing, its key's n-th report, the n-th flush. */
	enum Requirement {

		NONE, KEY, FLUSH

	}

	/** A value a key held ({@code null}: none) and the report that announces it. */
	record Version(Long value, Requirement requirement, long report) {
	}

}

package dev.larder.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of exactness: {@code @Cacheable} hits on Redis through Larder's near cache
 * ({@code larder_near} of {@link RedisCacheManagers}) cycling over {@value #HOT_KEYS}
 * cached keys, with no other writer ({@code writer=none}) and while a thread on a plain
 * Lettuce connection of its own rewrites 1% of those keys per second
 * ({@code writer=one_percent}, evenly spaced {@code SET}s of the bytes already stored, so
 * values never change and no hit loads): each write makes Redis push an invalidation, and
 * the next get of that key goes to Redis ({@code GET} and {@code PTTL}) and refills the
 * near cache. The trial prints how many gets the near cache answered.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class RedisNearCacheExactnessBenchmark {

	static final int HOT_KEYS = 8192;

	private static final int HOT_MASK = HOT_KEYS - 1;

	/** 1% of the keys per second. */
	private static final long WRITE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos() * 100 / HOT_KEYS;

	@Param({ "none", "one_percent" })
	public String writer;

	private RedisServerProcess redis;

	private RedisCacheManagers.Managed managed;

	private BenchmarkContext context;

	private ProductService service;

	private final Long[] hotKeys = new Long[HOT_KEYS];

	private int hot;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private Thread writerThread;

	private volatile boolean writing;

	private final AtomicLong writes = new AtomicLong();

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.redis = new RedisServerProcess();
		this.managed = RedisCacheManagers.create("larder_near", this.redis.port());
		this.context = new BenchmarkContext(this.managed::cacheManager);
		this.service = this.context.service();
		for (int i = 0; i < HOT_KEYS; i++) {
			this.hotKeys[i] = (long) i;
			this.service.find(this.hotKeys[i]);
		}
		this.client = RedisClient.create(RedisURI.create("127.0.0.1", this.redis.port()));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		RedisCommands<byte[], byte[]> commands = this.connection.sync();
		byte[][] keys = new byte[HOT_KEYS][];
		byte[][] values = new byte[HOT_KEYS][];
		for (int i = 0; i < HOT_KEYS; i++) {
			keys[i] = (ProductService.HIT_CACHE + "::" + i).getBytes(StandardCharsets.UTF_8);
			values[i] = Objects.requireNonNull(commands.get(keys[i]), "no value stored under key " + i);
		}
		if ("one_percent".equals(this.writer)) {
			this.writing = true;
			this.writerThread = new Thread(() -> write(commands, keys, values), "one-percent-writer");
			this.writerThread.setDaemon(true);
			this.writerThread.start();
		}
	}

	/** Rewrites one key every {@link #WRITE_INTERVAL_NANOS}, round robin. */
	private void write(RedisCommands<byte[], byte[]> commands, byte[][] keys, byte[][] values) {
		long next = System.nanoTime();
		int i = 0;
		while (this.writing) {
			commands.set(keys[i], values[i]);
			this.writes.incrementAndGet();
			i = (i + 1) & HOT_MASK;
			next += WRITE_INTERVAL_NANOS;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		this.writing = false;
		if (this.writerThread != null) {
			this.writerThread.join();
		}
		LarderCache cache = ((LarderCacheManager) this.context.cacheManager()).getCache(ProductService.HIT_CACHE);
		long loads = this.service.loadCount();
		System.out.println("writer=" + this.writer + ": " + this.writes.get() + " writes from another connection, "
				+ Objects.requireNonNull(cache).getStatistics().nearHitCount() + " near hits, "
				+ cache.getStatistics().nearMissCount() + " near misses");
		this.connection.close();
		this.client.shutdown();
		this.context.close();
		this.managed.stop();
		this.redis.stop();
		if (loads != HOT_KEYS) {
			throw new IllegalStateException("loaded " + loads + " times, expected " + HOT_KEYS + ": a hit loaded");
		}
	}

	@Benchmark
	public Product hit() {
		return this.service.find(this.hotKeys[this.hot++ & HOT_MASK]);
	}

}

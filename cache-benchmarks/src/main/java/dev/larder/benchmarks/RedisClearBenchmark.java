package dev.larder.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
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
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.cache.Cache;

/**
 * Clearing a cache ({@code Cache.invalidate()}) holding {@value #ENTRIES} entries, beside
 * {@value #OTHER_ENTRIES} entries of another cache that must survive: Larder on Redis
 * (SCAN + UNLINK in batches) against Spring Data Redis's {@code RedisCacheManager} with
 * its default batch strategy (KEYS + DEL) and with SCAN batches. Each invocation refills
 * the cache (pipelined SETs of the same serialized value) outside the timed part; the
 * time is one whole clear, from the call until it returns.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@State(Scope.Benchmark)
public class RedisClearBenchmark {

	static final int ENTRIES = 100_000;

	static final int OTHER_ENTRIES = 10_000;

	@Param({ "spring", "spring-scan", "larder" })
	public String implementation;

	private RedisServerProcess redis;

	private RedisCacheManagers.Managed managed;

	private Cache cache;

	private RedisClient filler;

	private StatefulRedisConnection<byte[], byte[]> fillerConnection;

	private byte[] value;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.redis = new RedisServerProcess();
		this.managed = RedisCacheManagers.create(this.implementation, this.redis.port());
		this.cache = this.managed.cacheManager().getCache("products");
		Cache other = this.managed.cacheManager().getCache("customers");
		this.filler = RedisClient.create("redis://127.0.0.1:" + this.redis.port());
		this.fillerConnection = this.filler.connect(ByteArrayCodec.INSTANCE);
		// The value exactly as this cache manager writes it, copied to every key by the
		// filler.
		this.cache.put(0L, new Product(0, "Larder benchmark product", 100));
		this.value = this.fillerConnection.sync().get(key("products", 0));
		if (this.value == null) {
			throw new IllegalStateException(this.implementation + " does not store products::0 under that key");
		}
		fill("customers", OTHER_ENTRIES);
		if (other.get(1L) == null) {
			throw new IllegalStateException(this.implementation + " does not read the filled entries back");
		}
	}

	@Setup(Level.Invocation)
	public void refill() {
		fill("products", ENTRIES);
	}

	@TearDown(Level.Invocation)
	public void check() {
		long left = this.fillerConnection.sync().dbsize();
		if (left != OTHER_ENTRIES) {
			throw new IllegalStateException(this.implementation + " left " + left + " keys; expected only the "
					+ OTHER_ENTRIES + " of the other cache");
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		this.fillerConnection.close();
		this.filler.shutdown();
		this.managed.stop();
		this.redis.stop();
	}

	/**
	 * {@code invalidate()}, the immediate form of {@code clear()}: Spring Data Redis 4
	 * clears asynchronously (the call returns before the keys are gone), so only this
	 * measures the work.
	 */
	@Benchmark
	public boolean clear() {
		return this.cache.invalidate();
	}

	private void fill(String cacheName, int entries) {
		RedisAsyncCommands<byte[], byte[]> async = this.fillerConnection.async();
		List<RedisFuture<String>> pending = new ArrayList<>(1000);
		for (int i = 0; i < entries; i++) {
			pending.add(async.set(key(cacheName, i), this.value));
			if (pending.size() == 1000) {
				LettuceFutures.awaitAll(10, TimeUnit.SECONDS, pending.toArray(new RedisFuture<?>[0]));
				pending.clear();
			}
		}
		LettuceFutures.awaitAll(10, TimeUnit.SECONDS, pending.toArray(new RedisFuture<?>[0]));
	}

	private static byte[] key(String cacheName, long id) {
		return (cacheName + "::" + id).getBytes(StandardCharsets.UTF_8);
	}

}

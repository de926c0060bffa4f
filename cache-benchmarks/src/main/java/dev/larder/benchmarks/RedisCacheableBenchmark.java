package dev.larder.benchmarks;

import java.util.concurrent.TimeUnit;

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
 * {@code @Cacheable} through a Spring proxy: Larder on Redis against Spring Data Redis's
 * {@code RedisCacheManager}, on one redis-server started for the trial, same values, same
 * JSON shape (see {@link RedisCacheManagers}), through the same context and
 * {@link ProductService} as {@link CacheableBenchmark}. A hit is one GET; a miss is a
 * GET, the method, a SET. {@code larder_near} is Larder with its near cache (kept exact
 * by {@code CLIENT TRACKING}): a hit is a lookup in this JVM, a miss also reserves and
 * drops a near entry.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class RedisCacheableBenchmark {

	private static final int HOT_KEYS = 1024;

	private static final long FIRST_MISS_KEY = 1L << 40;

	@Param({ "spring", "larder", "larder_near" })
	public String implementation;

	private RedisServerProcess redis;

	private RedisCacheManagers.Managed managed;

	private BenchmarkContext context;

	private ProductService service;

	private long nextMissKey = FIRST_MISS_KEY;

	private int hot;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.redis = new RedisServerProcess();
		this.managed = RedisCacheManagers.create(this.implementation, this.redis.port());
		this.context = new BenchmarkContext(this.managed::cacheManager);
		this.service = this.context.service();
		for (long i = 0; i < HOT_KEYS; i++) {
			this.service.find(i);
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		long loads = this.service.loadCount();
		this.context.close();
		this.managed.stop();
		this.redis.stop();
		long expected = HOT_KEYS + (this.nextMissKey - FIRST_MISS_KEY);
		if (loads != expected) {
			throw new IllegalStateException(this.implementation + " loaded " + loads + " times, expected " + expected
					+ ": a hit loaded or a miss hit");
		}
	}

	@Benchmark
	public Product hit() {
		return this.service.find((long) (this.hot++ & (HOT_KEYS - 1)));
	}

	@Benchmark
	public Product miss() {
		return this.service.findUncached(this.nextMissKey++);
	}

}

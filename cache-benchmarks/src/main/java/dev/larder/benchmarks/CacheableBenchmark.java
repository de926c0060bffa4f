package dev.larder.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * {@code @Cacheable} through a real Spring proxy: Larder on Caffeine (statistics on, the
 * default, and off) and Larder on the embedded engine against Spring's
 * {@code CaffeineCacheManager}, and the embedded engine with its near cache
 * ({@code embedded_near}), same Caffeine spec
 * ({@value CacheImplementation#CAFFEINE_SPEC}), in one run ({@link #implementation} is a
 * parameter, see {@link CacheImplementation}).
 *
 * <ul>
 * <li>{@code hit}: cycles through {@value #HOT_KEYS} keys loaded at setup; every call is
 * a hit.
 * <li>{@code miss}: a fresh key on every call (a per-thread counter), so every call
 * misses, runs the method and stores the result; once the cache is full each store also
 * makes Caffeine evict one entry. Both managers see the same key sequence and do the same
 * work.
 * <li>{@code syncHit}, {@code syncMiss}: the same with {@code @Cacheable(sync = true)},
 * which goes through {@code Cache.get(key, Callable)}.
 * </ul>
 *
 * <p>
 * Each trial checks at the end that the service loaded exactly as often as it should
 * have: never on the hit path, on every call on the miss path. A benchmark that silently
 * stopped missing (or hitting) fails instead of reporting a number.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class CacheableBenchmark {

	static final int HOT_KEYS = 1024;

	private static final int HOT_MASK = HOT_KEYS - 1;

	@Param({ "spring", "larder", "larder_nostats", "embedded", "embedded_near", "embedded_near_observed",
			"embedded_near_observed_gets" })
	public String implementation;

	private BenchmarkContext context;

	private ProductService service;

	private final Long[] hotKeys = new Long[HOT_KEYS];

	private final AtomicInteger threads = new AtomicInteger();

	private final AtomicLong missCalls = new AtomicLong();

	@Setup(Level.Trial)
	public void start() {
		this.context = new BenchmarkContext(CacheImplementation.of(this.implementation));
		this.service = this.context.service();
		for (int i = 0; i < HOT_KEYS; i++) {
			this.hotKeys[i] = (long) i;
			this.service.find(this.hotKeys[i]);
		}
		for (Long key : this.hotKeys) {
			this.service.find(key);
		}
		if (this.service.loadCount() != HOT_KEYS) {
			throw new IllegalStateException(
					"Hot keys did not stay cached: " + this.service.loadCount() + " loads for " + HOT_KEYS + " keys");
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		long expected = HOT_KEYS + this.missCalls.get();
		long loads = this.service.loadCount();
		this.context.close();
		if (loads != expected) {
			throw new IllegalStateException(this.implementation + ": the service loaded " + loads + " times, expected "
					+ expected + " (" + HOT_KEYS + " hot keys + " + this.missCalls.get()
					+ " miss-path calls); a hit loaded or a miss hit");
		}
	}

	/**
	 * Where one benchmark thread is in the hot keys and in its own range of fresh keys.
	 */
	@State(Scope.Thread)
	public static class Cursor {

		private CacheableBenchmark benchmark;

		int hot;

		long firstMissKey;

		long nextMissKey;

		@Setup(Level.Trial)
		public void start(CacheableBenchmark benchmark) {
			this.benchmark = benchmark;
			// Disjoint key ranges per thread, far above the hot keys.
			this.firstMissKey = (benchmark.threads.incrementAndGet() + 1L) << 40;
			this.nextMissKey = this.firstMissKey;
			this.hot = 0;
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.benchmark.missCalls.addAndGet(this.nextMissKey - this.firstMissKey);
		}

	}

	@Benchmark
	public Product hit(Cursor cursor) {
		return this.service.find(this.hotKeys[cursor.hot++ & HOT_MASK]);
	}

	@Benchmark
	public Product miss(Cursor cursor) {
		return this.service.findUncached(cursor.nextMissKey++);
	}

	@Benchmark
	public Product syncHit(Cursor cursor) {
		return this.service.findSync(this.hotKeys[cursor.hot++ & HOT_MASK]);
	}

	@Benchmark
	public Product syncMiss(Cursor cursor) {
		return this.service.findUncachedSync(cursor.nextMissKey++);
	}

}

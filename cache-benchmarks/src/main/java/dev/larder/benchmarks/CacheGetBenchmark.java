package dev.larder.benchmarks;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * The cache calls behind {@code @Cacheable}, made directly with no proxy or interceptor:
 * the part of each path that the cache implementation owns. Diagnostic companion of
 * {@link CacheableBenchmark}. A {@code @Cacheable} call spends most of its time in
 * Spring's interceptor, so a difference between the managers shows here far more clearly
 * than there.
 *
 * <ul>
 * <li>{@code get}: {@code Cache.get(key)} on a hit (the plain {@code @Cacheable} hit).
 * <li>{@code getWithLoaderHit}: {@code Cache.get(key, Callable)} on a hit
 * ({@code sync = true}).
 * <li>{@code getWithLoaderMiss}: {@code Cache.get(key, Callable)} with a fresh key each
 * call, so the loader runs and the value is stored (and, once the cache is full, one
 * entry evicted).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class CacheGetBenchmark {

	private static final int KEYS = CacheableBenchmark.HOT_KEYS;

	private static final int MASK = KEYS - 1;

	private static final Product LOADED = new Product(-1, "Larder benchmark product", 100);

	@Param({ "spring", "larder" })
	public String implementation;

	private Cache cache;

	private final Long[] keys = new Long[KEYS];

	private final LongAdder loads = new LongAdder();

	private final Callable<Product> loader = () -> {
		this.loads.increment();
		return LOADED;
	};

	private final AtomicInteger threads = new AtomicInteger();

	private final AtomicLong missCalls = new AtomicLong();

	@Setup(Level.Trial)
	public void start() {
		CacheManager manager = CacheImplementation.of(this.implementation)
			.cacheManager(CacheImplementation.CAFFEINE_SPEC);
		this.cache = manager.getCache("products");
		for (int i = 0; i < KEYS; i++) {
			this.keys[i] = (long) i;
			this.cache.put(this.keys[i], new Product(i, "Larder benchmark product", 100 + i));
		}
		for (Long key : this.keys) {
			if (this.cache.get(key) == null) {
				throw new IllegalStateException(this.implementation + ": key " + key + " is not cached");
			}
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		if (this.loads.sum() != this.missCalls.get()) {
			throw new IllegalStateException(this.implementation + ": the loader ran " + this.loads.sum() + " times for "
					+ this.missCalls.get() + " miss-path calls; a hit loaded or a miss hit");
		}
	}

	/** Where one benchmark thread is in the keys, and in its own range of fresh keys. */
	@State(Scope.Thread)
	public static class Cursor {

		private CacheGetBenchmark benchmark;

		int next;

		long firstMissKey;

		long nextMissKey;

		@Setup(Level.Trial)
		public void start(CacheGetBenchmark benchmark) {
			this.benchmark = benchmark;
			this.firstMissKey = (benchmark.threads.incrementAndGet() + 1L) << 40;
			this.nextMissKey = this.firstMissKey;
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.benchmark.missCalls.addAndGet(this.nextMissKey - this.firstMissKey);
		}

	}

	@Benchmark
	public Cache.ValueWrapper get(Cursor cursor) {
		return this.cache.get(this.keys[cursor.next++ & MASK]);
	}

	@Benchmark
	public Product getWithLoaderHit(Cursor cursor) {
		return this.cache.get(this.keys[cursor.next++ & MASK], this.loader);
	}

	@Benchmark
	public Product getWithLoaderMiss(Cursor cursor) {
		return this.cache.get(cursor.nextMissKey++, this.loader);
	}

}

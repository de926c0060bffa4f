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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * {@code Cache.get(key)} on a hit, called directly with no proxy or interceptor: the part of the
 * {@code @Cacheable} hit path that each cache implementation owns. Diagnostic companion of
 * {@link CacheableBenchmark#hit}: when the two managers differ there, this shows how much of
 * the difference is inside the cache itself.
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

	@Param({ "spring", "larder" })
	public String implementation;

	private Cache cache;

	private final Long[] keys = new Long[KEYS];

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

	/** Where one benchmark thread is in the keys. */
	@State(Scope.Thread)
	public static class Cursor {

		int next;

	}

	@Benchmark
	public Cache.ValueWrapper get(Cursor cursor) {
		return this.cache.get(this.keys[cursor.next++ & MASK]);
	}

}

package dev.larder.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code @Cacheable} hits of several implementations measured in one JVM in alternating
 * short slices, for a machine whose load swings faster than JMH's runs of one
 * implementation after another can outlast (shared 2-core hosts): each slice of an
 * implementation is compared with the adjacent slice of the reference, under the same
 * load, and the median of those ratios is reported. Not JMH: a plain main class, like
 * {@code HitRatioBenchmark}; the JMH figure for the same path is
 * {@code CacheableBenchmark.hit}.
 *
 * <p>
 * Usage: {@code java -cp ... dev.larder.benchmarks.InterleavedHitBenchmark
 * [implementations=spring,embedded_near] [slices=60] [sliceMillis=200] [warmupSeconds=15]};
 * the first implementation is the reference.
 */
public final class InterleavedHitBenchmark {

	private static final int HOT_MASK = CacheableBenchmark.HOT_KEYS - 1;

	private static volatile long sink;

	private InterleavedHitBenchmark() {
	}

	public static void main(String[] args) {
		List<String> names = List.of(arg(args, 0, "spring,embedded_near").split(","));
		int slices = Integer.parseInt(arg(args, 1, "60"));
		long sliceNanos = Long.parseLong(arg(args, 2, "200")) * 1_000_000;
		long warmupNanos = Long.parseLong(arg(args, 3, "15")) * 1_000_000_000L;
		List<BenchmarkContext> contexts = new ArrayList<>();
		List<ProductService> services = new ArrayList<>();
		Long[] keys = new Long[CacheableBenchmark.HOT_KEYS];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = (long) i;
		}
		for (String name : names) {
			BenchmarkContext context = new BenchmarkContext(CacheImplementation.of(name));
			contexts.add(context);
			ProductService service = context.service();
			for (int round = 0; round < 2; round++) {
				for (Long key : keys) {
					service.find(key);
				}
			}
			services.add(service);
		}
		long warmupEnd = System.nanoTime() + warmupNanos;
		while (System.nanoTime() - warmupEnd < 0) {
			for (ProductService service : services) {
				run(service, keys, sliceNanos / 4);
			}
		}
		double[][] rates = new double[names.size()][slices];
		for (int slice = 0; slice < slices; slice++) {
			for (int n = 0; n < names.size(); n++) {
				// alternate the order, so neither always runs first in a pair
				int index = (slice % 2 == 0) ? n : names.size() - 1 - n;
				rates[index][slice] = run(services.get(index), keys, sliceNanos);
			}
		}
		for (int n = 0; n < names.size(); n++) {
			long loads = services.get(n).loadCount();
			if (loads != keys.length) {
				throw new IllegalStateException(names.get(n) + " loaded " + loads + " times: a hit missed");
			}
		}
		contexts.forEach(BenchmarkContext::close);
		System.out.printf(Locale.ROOT, "%n| implementation | median hits/s | median ratio to %s (per slice pair) | "
				+ "quartiles of the ratio |%n|---|---:|---:|---|%n", names.get(0));
		for (int n = 0; n < names.size(); n++) {
			double[] ratios = new double[slices];
			for (int slice = 0; slice < slices; slice++) {
				ratios[slice] = rates[n][slice] / rates[0][slice];
			}
			Arrays.sort(ratios);
			System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f - %.2f |%n", names.get(n), median(rates[n]),
					ratios[slices / 2], ratios[slices / 4], ratios[3 * slices / 4]);
		}
	}

	/** Calls the cached method for a time; answers calls per second. */
	private static double run(ProductService service, Long[] keys, long nanos) {
		long start = System.nanoTime();
		long end = start + nanos;
		long calls = 0;
		long hash = 0;
		int cursor = 0;
		long now;
		do {
			for (int i = 0; i < 1024; i++) {
				hash += service.find(keys[cursor++ & HOT_MASK]).hashCode();
			}
			calls += 1024;
			now = System.nanoTime();
		}
		while (now - end < 0);
		sink += hash;
		return calls * 1e9 / (now - start);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String arg(String[] args, int index, String fallback) {
		return (args.length > index) ? args[index] : fallback;
	}

}

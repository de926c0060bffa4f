package dev.larder.benchmarks.hitratio;

import java.util.List;
import java.util.Locale;

/**
 * The traces by name: {@code zipf-A} (Zipf with exponent A over the distinct keys),
 * {@code zipf-A-scans} (the same draws with periodic one-off scans) and {@code loop}
 * (keys 0..L-1 over and over, L a multiple of what redis-server holds).
 */
final class TraceCatalog {

	static final List<String> NAMES = List.of("zipf-0.8", "zipf-1.0", "zipf-0.8-scans", "zipf-1.0-scans", "loop");

	private final Options options;

	TraceCatalog(Options options) {
		this.options = options;
	}

	static boolean known(String name) {
		return NAMES.contains(name);
	}

	/**
	 * @param capacity the entries redis-server holds under maxmemory, which sizes the
	 * loop
	 */
	Trace build(String name, long capacity) {
		int requests = this.options.requests();
		int warmup = this.options.warmup();
		int keys = this.options.keys();
		long seed = this.options.seed();
		if (name.equals("loop")) {
			int fixed = this.options.loopLength();
			int length = (fixed > 0) ? fixed : (int) Math.round(capacity * this.options.loopFactor());
			return new Trace(name,
					String.format(Locale.ROOT,
							"keys 0..%,d in order, repeated (%.2fx the %,d entries redis-server holds)", length - 1,
							(double) length / capacity, capacity),
					Traces.loop(length, requests), warmup);
		}
		if (name.startsWith("zipf-")) {
			boolean scans = name.endsWith("-scans");
			double alpha = Double.parseDouble(name.substring("zipf-".length(), name.length() - (scans ? 6 : 0)));
			String zipf = String.format(Locale.ROOT, "Zipf alpha %.1f over %,d keys (seed %d)", alpha, keys, seed);
			if (!scans) {
				return new Trace(name, zipf, Traces.zipf(keys, alpha, requests, seed), warmup);
			}
			int every = this.options.scanEvery();
			int length = this.options.scanLength();
			return new Trace(name, String.format(Locale.ROOT,
					"%s, after every %,d of its requests a scan of %,d never-repeated keys (%.1f%% of the requests, "
							+ "%.2fx the entries redis-server holds per scan)",
					zipf, every, length, 100.0 * length / (every + length), (double) length / capacity),
					Traces.scanPollutedZipf(keys, alpha, requests, seed, every, length), warmup);
		}
		throw new IllegalArgumentException("unknown trace " + name + "; known: " + NAMES);
	}

}

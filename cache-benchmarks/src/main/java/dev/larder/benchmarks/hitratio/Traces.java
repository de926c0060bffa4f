package dev.larder.benchmarks.hitratio;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The trace generators. Each is a pure function of its arguments (seeded generators
 * only), so every contender replays exactly the same requests.
 */
final class Traces {

	private Traces() {
	}

	/**
	 * Requests drawn from a Zipf distribution over {@code distinctKeys} keys: key id
	 * {@code r - 1} has rank {@code r}, probability proportional to {@code 1 / r^alpha}.
	 */
	static int[] zipf(int distinctKeys, double alpha, int requests, long seed) {
		ZipfSource source = new ZipfSource(distinctKeys, alpha, seed);
		int[] keys = new int[requests];
		for (int i = 0; i < requests; i++) {
			keys[i] = source.next();
		}
		return keys;
	}

	/**
	 * The Zipf stream of {@link #zipf} (same seed, same draws in the same order) with a
	 * scan of {@code scanLength} never-repeated keys after every {@code scanEvery} Zipf
	 * requests. Scan keys are numbered from {@code distinctKeys} up, so they never meet a
	 * Zipf key nor each other: each is requested exactly once.
	 */
	static int[] scanPollutedZipf(int distinctKeys, double alpha, int requests, long seed, int scanEvery,
			int scanLength) {
		if (scanEvery <= 0 || scanLength <= 0) {
			throw new IllegalArgumentException("scan period and length must be positive");
		}
		ZipfSource source = new ZipfSource(distinctKeys, alpha, seed);
		int[] keys = new int[requests];
		int nextScanKey = distinctKeys;
		int i = 0;
		while (i < requests) {
			for (int z = 0; z < scanEvery && i < requests; z++) {
				keys[i++] = source.next();
			}
			for (int s = 0; s < scanLength && i < requests; s++) {
				keys[i++] = nextScanKey++;
			}
		}
		return keys;
	}

	/** Keys {@code 0 .. loopLength - 1} in order, over and over. */
	static int[] loop(int loopLength, int requests) {
		if (loopLength <= 0) {
			throw new IllegalArgumentException("loop length must be positive: " + loopLength);
		}
		int[] keys = new int[requests];
		for (int i = 0; i < requests; i++) {
			keys[i] = i % loopLength;
		}
		return keys;
	}

	/**
	 * Commons Math's rejection-inversion Zipf sampler (Hormann and Derflinger), O(1) per
	 * draw, on a seeded Mersenne-Twister-class generator.
	 */
	private static final class ZipfSource {

		private final ZipfDistribution distribution;

		ZipfSource(int distinctKeys, double alpha, long seed) {
			this.distribution = new ZipfDistribution(new Well19937c(seed), distinctKeys, alpha);
		}

		int next() {
			return this.distribution.sample() - 1;
		}

	}

}

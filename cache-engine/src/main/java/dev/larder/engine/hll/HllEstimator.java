package dev.larder.engine.hll;

/**
 * The cardinality estimate of Redis 7.0's hllCount from a register histogram (reghisto[v]
 * = how many registers hold v): Otmar Ertl's improved estimator, "New cardinality
 * estimation algorithms for HyperLogLog sketches" (arXiv:1702.01284), in the exact order
 * of floating-point operations Redis uses, so that counts equal Redis's. A port of
 * Redis's hyperloglog.c (BSD-3-Clause, Copyright (c) 2014, Salvatore Sanfilippo).
 */
final class HllEstimator {

	/** 0.5/ln(2). */
	private static final double ALPHA_INF = 0.721347520444481703680;

	private HllEstimator() {
	}

	/** hllCount's estimate from the histogram of the 16384 registers. */
	static long estimate(int[] reghisto) {
		double m = HyperLogLog.REGISTERS;
		double z = m * tau((m - reghisto[HyperLogLog.Q + 1]) / m);
		for (int j = HyperLogLog.Q; j >= 1; --j) {
			z += reghisto[j];
			z *= 0.5;
		}
		z += m * sigma(reghisto[0] / m);
		// llroundl: half away from zero, which for a non-negative value is Math.round
		return Math.round(ALPHA_INF * m * m / z);
	}

	private static double sigma(double x) {
		if (x == 1.) {
			return Double.POSITIVE_INFINITY;
		}
		double zPrime;
		double y = 1;
		double z = x;
		do {
			x *= x;
			zPrime = z;
			z += x * y;
			y += y;
		}
		while (zPrime != z);
		return z;
	}

	private static double tau(double x) {
		if (x == 0. || x == 1.) {
			return 0.;
		}
		double zPrime;
		double y = 1.0;
		double z = 1 - x;
		do {
			x = Math.sqrt(x);
			zPrime = z;
			y *= 0.5;
			double d = 1 - x;
			z -= d * d * y; // pow(1 - x, 2) * y: pow rounds the exact square, as d * d
							// does
		}
		while (zPrime != z);
		return z / 3;
	}

}

package dev.larder.engine.hll;

import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * PFSELFTEST: Redis 7.0's self-test of the register layout and of the estimate's error,
 * with the sparse and the dense representations fed the same elements and required to
 * agree. A port of Redis's hyperloglog.c (BSD-3-Clause, Copyright (c) 2014, Salvatore
 * Sanfilippo).
 */
public final class HllSelfTest {

	private static final int TEST_CYCLES = 1000;

	private static final int ELEMENTS = 10_000_000;

	private HllSelfTest() {
	}

	/**
	 * Runs both tests: null when they pass, else Redis's error text (without the
	 * {@code -}).
	 */
	public static @Nullable String run(long sparseMaxBytes, RandomGenerator rand) {
		String failed = registers(rand);
		return failed != null ? failed : approximation(sparseMaxBytes, rand);
	}

	/**
	 * Test 1: setting every register to a random value keeps the value and leaves its
	 * neighbours alone.
	 */
	private static @Nullable String registers(RandomGenerator rand) {
		byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
		int[] bytecounters = new int[HyperLogLog.REGISTERS];
		for (int j = 0; j < TEST_CYCLES; j++) {
			for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
				int r = rand.nextInt() & 63;
				bytecounters[i] = r;
				HyperLogLog.denseSetRegister(dense, i, r);
			}
			for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
				int val = HyperLogLog.denseGet(dense, dense.length, i);
				if (val != bytecounters[i]) {
					return "TESTFAILED Register " + i + " should be " + bytecounters[i] + " but is " + val;
				}
			}
		}
		return null;
	}

	/**
	 * Test 2: at cardinalities 1, 10, 100, ... 10^7 the estimate is within six standard
	 * errors, and a sparse HyperLogLog (while small) counts as the dense one does.
	 */
	private static @Nullable String approximation(long sparseMaxBytes, RandomGenerator rand) {
		HyperLogLog dense = HyperLogLog.zeroDense();
		HyperLogLog hll = HyperLogLog.create();
		double relerr = 1.04 / Math.sqrt(HyperLogLog.REGISTERS);
		long checkpoint = 1;
		long seed = (rand.nextInt() & 0x7fffffffL) | (rand.nextInt() & 0x7fffffffL) << 32;
		for (long j = 1; j <= ELEMENTS; j++) {
			long hash = MurmurHash64A.hashLong(j ^ seed, HyperLogLog.SEED);
			dense.denseSet(hash & (HyperLogLog.REGISTERS - 1), HyperLogLog.patternLength(hash));
			hll.addHashed(hash, sparseMaxBytes);
			if (j != checkpoint) {
				continue;
			}
			if (j < sparseMaxBytes / 2 && !hll.isSparse()) {
				return "TESTFAILED sparse encoding not used";
			}
			long count = dense.count();
			if (count != hll.count()) {
				return "TESTFAILED dense/sparse disagree";
			}
			long abserr = Math.abs(checkpoint - count);
			long maxerr = (long) Math.ceil(relerr * 6 * checkpoint);
			if (j == 10) {
				maxerr = 1;
			}
			if (abserr > maxerr) {
				return "TESTFAILED Too big error. card:" + checkpoint + " abserr:" + abserr;
			}
			checkpoint *= 10;
		}
		return null;
	}

}

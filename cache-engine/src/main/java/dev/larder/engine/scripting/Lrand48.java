package dev.larder.engine.scripting;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis's math.random generator (rand.c, redisLrand48): the 48-bit linear congruential
 * generator of lrand48, shared by all scripts of a server and never reseeded between
 * scripts (Redis 7), so a sequence of scripts draws the same numbers on the engine as on
 * a Redis started at the same time.
 */
final class Lrand48 {

	private static final long MULTIPLIER = 0x5DEECE66DL;

	private static final long MASK = (1L << 48) - 1;

	/** REDIS_LRAND48_MAX. */
	static final int MAX = Integer.MAX_VALUE;

	private final AtomicLong state = new AtomicLong();

	Lrand48() {
		seed(0);
	}

	/** redisSrand48: the seed in the high 32 bits, 0x330E below. */
	void seed(int seed) {
		state.set(((seed & 0xFFFFFFFFL) << 16) | 0x330E);
	}

	/** The next value in [0, 2^31). */
	int next() {
		long prev;
		long next;
		do {
			prev = state.get();
			next = (prev * MULTIPLIER + 0xB) & MASK;
		}
		while (!state.compareAndSet(prev, next));
		return (int) (next >>> 17);
	}

	/** redis_math_random's r: a double in [0, 1). */
	double nextDouble() {
		return (double) (next() % MAX) / MAX;
	}

}

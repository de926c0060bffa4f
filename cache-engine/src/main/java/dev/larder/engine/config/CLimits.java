package dev.larder.engine.config;

/** The C limits Redis's parameter table uses as bounds, as Java longs. */
final class CLimits {

	static final long INT_MIN = Integer.MIN_VALUE;

	static final long INT_MAX = Integer.MAX_VALUE;

	static final long UINT_MAX = 0xFFFF_FFFFL;

	/** LONG_MAX, LLONG_MAX and SSIZE_MAX on a 64-bit build. */
	static final long LONG_MAX = Long.MAX_VALUE;

	/** ULLONG_MAX: all 64 bits set, compared unsigned. */
	static final long ULLONG_MAX = -1L;

	private CLimits() {
	}

}

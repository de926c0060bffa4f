package dev.larder.cache.structure.ratelimit;

/** How a {@link RateLimit} counts. */
public enum RateLimitAlgorithm {

	/**
	 * A token bucket of {@code permits} tokens refilled continuously at
	 * {@code permits/period}, kept as one timestamp (GCRA): smooth, allows a burst of up
	 * to {@code permits}, constant memory.
	 */
	TOKEN_BUCKET,

	/**
	 * At most {@code permits} grants in any window of length {@code period} ending now,
	 * kept as a log of grant times: exact at window edges, memory proportional to
	 * {@code permits}.
	 */
	SLIDING_WINDOW

}

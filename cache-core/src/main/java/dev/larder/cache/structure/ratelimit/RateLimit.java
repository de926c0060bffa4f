package dev.larder.cache.structure.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A limit: {@code permits} per {@code period}, counted by {@code algorithm}.
 */
public record RateLimit(RateLimitAlgorithm algorithm, long permits, Duration period) {

	public RateLimit {
		Objects.requireNonNull(algorithm, "algorithm");
		Objects.requireNonNull(period, "period");
		if (permits <= 0) {
			throw new IllegalArgumentException("A rate limit needs at least one permit per period, got " + permits);
		}
		if (period.isNegative() || period.isZero() || period.toMillis() == 0) {
			throw new IllegalArgumentException("A rate limit period must be at least 1ms, got " + period);
		}
	}

	public static RateLimit tokenBucket(long permits, Duration period) {
		return new RateLimit(RateLimitAlgorithm.TOKEN_BUCKET, permits, period);
	}

	public static RateLimit slidingWindow(long permits, Duration period) {
		return new RateLimit(RateLimitAlgorithm.SLIDING_WINDOW, permits, period);
	}

}

package dev.larder.cache.structure.ratelimit;

/**
 * Named rate limiters in the backend:
 * {@code rateLimiters.limiter("api", RateLimit.tokenBucket(100, Duration.ofMinutes(1)))}.
 * Instances sharing the backend share the limit of each name and key.
 */
public interface RateLimiters {

	RateLimiter limiter(String name, RateLimit limit);

}

package dev.larder.cache.structure.ratelimit;

import java.time.Duration;

/**
 * The answer to one {@link RateLimiter#tryAcquire(String, long)}.
 *
 * @param allowed whether the permits were granted (and consumed)
 * @param remaining permits still available now after this decision
 * @param retryAfter when denied, how long until the same request would be allowed; zero
 * when allowed
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {
}

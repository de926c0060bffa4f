package dev.larder.cache.structure.ratelimit;

import java.time.Duration;

/**
 * Thrown by {@code @RateLimited} methods when the caller's key is over its limit. In a
 * Spring MVC application Larder answers it with HTTP 429 and a {@code Retry-After}
 * header.
 */
public class RateLimitExceededException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String limiterName;

	private final String key;

	private final transient RateLimitDecision decision;

	public RateLimitExceededException(String limiterName, String key, RateLimitDecision decision) {
		super("Rate limit '" + limiterName + "' exceeded for key '" + key + "'; retry after " + decision.retryAfter());
		this.limiterName = limiterName;
		this.key = key;
		this.decision = decision;
	}

	public String limiterName() {
		return this.limiterName;
	}

	public String key() {
		return this.key;
	}

	public Duration retryAfter() {
		return this.decision.retryAfter();
	}

	public RateLimitDecision decision() {
		return this.decision;
	}

}

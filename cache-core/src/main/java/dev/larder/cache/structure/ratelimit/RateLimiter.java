package dev.larder.cache.structure.ratelimit;

/**
 * A {@link RateLimit} applied per key (a client, a user, an API token): each key has its
 * own budget. Decisions are exact under concurrency, from many threads and from every
 * application instance sharing the backend. A denied request consumes nothing.
 */
public interface RateLimiter {

	String name();

	RateLimit limit();

	default RateLimitDecision tryAcquire(String key) {
		return tryAcquire(key, 1);
	}

	/**
	 * Takes {@code permits} for {@code key} if all are available. Asking for more than
	 * the limit's permits is refused with an {@link IllegalArgumentException}: it could
	 * never be granted.
	 */
	RateLimitDecision tryAcquire(String key, long permits);

}

package dev.larder.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides the time-to-live of each new entry, once for every backend.
 *
 * <p>
 * Jitter only ever shortens the ttl: the configured ttl stays the upper bound on how
 * stale an entry can be, and entries written in one burst expire spread over
 * {@code [ttl * (1 - jitter), ttl]} instead of all at once (which would stampede the
 * source).
 */
final class TtlPolicy {

	private static final long MIN_TTL_NANOS = Duration.ofMillis(1).toNanos();

	private final long ttlNanos;

	private final double jitter;

	private final Duration fixed;

	TtlPolicy(CacheSettings settings) {
		this.ttlNanos = settings.ttl().toNanos();
		this.jitter = settings.ttlJitter();
		this.fixed = settings.ttl();
	}

	/** The ttl for an entry written now; {@link Duration#ZERO} means no expiry. */
	Duration nextTtl() {
		if (this.ttlNanos == 0 || this.jitter == 0) {
			return this.fixed;
		}
		long cut = (long) (this.ttlNanos * this.jitter * ThreadLocalRandom.current().nextDouble());
		return Duration.ofNanos(Math.max(MIN_TTL_NANOS, this.ttlNanos - cut));
	}

}

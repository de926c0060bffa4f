package dev.larder.cache.memcached;

import java.time.Duration;

import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import org.jspecify.annotations.Nullable;

/**
 * A token bucket as GCRA: the state is one number, the theoretical arrival time (TAT) of
 * the next request when the bucket is drained at its refill rate; each permit moves it
 * one emission interval {@code T = period / permits} later, and a request is allowed
 * while the TAT stays within the bucket's capacity ({@code permits × T}) of now. Kept as
 * decimal epoch nanoseconds; it expires when it is in the past, which is what a full
 * bucket looks like.
 */
final class GcraState implements MemcachedRateLimiters.Algorithm {

	private final long permits;

	/** Rounded down to whole nanoseconds, so the bucket holds exactly {@code permits}. */
	private final long interval;

	private final long capacity;

	GcraState(RateLimit limit) {
		this.permits = limit.permits();
		this.interval = Math.max(1, limit.period().toNanos() / limit.permits());
		this.capacity = this.interval * this.permits;
	}

	@Override
	public CasUpdate.Outcome<RateLimitDecision> decide(byte @Nullable [] state, long now, long requested,
			MemcachedExpiry expiry) {
		long tat = (state != null) ? Math.max(now, Long.parseLong(MemcachedCalls.ascii(state).trim())) : now;
		long next = tat + requested * this.interval;
		if (next - now > this.capacity) {
			// Never negative, even when another instance's clock ran ahead of this one's.
			long remaining = Math.max(0, (this.capacity - (tat - now)) / this.interval);
			Duration retryAfter = Duration.ofNanos(next - this.capacity - now);
			return CasUpdate.Outcome.readOnly(new RateLimitDecision(false, remaining, retryAfter));
		}
		long remaining = (this.capacity - (next - now)) / this.interval;
		RateLimitDecision allowed = new RateLimitDecision(true, remaining, Duration.ZERO);
		int exp = expiry.of(Duration.ofNanos(next - now).plusSeconds(1));
		return CasUpdate.Outcome.write(allowed, MemcachedCalls.ascii(Long.toString(next)), exp);
	}

}

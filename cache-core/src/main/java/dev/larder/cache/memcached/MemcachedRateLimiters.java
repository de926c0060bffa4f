package dev.larder.cache.memcached;

import java.time.InstantSource;
import java.time.Instant;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import org.jspecify.annotations.Nullable;

/**
 * Rate limiters in Memcached: each key's state is one small value, updated with
 * {@code gets}/{@code cas} (see {@link CasUpdate}), so decisions are exact however many
 * threads and instances share the pool. State expires with Memcached's ttl once it no
 * longer matters (a full bucket, an empty window), so idle keys cost nothing.
 *
 * <p>
 * Why not {@code incr}: a counter per fixed window is exact for fixed windows only; a
 * token bucket and a sliding window need a time-stamped state, which only {@code cas} can
 * update atomically in Memcached.
 *
 * <p>
 * <b>Clocks.</b> Memcached has no server clock a client can read, so the time is each
 * application instance's own clock. Instances sharing a limiter should keep their clocks
 * in sync (NTP): a clock {@code d} ahead of the others sees a bucket refilled, or a
 * window slid, by {@code d} more. The clock can be replaced, e.g. by a fixed one in
 * tests.
 */
final class MemcachedRateLimiters implements RateLimiters {

	private final MemcachedCalls memcached;

	private final StructureKeys keys;

	private final MemcachedExpiry expiry;

	private final InstantSource clock;

	private final int maxItemSize;

	MemcachedRateLimiters(MemcachedCalls memcached, StructureKeys keys, MemcachedExpiry expiry, InstantSource clock,
			int maxItemSize) {
		this.memcached = memcached;
		this.keys = keys;
		this.expiry = expiry;
		this.clock = clock;
		this.maxItemSize = maxItemSize;
	}

	@Override
	public RateLimiter limiter(String name, RateLimit limit) {
		this.keys.rateLimit(name, "");
		return switch (limit.algorithm()) {
			case TOKEN_BUCKET -> new Limiter(name, limit, new GcraState(limit));
			case SLIDING_WINDOW -> new Limiter(name, limit, new WindowLogState(limit, this.maxItemSize));
		};
	}

	private long nowNanos() {
		Instant now = this.clock.instant();
		return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
	}

	/** One algorithm's decision over its encoded state. */
	interface Algorithm {

		/**
		 * @param state the key's encoded state, {@code null} when it has none (new or
		 * expired)
		 */
		CasUpdate.Outcome<RateLimitDecision> decide(byte @Nullable [] state, long now, long permits,
				MemcachedExpiry expiry);

	}

	private final class Limiter implements RateLimiter {

		private final String name;

		private final RateLimit limit;

		private final Algorithm algorithm;

		Limiter(String name, RateLimit limit, Algorithm algorithm) {
			this.name = name;
			this.limit = limit;
			this.algorithm = algorithm;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public RateLimit limit() {
			return this.limit;
		}

		@Override
		public RateLimitDecision tryAcquire(String key, long permits) {
			if (permits <= 0 || permits > this.limit.permits()) {
				throw new IllegalArgumentException("Rate limiter '" + this.name + "' allows " + this.limit.permits()
						+ " permits per " + this.limit.period() + "; " + permits + " can never be granted");
			}
			String stateKey = MemcachedKeys.legal(MemcachedRateLimiters.this.keys.rateLimit(this.name, key));
			return CasUpdate.apply(MemcachedRateLimiters.this.memcached, stateKey,
					(state) -> this.algorithm.decide(state, nowNanos(), permits, MemcachedRateLimiters.this.expiry));
		}

	}

}

package dev.larder.autoconfigure.structure;

import java.time.Duration;
import java.util.Optional;

import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimiter;

/**
 * A rate limiter and a lock that report each decision and attempt to the
 * {@link StructureMeters}, tagged with the backend that carries them.
 */
final class MeteredStructures {

	private MeteredStructures() {
	}

	record MeteredRateLimiter(RateLimiter limiter, String backend, StructureMeters meters) implements RateLimiter {

		@Override
		public String name() {
			return this.limiter.name();
		}

		@Override
		public RateLimit limit() {
			return this.limiter.limit();
		}

		@Override
		public RateLimitDecision tryAcquire(String key, long permits) {
			RateLimitDecision decision = this.limiter.tryAcquire(key, permits);
			this.meters.rateLimitDecision(this.backend, name(), decision.allowed());
			return decision;
		}

	}

	record MeteredLock(DistributedLock lock, String backend, StructureMeters meters) implements DistributedLock {

		@Override
		public String name() {
			return this.lock.name();
		}

		@Override
		public Optional<LockHandle> tryAcquire(Duration wait, Duration lease) {
			return counted(this.lock.tryAcquire(wait, lease));
		}

		@Override
		public Optional<LockHandle> tryAcquireWithWatchdog(Duration wait, Duration lease) {
			return counted(this.lock.tryAcquireWithWatchdog(wait, lease));
		}

		@Override
		public boolean isLocked() {
			return this.lock.isLocked();
		}

		private Optional<LockHandle> counted(Optional<LockHandle> handle) {
			this.meters.lockAttempt(this.backend, name(), handle.isPresent());
			return handle;
		}

	}

}

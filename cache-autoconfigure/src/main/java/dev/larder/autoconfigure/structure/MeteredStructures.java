package dev.larder.autoconfigure.structure;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import dev.larder.cache.structure.ratelimit.RateLimiter;

/**
 * A rate limiter and a lock that report each decision and attempt to the
 * {@link StructureMeters}, and observe each as a {@link StructureObservations} (a span
 * per lock wait), tagged with the backend that carries them.
 */
final class MeteredStructures {

	private MeteredStructures() {
	}

	record MeteredRateLimiter(RateLimiter limiter, String backend, StructureMeters meters,
			StructureObservations observations) implements RateLimiter {

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
			RateLimitDecision decision = this.observations.observe("rate-limiter", this.backend, name(),
					() -> this.limiter.tryAcquire(key, permits), (made) -> made.allowed() ? "allowed" : "rejected");
			this.meters.rateLimitDecision(this.backend, name(), decision.allowed());
			return decision;
		}

	}

	record MeteredLock(DistributedLock lock, String backend, StructureMeters meters,
			StructureObservations observations) implements DistributedLock {

		@Override
		public String name() {
			return this.lock.name();
		}

		@Override
		public Optional<LockHandle> tryAcquire(Duration wait, Duration lease) {
			return counted(observed(() -> this.lock.tryAcquire(wait, lease)));
		}

		@Override
		public Optional<LockHandle> tryAcquireWithWatchdog(Duration wait, Duration lease) {
			return counted(observed(() -> this.lock.tryAcquireWithWatchdog(wait, lease)));
		}

		@Override
		public boolean isLocked() {
			return this.lock.isLocked();
		}

		private Optional<LockHandle> observed(Supplier<Optional<LockHandle>> acquire) {
			return this.observations.observe("lock", this.backend, name(), acquire,
					(handle) -> handle.isPresent() ? "acquired" : "not-acquired");
		}

		private Optional<LockHandle> counted(Optional<LockHandle> handle) {
			this.meters.lockAttempt(this.backend, name(), handle.isPresent());
			return handle;
		}

	}

}

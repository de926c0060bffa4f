package dev.larder.autoconfigure.structure;

import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;

/**
 * The structures beans: each asks the {@link StructuresSource} for its structure on every
 * handle it makes. A backend that cannot carry one (Memcached and sorted sets) still
 * hands out the handle, which throws the refusal, naming
 * {@code larder.structures.backend}, from every operation: never at startup, where the
 * same application may run on another backend, and not where a bean merely takes its
 * handle in a constructor.
 */
final class BackendStructures {

	private BackendStructures() {
	}

	static final class BackendSortedSets implements SortedSets {

		private final StructuresSource source;

		BackendSortedSets(StructuresSource source) {
			this.source = source;
		}

		@Override
		public ScoredSet<String> set(String name) {
			return set(name, String.class);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> ScoredSet<T> set(String name, Class<T> memberType) {
			SortedSets sortedSets;
			try {
				sortedSets = this.source.get("sorted sets", Structures::sortedSets);
			}
			catch (UnsupportedStructureException ex) {
				return RefusedStructure.handle(ScoredSet.class, name, ex);
			}
			return (memberType == String.class) ? (ScoredSet<T>) sortedSets.set(name)
					: sortedSets.set(name, memberType);
		}

	}

	static final class BackendLocks implements Locks {

		private final StructuresSource source;

		private final StructureMeters meters;

		private final StructureObservations observations;

		BackendLocks(StructuresSource source, StructureMeters meters, StructureObservations observations) {
			this.source = source;
			this.meters = meters;
			this.observations = observations;
		}

		@Override
		public DistributedLock lock(String name) {
			Locks locks;
			try {
				locks = this.source.get("locks", Structures::locks);
			}
			catch (UnsupportedStructureException ex) {
				return RefusedStructure.handle(DistributedLock.class, name, ex);
			}
			return new MeteredStructures.MeteredLock(locks.lock(name), this.source.backendType(), this.meters,
					this.observations);
		}

	}

	static final class BackendRateLimiters implements RateLimiters {

		private final StructuresSource source;

		private final StructureMeters meters;

		private final StructureObservations observations;

		BackendRateLimiters(StructuresSource source, StructureMeters meters, StructureObservations observations) {
			this.source = source;
			this.meters = meters;
			this.observations = observations;
		}

		@Override
		public RateLimiter limiter(String name, RateLimit limit) {
			RateLimiters rateLimiters;
			try {
				rateLimiters = this.source.get("rate limiters", Structures::rateLimiters);
			}
			catch (UnsupportedStructureException ex) {
				return RefusedStructure.handle(RateLimiter.class, name, ex);
			}
			return new MeteredStructures.MeteredRateLimiter(rateLimiters.limiter(name, limit),
					this.source.backendType(), this.meters, this.observations);
		}

	}

}

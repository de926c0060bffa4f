package dev.larder.autoconfigure.structure;

import java.util.function.Function;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The structures beans: each asks the active backend for its structure on every handle it
 * makes, so a backend that cannot carry one (Memcached and sorted sets) fails where the
 * structure is used, with the backend's message naming the backends that can, and never
 * at startup, where the same application may run on another backend.
 */
final class BackendStructures {

	private BackendStructures() {
	}

	private static <T> T from(ObjectProvider<CacheBackend> backend, Function<Structures, T> structure) {
		CacheBackend active = backend.getIfAvailable();
		if (active == null) {
			throw new IllegalStateException("No Larder backend is configured; check larder.backend and that "
					+ "Larder's auto-configuration is not excluded");
		}
		return structure.apply(active.structures());
	}

	static final class BackendSortedSets implements SortedSets {

		private final ObjectProvider<CacheBackend> backend;

		BackendSortedSets(ObjectProvider<CacheBackend> backend) {
			this.backend = backend;
		}

		@Override
		public ScoredSet<String> set(String name) {
			return from(this.backend, Structures::sortedSets).set(name);
		}

		@Override
		public <T> ScoredSet<T> set(String name, Class<T> memberType) {
			return from(this.backend, Structures::sortedSets).set(name, memberType);
		}

	}

	static final class BackendLocks implements Locks {

		private final ObjectProvider<CacheBackend> backend;

		BackendLocks(ObjectProvider<CacheBackend> backend) {
			this.backend = backend;
		}

		@Override
		public DistributedLock lock(String name) {
			return from(this.backend, Structures::locks).lock(name);
		}

	}

	static final class BackendRateLimiters implements RateLimiters {

		private final ObjectProvider<CacheBackend> backend;

		BackendRateLimiters(ObjectProvider<CacheBackend> backend) {
			this.backend = backend;
		}

		@Override
		public RateLimiter limiter(String name, RateLimit limit) {
			return from(this.backend, Structures::rateLimiters).limiter(name, limit);
		}

	}

}

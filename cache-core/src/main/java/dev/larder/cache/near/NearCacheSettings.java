package dev.larder.cache.near;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a cache keeps a near cache, and how big and how fresh it is. Immutable.
 *
 * @param enabled whether the cache has a near cache
 * @param maxSize the most entries the near cache holds (its memory bound); must be
 * positive
 * @param ttl how long a near entry lives at most; {@link Duration#ZERO} means only as
 * long as the backend's entry (a backend without reports of changed keys, Memcached,
 * needs a positive ttl: it is then the bound on how stale a near hit can be)
 */
public record NearCacheSettings(boolean enabled, long maxSize, Duration ttl) {

	/** The default bound on entries. */
	public static final long DEFAULT_MAX_SIZE = 10_000;

	private static final NearCacheSettings DISABLED = new NearCacheSettings(false, DEFAULT_MAX_SIZE, Duration.ZERO);

	public NearCacheSettings {
		Objects.requireNonNull(ttl, "ttl");
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("near cache ttl must not be negative, got " + ttl);
		}
		if (maxSize <= 0) {
			throw new IllegalArgumentException("near cache maxSize must be positive, got " + maxSize);
		}
	}

	/** No near cache. */
	public static NearCacheSettings disabled() {
		return DISABLED;
	}

	/**
	 * A near cache of {@value #DEFAULT_MAX_SIZE} entries, bounded by the backend's ttl.
	 */
	public static NearCacheSettings enabledWithDefaults() {
		return new NearCacheSettings(true, DEFAULT_MAX_SIZE, Duration.ZERO);
	}

	public NearCacheSettings withEnabled(boolean enabled) {
		return new NearCacheSettings(enabled, this.maxSize, this.ttl);
	}

	public NearCacheSettings withMaxSize(long maxSize) {
		return new NearCacheSettings(this.enabled, maxSize, this.ttl);
	}

	public NearCacheSettings withTtl(Duration ttl) {
		return new NearCacheSettings(this.enabled, this.maxSize, ttl);
	}

	public boolean expires() {
		return !this.ttl.isZero();
	}

}

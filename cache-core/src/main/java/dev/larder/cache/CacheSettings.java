package dev.larder.cache;

import java.time.Duration;
import java.util.Objects;

import dev.larder.cache.refresh.RefreshAhead;

/**
 * How one cache behaves: its time-to-live, how much that is spread, whether it stores
 * nulls and how many entries a bounded backend keeps. Immutable; the {@code with*}
 * methods return copies.
 *
 * @param ttl how long an entry lives; {@link Duration#ZERO} means until evicted
 * @param ttlJitter fraction of the ttl, between 0 and 1, by which each entry's ttl is
 * randomly shortened so that entries written together do not all expire together
 * @param allowNullValues whether a {@code null} result is cached (as a marker) or not
 * cached
 * @param maxSize the most entries a bounded backend (Caffeine) keeps; 0 means unbounded
 * @param refreshAhead when an entry read through a loader is reloaded in the background
 * before it expires; needs a ttl
 * @param staleIfError how long after its expiry an entry may still be served when its
 * reload fails; {@link Duration#ZERO} means never. Needs a ttl.
 */
public record CacheSettings(Duration ttl, double ttlJitter, boolean allowNullValues, long maxSize,
		RefreshAhead refreshAhead, Duration staleIfError) {

	private static final CacheSettings DEFAULTS = new CacheSettings(Duration.ZERO, 0, true, 0, RefreshAhead.OFF,
			Duration.ZERO);

	/** Settings without refresh-ahead or stale-if-error. */
	public CacheSettings(Duration ttl, double ttlJitter, boolean allowNullValues, long maxSize) {
		this(ttl, ttlJitter, allowNullValues, maxSize, RefreshAhead.OFF, Duration.ZERO);
	}

	public CacheSettings {
		Objects.requireNonNull(ttl, "ttl");
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("ttl must not be negative, got " + ttl);
		}
		if (!(ttlJitter >= 0 && ttlJitter <= 1)) {
			throw new IllegalArgumentException("ttlJitter must be between 0 and 1, got " + ttlJitter);
		}
		if (maxSize < 0) {
			throw new IllegalArgumentException("maxSize must not be negative, got " + maxSize);
		}
		Objects.requireNonNull(refreshAhead, "refreshAhead");
		Objects.requireNonNull(staleIfError, "staleIfError");
		if (staleIfError.isNegative()) {
			throw new IllegalArgumentException("staleIfError must not be negative, got " + staleIfError);
		}
	}

	/**
	 * No expiry, no jitter, nulls cached, unbounded: the defaults of Spring's own cache
	 * managers.
	 */
	public static CacheSettings defaults() {
		return DEFAULTS;
	}

	public CacheSettings withTtl(Duration ttl) {
		return new CacheSettings(ttl, this.ttlJitter, this.allowNullValues, this.maxSize, this.refreshAhead,
				this.staleIfError);
	}

	public CacheSettings withTtlJitter(double ttlJitter) {
		return new CacheSettings(this.ttl, ttlJitter, this.allowNullValues, this.maxSize, this.refreshAhead,
				this.staleIfError);
	}

	public CacheSettings withAllowNullValues(boolean allowNullValues) {
		return new CacheSettings(this.ttl, this.ttlJitter, allowNullValues, this.maxSize, this.refreshAhead,
				this.staleIfError);
	}

	public CacheSettings withMaxSize(long maxSize) {
		return new CacheSettings(this.ttl, this.ttlJitter, this.allowNullValues, maxSize, this.refreshAhead,
				this.staleIfError);
	}

	public CacheSettings withRefreshAhead(RefreshAhead refreshAhead) {
		return new CacheSettings(this.ttl, this.ttlJitter, this.allowNullValues, this.maxSize, refreshAhead,
				this.staleIfError);
	}

	public CacheSettings withStaleIfError(Duration staleIfError) {
		return new CacheSettings(this.ttl, this.ttlJitter, this.allowNullValues, this.maxSize, this.refreshAhead,
				staleIfError);
	}

	/**
	 * How long a backend keeps an entry: its ttl plus {@code staleIfError}, during which
	 * it is expired but may still be served when its reload fails; zero for no expiry.
	 * Backends that set an expiry per cache (Caffeine, the embedded size index) use this,
	 * not {@link #ttl()}.
	 */
	public Duration storeTtl() {
		return expires() ? this.ttl.plus(this.staleIfError) : Duration.ZERO;
	}

	public boolean expires() {
		return !this.ttl.isZero();
	}

	public boolean bounded() {
		return this.maxSize > 0;
	}

}

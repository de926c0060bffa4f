package dev.larder.autoconfigure;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.CaffeineSpec;
import dev.larder.cache.refresh.RefreshAhead;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;

/**
 * Checks of bound {@code larder.*} values. Each problem is reported against its field,
 * which Boot turns into the property name in the startup error, with a message saying
 * what is allowed.
 */
final class PropertyChecks {

	private final Errors errors;

	PropertyChecks(Errors errors) {
		this.errors = errors;
	}

	void ttl(String field, @Nullable Duration ttl) {
		if (ttl != null && ttl.isNegative()) {
			reject(field, "must be zero (no expiry) or positive, e.g. 10m or 30s");
		}
	}

	void jitter(String field, @Nullable Double jitter) {
		if (jitter != null && !(jitter >= 0 && jitter <= 1)) {
			reject(field, "must be a fraction of the ttl between 0 and 1 (0.1 = up to 10% shorter)");
		}
	}

	void maxSize(String field, @Nullable Long maxSize) {
		if (maxSize != null && maxSize < 0) {
			reject(field, "must be zero (unbounded) or positive");
		}
	}

	void nearCacheMaxSize(String field, @Nullable Long maxSize) {
		if (maxSize != null && maxSize <= 0) {
			reject(field, "must be positive: it is the most entries the near cache keeps (to have none, set "
					+ "near-cache.enabled=false)");
		}
	}

	void refreshAhead(String field, @Nullable String refreshAhead) {
		if (refreshAhead == null) {
			return;
		}
		try {
			RefreshAhead.parse(refreshAhead);
		}
		catch (IllegalArgumentException ex) {
			reject(field,
					"must be a fraction of the ttl such as 0.8 or 80% (entries read in the last 20% of "
							+ "their ttl are reloaded in the background), xfetch or xfetch:<beta> (probabilistic early "
							+ "expiration), or off");
		}
	}

	void staleIfError(String field, @Nullable Duration staleIfError) {
		if (staleIfError != null && staleIfError.isNegative()) {
			reject(field, "must be zero (never serve stale) or positive, e.g. 5m");
		}
	}

	/**
	 * Refresh-ahead and stale-if-error work on expiring entries: set on a cache that
	 * never expires they would silently do nothing.
	 */
	void needsTtl(String field, @Nullable Object setting, Duration ttl, String ttlField) {
		boolean on = (setting instanceof Duration duration) ? !duration.isZero() && !duration.isNegative()
				: (setting instanceof String text) && isRefreshAhead(text);
		if (on && ttl.isZero()) {
			reject(field, "needs a ttl: set " + propertyName(ttlField) + " (or larder.default-ttl)");
		}
	}

	private static boolean isRefreshAhead(String text) {
		try {
			return RefreshAhead.parse(text).enabled();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	void caffeineSpec(String field, @Nullable String spec) {
		if (spec == null || spec.isBlank()
				|| !ClassUtils.isPresent("com.github.benmanes.caffeine.cache.CaffeineSpec", null)) {
			return;
		}
		String problem = CaffeineSpecCheck.problem(spec);
		if (problem != null) {
			reject(field, "is not a valid Caffeine spec (comma-separated options such as "
					+ "maximumSize=10000,expireAfterWrite=10m): " + problem);
		}
	}

	private void reject(String field, String message) {
		this.errors.rejectValue(field, "larder.invalid", propertyName(field) + " " + message);
	}

	/**
	 * {@code caches[products].ttlJitter} is set as
	 * {@code larder.caches.products.ttl-jitter}.
	 */
	static String propertyName(String field) {
		String dotted = field.replaceAll("\\[([^\\]]*)\\]", ".$1");
		return "larder." + dotted.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	/** Kept apart so that the checks load without Caffeine on the classpath. */
	private static final class CaffeineSpecCheck {

		static @Nullable String problem(String spec) {
			try {
				CaffeineSpec.parse(spec);
				return null;
			}
			catch (IllegalArgumentException ex) {
				return ex.getMessage();
			}
		}

	}

}

package dev.larder.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Larder's configuration, under {@code larder.*}.
 *
 * <p>
 * Boot validates the bound values through {@link #validate}, so a bad one fails startup
 * with an error that names the property, its value and what is allowed.
 */
@ConfigurationProperties("larder")
public class LarderProperties implements Validator {

	/**
	 * Where cached values live: embedded (a Redis-compatible engine in this JVM), redis,
	 * memcached or caffeine (local, by reference).
	 */
	private Backend backend = Backend.EMBEDDED;

	/**
	 * Prefix of every key a remote backend stores; a key reads as the prefix, the cache
	 * name, '::' and the entry's key (app1:products::42).
	 */
	private String keyPrefix = "";

	/**
	 * Time-to-live of entries in caches without a ttl of their own. Zero or unset: no
	 * expiry.
	 */
	private Duration defaultTtl = Duration.ZERO;

	/**
	 * Fraction (0 to 1) by which each entry's ttl is randomly shortened, so that entries
	 * written together do not expire together. 0.1 spreads expiry over the last 10% of
	 * the ttl.
	 */
	private double defaultTtlJitter = 0;

	/**
	 * Refresh-ahead for caches with a ttl and without a setting of their own: off, a
	 * fraction of the ttl after which a read through @Cacheable(sync = true) reloads the
	 * entry in the background (0.8 or 80%), or xfetch / xfetch:<beta> for probabilistic
	 * early expiration.
	 */
	private String defaultRefreshAhead = "off";

	/**
	 * How long after its expiry an entry may still be served when reloading it fails, for
	 * caches with a ttl and without a setting of their own. Zero: never.
	 */
	private Duration defaultStaleIfError = Duration.ZERO;

	/**
	 * Whether null results are cached (as a marker) in caches without a setting of their
	 * own.
	 */
	private boolean nullValues = true;

	/**
	 * Whether a backend failure is treated as a cache miss (logged, counted) instead of
	 * failing the call.
	 */
	private boolean failOpen = true;

	/**
	 * Whether caches count hits, misses, puts, evictions, removals and loads, which the
	 * cache metrics publish. Off saves a counter update per call on local caches.
	 */
	private boolean statistics = true;

	/**
	 * Names of the only caches to create, at startup. Unset: caches are created on first
	 * use.
	 */
	private List<String> cacheNames = new ArrayList<>();

	/**
	 * Settings of individual caches, by cache name; unset values fall back to the
	 * defaults.
	 */
	private Map<String, CacheSpec> caches = new LinkedHashMap<>();

	private final NearCache nearCache = new NearCache();

	private final Caffeine caffeine = new Caffeine();

	private final Serialization serialization = new Serialization();

	private final Structures structures = new Structures();

	private final Observations observations = new Observations();

	public Backend getBackend() {
		return this.backend;
	}

	public void setBackend(Backend backend) {
		this.backend = backend;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(@Nullable String keyPrefix) {
		this.keyPrefix = (keyPrefix != null) ? keyPrefix : "";
	}

	public Duration getDefaultTtl() {
		return this.defaultTtl;
	}

	public void setDefaultTtl(@Nullable Duration defaultTtl) {
		this.defaultTtl = (defaultTtl != null) ? defaultTtl : Duration.ZERO;
	}

	public double getDefaultTtlJitter() {
		return this.defaultTtlJitter;
	}

	public void setDefaultTtlJitter(double defaultTtlJitter) {
		this.defaultTtlJitter = defaultTtlJitter;
	}

	public String getDefaultRefreshAhead() {
		return this.defaultRefreshAhead;
	}

	public void setDefaultRefreshAhead(@Nullable String defaultRefreshAhead) {
		this.defaultRefreshAhead = (defaultRefreshAhead != null) ? defaultRefreshAhead : "off";
	}

	public Duration getDefaultStaleIfError() {
		return this.defaultStaleIfError;
	}

	public void setDefaultStaleIfError(@Nullable Duration defaultStaleIfError) {
		this.defaultStaleIfError = (defaultStaleIfError != null) ? defaultStaleIfError : Duration.ZERO;
	}

	public boolean isNullValues() {
		return this.nullValues;
	}

	public void setNullValues(boolean nullValues) {
		this.nullValues = nullValues;
	}

	public boolean isFailOpen() {
		return this.failOpen;
	}

	public void setFailOpen(boolean failOpen) {
		this.failOpen = failOpen;
	}

	public boolean isStatistics() {
		return this.statistics;
	}

	public void setStatistics(boolean statistics) {
		this.statistics = statistics;
	}

	public List<String> getCacheNames() {
		return this.cacheNames;
	}

	public void setCacheNames(List<String> cacheNames) {
		this.cacheNames = cacheNames;
	}

	public Map<String, CacheSpec> getCaches() {
		return this.caches;
	}

	public void setCaches(Map<String, CacheSpec> caches) {
		this.caches = caches;
	}

	public NearCache getNearCache() {
		return this.nearCache;
	}

	public Caffeine getCaffeine() {
		return this.caffeine;
	}

	public Serialization getSerialization() {
		return this.serialization;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Structures getStructures() {
		return this.structures;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LarderProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PropertyChecks checks = new PropertyChecks(errors);
		LarderProperties properties = (LarderProperties) target;
		checks.ttl("defaultTtl", properties.getDefaultTtl());
		checks.jitter("defaultTtlJitter", properties.getDefaultTtlJitter());
		checks.refreshAhead("defaultRefreshAhead", properties.getDefaultRefreshAhead());
		checks.staleIfError("defaultStaleIfError", properties.getDefaultStaleIfError());
		properties.getCaches().forEach((name, spec) -> {
			String path = "caches[" + name + "].";
			checks.ttl(path + "ttl", spec.getTtl());
			checks.jitter(path + "ttlJitter", spec.getTtlJitter());
			checks.maxSize(path + "maxSize", spec.getMaxSize());
			checks.nearCacheMaxSize(path + "nearCache.maxSize", spec.getNearCache().getMaxSize());
			checks.ttl(path + "nearCache.ttl", spec.getNearCache().getTtl());
			checks.refreshAhead(path + "refreshAhead", spec.getRefreshAhead());
			checks.staleIfError(path + "staleIfError", spec.getStaleIfError());
			Duration ttl = (spec.getTtl() != null) ? spec.getTtl() : properties.getDefaultTtl();
			checks.needsTtl(path + "refreshAhead", spec.getRefreshAhead(), ttl, path + "ttl");
			checks.needsTtl(path + "staleIfError", spec.getStaleIfError(), ttl, path + "ttl");
		});
		checks.nearCacheMaxSize("nearCache.maxSize", properties.getNearCache().getMaxSize());
		checks.ttl("nearCache.ttl", properties.getNearCache().getTtl());
		checks.caffeineSpec("caffeine.spec", properties.getCaffeine().getSpec());
	}

	/**
	 * Settings of one cache. Each unset value falls back to the corresponding default.
	 */
	public static class CacheSpec {

		/**
		 * Time-to-live of this cache's entries. Zero: no expiry.
		 */
		private @Nullable Duration ttl;

		/**
		 * Fraction (0 to 1) by which each entry's ttl is randomly shortened.
		 */
		private @Nullable Double ttlJitter;

		/**
		 * Whether null results are cached.
		 */
		private @Nullable Boolean nullValues;

		/**
		 * Most entries kept, on Caffeine and the embedded engine (Redis and Memcached
		 * bound memory, not entries). Zero: unbounded.
		 */
		private @Nullable Long maxSize;

		/**
		 * Near cache of this cache; unset values fall back to larder.near-cache.*.
		 */
		private final NearCacheSpec nearCache = new NearCacheSpec();

		public NearCacheSpec getNearCache() {
			return this.nearCache;

		}

		/**
		 * Reload entries in the background before they expire, when read through a loader
		 * (@Cacheable(sync = true), including CompletableFuture, Mono and Flux methods):
		 * a fraction of the ttl after which a read schedules the reload (0.8 or 80%),
		 * xfetch (probabilistic early expiration, beta 1) or xfetch:<beta>, or off. One
		 * instance reloads, through a short lock in the backend. Needs a ttl.
		 */
		private @Nullable String refreshAhead;

		/**
		 * How long after its expiry an entry may still be served when reloading it fails
		 * (the method throws), read through @Cacheable(sync = true). Entries stay this
		 * much longer in the backend. Zero: never. Needs a ttl.
		 */
		private @Nullable Duration staleIfError;

		public @Nullable String getRefreshAhead() {
			return this.refreshAhead;
		}

		public void setRefreshAhead(@Nullable String refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		public @Nullable Duration getStaleIfError() {
			return this.staleIfError;
		}

		public void setStaleIfError(@Nullable Duration staleIfError) {
			this.staleIfError = staleIfError;
		}

		public @Nullable Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(@Nullable Duration ttl) {
			this.ttl = ttl;
		}

		public @Nullable Double getTtlJitter() {
			return this.ttlJitter;
		}

		public void setTtlJitter(@Nullable Double ttlJitter) {
			this.ttlJitter = ttlJitter;
		}

		public @Nullable Boolean getNullValues() {
			return this.nullValues;
		}

		public void setNullValues(@Nullable Boolean nullValues) {
			this.nullValues = nullValues;
		}

		public @Nullable Long getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(@Nullable Long maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * The near cache: an in-process level of deserialized values in front of a remote or
	 * embedded backend, kept exact by the backend's reports of changed keys.
	 */
	public static class NearCache {

		/**
		 * Whether caches keep a near cache. Unset: on for the embedded backend (which
		 * reports every change to a key in-process), off for redis and memcached. On
		 * memcached, which reports nothing, a near cache needs a ttl. Ignored for
		 * caffeine, whose values already live in this JVM.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Most entries a cache's near cache keeps: its memory bound.
		 */
		private Long maxSize = 10_000L;

		/**
		 * Longest a near entry lives. Zero or unset: as long as the backend's entry, and
		 * until the backend reports a change. Required on memcached, where it bounds how
		 * stale a near hit can be.
		 */
		private Duration ttl = Duration.ZERO;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public Long getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(@Nullable Long maxSize) {
			this.maxSize = (maxSize != null) ? maxSize : 10_000L;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(@Nullable Duration ttl) {
			this.ttl = (ttl != null) ? ttl : Duration.ZERO;
		}

	}

	/**
	 * Near-cache settings of one cache; each unset value falls back to
	 * larder.near-cache.*.
	 */
	public static class NearCacheSpec {

		/**
		 * Whether this cache keeps a near cache.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Most entries this cache's near cache keeps.
		 */
		private @Nullable Long maxSize;

		/**
		 * Longest a near entry of this cache lives. Zero: as long as the backend's entry.
		 */
		private @Nullable Duration ttl;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Long getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(@Nullable Long maxSize) {
			this.maxSize = maxSize;
		}

		public @Nullable Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(@Nullable Duration ttl) {
			this.ttl = ttl;
		}

	}

	/**
	 * Where the structures (sorted sets, locks, rate limiters) live.
	 */
	public static class Structures {

		/**
		 * Backend that carries sorted sets, locks and rate limiters: embedded, redis,
		 * memcached or caffeine. Unset: the cache's backend (larder.backend). A backend
		 * other than the cache's is created for the structures alone, e.g. embedded or
		 * redis while caching in memcached.
		 */
		private @Nullable Backend backend;

		public @Nullable Backend getBackend() {
			return this.backend;
		}

		public void setBackend(@Nullable Backend backend) {
			this.backend = backend;
		}

	}

	/**
	 * Caffeine backend settings.
	 */
	public static class Caffeine {

		/**
		 * Caffeine spec applied to every cache, e.g. maximumSize=10000,recordStats. A
		 * cache's own max-size replaces the spec's size bound.
		 */
		private @Nullable String spec;

		/**
		 * Whether values are serialized on the way in and out, so callers get copies
		 * instead of the cached objects themselves.
		 */
		private boolean storeByValue = false;

		public @Nullable String getSpec() {
			return this.spec;
		}

		public void setSpec(@Nullable String spec) {
			this.spec = spec;
		}

		public boolean isStoreByValue() {
			return this.storeByValue;
		}

		public void setStoreByValue(boolean storeByValue) {
			this.storeByValue = storeByValue;
		}

	}

	/**
	 * How values are turned into bytes for backends that store bytes.
	 */
	/**
	 * Micrometer observations (a span per cache load, lock wait and rate-limit decision
	 * when tracing is on), made when the application has an ObservationRegistry.
	 */
	public static class Observations {

		/**
		 * Whether cache loads, lock waits and rate-limit decisions are observed.
		 */
		private boolean enabled = true;

		/**
		 * Whether every cache get is observed too, hits included. Off by default: it
		 * multiplies the cost of a hit (see docs/benchmarks.md).
		 */
		private boolean cacheGets;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isCacheGets() {
			return this.cacheGets;
		}

		public void setCacheGets(boolean cacheGets) {
			this.cacheGets = cacheGets;
		}

	}

	public static class Serialization {

		/**
		 * Format of stored values: json (safe by default) or jdk (Java serialization,
		 * opt-in).
		 */
		private Format format = Format.JSON;

		/**
		 * Packages whose types may be read back from cached bytes, in addition to the
		 * application's own packages and the JDK's value types.
		 */
		private List<String> allowedPackages = new ArrayList<>();

		public Format getFormat() {
			return this.format;
		}

		public void setFormat(Format format) {
			this.format = format;
		}

		public List<String> getAllowedPackages() {
			return this.allowedPackages;
		}

		public void setAllowedPackages(List<String> allowedPackages) {
			this.allowedPackages = allowedPackages;
		}

		/**
		 * Serialization formats.
		 */
		public enum Format {

			/** JSON carrying each value's type, checked against an allow-list. */
			JSON,

			/**
			 * Java serialization; needs Serializable values. Still checked against the
			 * allow-list.
			 */
			JDK

		}

	}

}

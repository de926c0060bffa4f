package dev.larder.cache.caffeine;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import dev.larder.cache.CacheSettings;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import org.jspecify.annotations.Nullable;

/**
 * Local caches in Caffeine, one Caffeine cache per Larder cache (as Spring's
 * {@code CaffeineCacheManager} does).
 *
 * <p>A Caffeine spec, if given, is the base of every cache; a cache's own {@code max-size}
 * replaces the spec's size bound, and its ttl is applied per entry. A spec that sets its own
 * expiry cannot be combined with a Larder ttl (Caffeine allows one expiry policy per cache), and
 * saying so at startup beats one of them being silently ignored.
 */
public final class CaffeineBackend implements CacheBackend {

	private static final String[] SIZE_OPTIONS = { "maximumSize", "maximumWeight" };

	private static final String[] EXPIRY_OPTIONS = { "expireAfterWrite", "expireAfterAccess" };

	private final @Nullable String spec;

	private final boolean storeByValue;

	/**
	 * @param spec a Caffeine spec such as {@code maximumSize=500,expireAfterWrite=10m}, or null
	 * @param storeByValue whether values are serialized (copies) instead of kept by reference
	 */
	public CaffeineBackend(@Nullable String spec, boolean storeByValue) {
		if (spec != null && !spec.isBlank()) {
			CaffeineSpec.parse(spec); // fail fast on a malformed spec
		}
		this.spec = (spec != null && !spec.isBlank()) ? spec.trim() : null;
		this.storeByValue = storeByValue;
	}

	/** Caffeine with no spec, storing references. */
	public CaffeineBackend() {
		this(null, false);
	}

	@Override
	public String type() {
		return "caffeine";
	}

	@Override
	public CacheStore createStore(StoreContext context) {
		String name = context.cacheName();
		CacheSettings settings = context.settings();
		Runnable evictionListener = context.evictionListener();
		String effectiveSpec = (settings.bounded()) ? withoutOptions(this.spec, SIZE_OPTIONS) : this.spec;
		if (settings.expires() && hasAnyOption(effectiveSpec, EXPIRY_OPTIONS)) {
			throw new IllegalStateException("Cache '" + name + "' has a ttl, but the Caffeine spec '" + this.spec
					+ "' sets its own expiry. Use one or the other: remove expireAfterWrite/expireAfterAccess "
					+ "from the spec, or drop the ttl.");
		}
		Caffeine<Object, Object> builder = (effectiveSpec != null) ? Caffeine.from(effectiveSpec) : Caffeine.newBuilder();
		if (settings.bounded()) {
			builder.maximumSize(settings.maxSize());
		}
		boolean variableExpiry = settings.expires() && settings.ttlJitter() > 0;
		if (variableExpiry) {
			builder.expireAfter(new PerEntryExpiry(settings.ttl()));
		}
		else if (settings.expires()) {
			builder.expireAfterWrite(settings.ttl());
		}
		builder.evictionListener((key, value, cause) -> evictionListener.run());
		Cache<Object, Object> cache = builder.build();
		return variableExpiry ? new VariableExpiryCaffeineStore(cache) : new CaffeineStore(cache);
	}

	@Override
	public boolean storesReferences() {
		return !this.storeByValue;
	}

	@Override
	public boolean requiresStringKeys() {
		return false;
	}

	public @Nullable String getSpec() {
		return this.spec;
	}

	private static @Nullable String withoutOptions(@Nullable String spec, String[] options) {
		if (spec == null) {
			return null;
		}
		String kept = Arrays.stream(spec.split(","))
			.filter((option) -> !isOneOf(option, options))
			.collect(Collectors.joining(","));
		return kept.isBlank() ? null : kept;
	}

	private static boolean hasAnyOption(@Nullable String spec, String[] options) {
		return spec != null && Arrays.stream(spec.split(",")).anyMatch((option) -> isOneOf(option, options));
	}

	private static boolean isOneOf(String option, String[] names) {
		String key = option.split("=", 2)[0].trim();
		return Arrays.asList(names).contains(key);
	}

	/** Expiry for entries written through {@code put(key, value, ttl)}; others get the cache's ttl. */
	private record PerEntryExpiry(Duration ttl) implements com.github.benmanes.caffeine.cache.Expiry<Object, Object> {

		@Override
		public long expireAfterCreate(Object key, Object value, long currentTime) {
			return this.ttl.toNanos();
		}

		@Override
		public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
			return this.ttl.toNanos();
		}

		@Override
		public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}

package dev.larder.cache.caffeine;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import dev.larder.cache.CacheSettings;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.UnsupportedStructureException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Local caches in Caffeine, one Caffeine cache per Larder cache (as Spring's
 * {@code CaffeineCacheManager} does).
 *
 * <p>
 * A Caffeine spec, if given, is the base of every cache; a cache's own {@code max-size}
 * replaces the spec's size bound, and its ttl is applied per entry. A spec that sets its
 * own expiry cannot be combined with a Larder ttl (Caffeine allows one expiry policy per
 * cache), and saying so at startup beats one of them being silently ignored.
 *
 * <p>
 * {@link #structures() Structures} (sorted sets, locks, rate limiters) live in a private
 * in-process engine started on first use: they are local to this JVM, like the caches, so
 * a lock excludes only this instance's threads and a rate limit counts only this
 * instance's requests.
 */
public final class CaffeineBackend implements CacheBackend {

	private static final String[] SIZE_OPTIONS = { "maximumSize", "maximumWeight" };

	private static final String[] EXPIRY_OPTIONS = { "expireAfterWrite", "expireAfterAccess" };

	private final @Nullable String spec;

	private final boolean storeByValue;

	private final StructureSettings structureSettings;

	private final BiConsumer<String, Caffeine<Object, Object>> builderCustomizer;

	private @Nullable LocalEngineStructures structures;

	private boolean closed;

	/**
	 * @param spec a Caffeine spec such as {@code maximumSize=500,expireAfterWrite=10m},
	 * or null
	 * @param storeByValue whether values are serialized (copies) instead of kept by
	 * reference
	 */
	public CaffeineBackend(@Nullable String spec, boolean storeByValue) {
		this(spec, storeByValue, StructureSettings.defaults());
	}

	/**
	 * @param spec a Caffeine spec such as {@code maximumSize=500,expireAfterWrite=10m},
	 * or null
	 * @param storeByValue whether values are serialized (copies) instead of kept by
	 * reference
	 * @param structureSettings key prefix and member serializer of the sorted sets, locks
	 * and rate limiters
	 */
	public CaffeineBackend(@Nullable String spec, boolean storeByValue, StructureSettings structureSettings) {
		this(spec, storeByValue, structureSettings, (name, builder) -> {
		});
	}

	/**
	 * @param spec a Caffeine spec such as {@code maximumSize=500,expireAfterWrite=10m},
	 * or null
	 * @param storeByValue whether values are serialized (copies) instead of kept by
	 * reference
	 * @param structureSettings key prefix and member serializer of the sorted sets, locks
	 * and rate limiters
	 * @param builderCustomizer given each cache's name and Caffeine builder after the
	 * spec, size bound, expiry and eviction listener are set, before the cache is built
	 */
	public CaffeineBackend(@Nullable String spec, boolean storeByValue, StructureSettings structureSettings,
			BiConsumer<String, Caffeine<Object, Object>> builderCustomizer) {
		if (spec != null && !spec.isBlank()) {
			CaffeineSpec.parse(spec); // fail fast on a malformed spec
		}
		this.spec = (spec != null && !spec.isBlank()) ? spec.trim() : null;
		this.storeByValue = storeByValue;
		this.structureSettings = structureSettings;
		this.builderCustomizer = builderCustomizer;
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
		Caffeine<Object, Object> builder = (effectiveSpec != null) ? Caffeine.from(effectiveSpec)
				: Caffeine.newBuilder();
		if (settings.bounded()) {
			builder.maximumSize(settings.maxSize());
		}
		boolean variableExpiry = settings.expires() && settings.ttlJitter() > 0;
		// storeTtl: the ttl plus stale-if-error, for which expired entries are kept to be
		// served when their reload fails.
		if (variableExpiry) {
			builder.expireAfter(new PerEntryExpiry(settings.storeTtl()));
		}
		else if (settings.expires()) {
			builder.expireAfterWrite(settings.storeTtl());
		}
		builder.evictionListener((key, value, cause) -> evictionListener.run());
		this.builderCustomizer.accept(name, builder);
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

	/**
	 * Sorted sets, locks and rate limiters for this JVM only, in a private engine started
	 * on first call; needs {@code dev.larder:larder-cache-engine} on the classpath (the
	 * starter has it).
	 */
	@Override
	public synchronized Structures structures() {
		if (this.closed) {
			throw new IllegalStateException("The caffeine backend is closed");
		}
		if (this.structures == null) {
			if (!ClassUtils.isPresent("dev.larder.engine.Engine", CaffeineBackend.class.getClassLoader())) {
				throw new UnsupportedStructureException(
						"The caffeine backend keeps sorted sets, locks and rate limiters "
								+ "in Larder's local engine, which is not on the classpath: add the dependency "
								+ "dev.larder:larder-cache-engine (larder-spring-boot-starter includes it)");
			}
			this.structures = new LocalEngineStructures(this.structureSettings);
		}
		return this.structures.structures();
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.structures != null) {
			this.structures.close();
			this.structures = null;
		}
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

	/**
	 * Expiry for entries written through {@code put(key, value, ttl)}; others get the
	 * cache's ttl.
	 */
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

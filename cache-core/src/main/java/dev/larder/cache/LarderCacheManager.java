package dev.larder.cache;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.key.CacheKeyRenderer;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.near.NearCache;
import dev.larder.cache.near.NearCacheSettings;
import dev.larder.cache.observation.CacheObserver;
import dev.larder.cache.refresh.Freshness;
import dev.larder.cache.refresh.RefreshExecutor;
import dev.larder.cache.refresh.RefreshLock;
import dev.larder.cache.refresh.Refreshes;
import dev.larder.cache.serialization.ValueSerializer;
import dev.larder.cache.stats.CacheStatistics;
import dev.larder.cache.support.BackendFailureHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.CacheManager;
import org.springframework.util.ClassUtils;

/**
 * A {@link CacheManager} whose caches all live in one {@link CacheBackend}.
 *
 * <p>
 * Caches are created on first use with the default settings, or only from a fixed list of
 * names when dynamic creation is off (as {@code spring.cache.cache-names} does for Boot's
 * own managers). Per-cache settings override the defaults. Listeners hear of every cache
 * created, including those created at runtime, which is how metrics bind them.
 */
public class LarderCacheManager implements CacheManager, AutoCloseable {

	private static final String REFRESH_LOCK_SUFFIX = "\u0000refresh";

	private static final byte[] REFRESH_LOCK_VALUE = "refresh".getBytes(StandardCharsets.US_ASCII);

	private final CacheObserver observer;

	private final CacheBackend backend;

	private final CacheSettings defaultSettings;

	private final Map<String, CacheSettings> cacheSettings;

	private final NearCacheSettings defaultNearCache;

	private final Map<String, NearCacheSettings> nearCaches;

	private final List<KeyInvalidations.Registration> nearRegistrations = new CopyOnWriteArrayList<>();

	private final boolean dynamic;

	private final @Nullable ValueSerializer serializer;

	private final CacheKeyRenderer keyRenderer;

	private final boolean failOpen;

	private final boolean recordStatistics;

	private final InstantSource clock;

	/** Threads for refresh-ahead reloads; none start until a cache needs one. */
	private final RefreshExecutor refreshExecutor = new RefreshExecutor();

	private final List<Consumer<LarderCache>> creationListeners = new CopyOnWriteArrayList<>();

	private final ConcurrentMap<String, LarderCache> caches = new ConcurrentHashMap<>();

	private final Set<String> names = Collections.synchronizedSet(new LinkedHashSet<>());

	private LarderCacheManager(Builder builder) {
		this.backend = builder.backend;
		this.defaultSettings = builder.defaultSettings;
		this.cacheSettings = Map.copyOf(builder.cacheSettings);
		this.defaultNearCache = builder.defaultNearCache;
		this.nearCaches = Map.copyOf(builder.nearCaches);
		this.dynamic = builder.dynamic;
		this.serializer = builder.serializer;
		this.keyRenderer = new CacheKeyRenderer(builder.keyPrefix);
		this.failOpen = builder.failOpen;
		this.recordStatistics = builder.recordStatistics;
		this.clock = builder.clock;
		this.observer = builder.observer;
		this.creationListeners.addAll(builder.creationListeners);
		for (String name : builder.initialCacheNames) {
			getCache(name);
		}
	}

	public static Builder builder(CacheBackend backend) {
		return new Builder(backend);
	}

	@Override
	public @Nullable LarderCache getCache(String name) {
		LarderCache cache = this.caches.get(name);
		if (cache != null) {
			return cache;
		}
		if (!this.dynamic && !this.cacheSettings.containsKey(name)) {
			return null;
		}
		LarderCache[] created = new LarderCache[1];
		cache = this.caches.computeIfAbsent(name, (key) -> created[0] = createCache(key));
		if (created[0] == cache) {
			this.names.add(name);
			this.creationListeners.forEach((listener) -> listener.accept(created[0]));
		}
		return cache;
	}

	private LarderCache createCache(String name) {
		CacheSettings settings = settingsFor(name);
		CacheStatistics statistics = new CacheStatistics(this.recordStatistics);
		CacheStore store = this.backend.createStore(new StoreContext(name, this.keyRenderer.namespace(name), settings,
				statistics::recordEviction, statistics::recordSkippedWrite));
		Function<Object, Object> keyMapper = this.backend.requiresStringKeys()
				? (key) -> this.keyRenderer.render(name, key) : Function.identity();
		StoreValueCodec codec = this.backend.storesReferences() ? StoreValueCodec.byReference()
				: StoreValueCodec.serializing(Objects.requireNonNull(this.serializer,
						"build() refuses a backend that stores bytes without a serializer"));
		Freshness freshness = new Freshness(settings.refreshAhead(), settings.staleIfError(), this.clock);
		Refreshes refreshes = (settings.refreshAhead().enabled() && settings.expires())
				? new Refreshes(name, this.refreshExecutor, refreshLock(store, statistics)) : null;
		return new LarderCache(name, settings, store, keyMapper, codec, statistics,
				new BackendFailureHandler(this.failOpen), freshness, refreshes, nearCache(name, settings),
				this.observer);
	}

	/**
	 * The near cache of a cache, registered for the backend's reports of its namespace,
	 * or {@code null} when it has none. Local backends never have one: they already keep
	 * the values in this JVM.
	 */
	private @Nullable NearCache nearCache(String name, CacheSettings settings) {
		NearCacheSettings near = nearCacheSettingsFor(name);
		if (!near.enabled() || this.backend.storesReferences() || !this.backend.requiresStringKeys()) {
			return null;
		}
		if (!ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine",
				LarderCacheManager.class.getClassLoader())) {
			throw new IllegalStateException("Cache '" + name + "' has a near cache, which keeps its entries in "
					+ "Caffeine, and Caffeine is not on the classpath: add com.github.ben-manes.caffeine:caffeine "
					+ "(larder-spring-boot-starter includes it), or disable the near cache (larder.near-cache.enabled)");
		}
		KeyInvalidations reports = this.backend.keyInvalidations();
		if (reports == null && !near.expires()) {
			String redis = "redis".equals(this.backend.type())
					? " (Redis Cluster and reads from replicas are not tracked)" : "";
			throw new IllegalStateException("Cache '" + name + "' has a near cache, and the " + this.backend.type()
					+ " backend does not report changed keys" + redis
					+ ", so nothing would ever drop a stale near entry: give "
					+ "the near cache a short ttl (larder.caches." + name + ".near-cache.ttl or larder.near-cache.ttl),"
					+ " or disable it");
		}
		NearCache nearCache = new NearCache(near, reports, settings.ttl());
		if (reports != null) {
			this.nearRegistrations.add(reports.listen(this.keyRenderer.namespace(name), nearCache));
		}
		return nearCache;
	}

	/** The near-cache settings a cache of this name has, or would have if created now. */
	public NearCacheSettings nearCacheSettingsFor(String name) {
		return this.nearCaches.getOrDefault(name, this.defaultNearCache);
	}

	/**
	 * The lock that makes a refresh run once across instances: an entry beside the
	 * refreshed one, written if absent with a short ttl, in backends other instances
	 * share; nothing more than the reloads in flight for a local one. The NUL in its key
	 * keeps it apart from any key an application renders. A backend that fails here skips
	 * the refresh (the entry then loads on expiry), counted as an error.
	 */
	private RefreshLock refreshLock(CacheStore store, CacheStatistics statistics) {
		if (!this.backend.requiresStringKeys()) {
			return RefreshLock.LOCAL;
		}
		return (storeKey, ttl) -> {
			try {
				return store.putIfAbsent(storeKey + REFRESH_LOCK_SUFFIX, REFRESH_LOCK_VALUE.clone(), ttl) == null;
			}
			catch (RuntimeException ex) {
				statistics.recordError();
				return false;
			}
		};
	}

	/** The settings a cache of this name has, or would have if created now. */
	public CacheSettings settingsFor(String name) {
		return this.cacheSettings.getOrDefault(name, this.defaultSettings);
	}

	@Override
	public Collection<String> getCacheNames() {
		synchronized (this.names) {
			return List.copyOf(this.names);
		}
	}

	/** The caches created so far. */
	public Collection<LarderCache> getCaches() {
		return List.copyOf(this.caches.values());
	}

	/**
	 * Registers a listener for caches created from now on, and calls it at once for the
	 * caches that already exist.
	 */
	public void onCacheCreated(Consumer<LarderCache> listener) {
		this.creationListeners.add(listener);
		getCaches().forEach(listener);
	}

	public CacheBackend getBackend() {
		return this.backend;
	}

	/**
	 * The backend's own client, for what Larder does not wrap (see
	 * {@link CacheBackend#nativeClient()}).
	 */
	public @Nullable Object nativeClient() {
		return this.backend.nativeClient();
	}

	public boolean isDynamic() {
		return this.dynamic;
	}

	@Override
	public void close() {
		this.nearRegistrations.forEach(KeyInvalidations.Registration::close);
		this.refreshExecutor.close();
		this.backend.close();
	}

	/** Builds a {@link LarderCacheManager}. */
	public static final class Builder {

		private final CacheBackend backend;

		private CacheSettings defaultSettings = CacheSettings.defaults();

		private final Map<String, CacheSettings> cacheSettings = new LinkedHashMap<>();

		private NearCacheSettings defaultNearCache = NearCacheSettings.disabled();

		private final Map<String, NearCacheSettings> nearCaches = new LinkedHashMap<>();

		private final Set<String> initialCacheNames = new LinkedHashSet<>();

		private boolean dynamic = true;

		private @Nullable ValueSerializer serializer;

		private String keyPrefix = "";

		private boolean failOpen = true;

		private boolean recordStatistics = true;

		private InstantSource clock = InstantSource.system();

		private CacheObserver observer = CacheObserver.NONE;

		private final List<Consumer<LarderCache>> creationListeners = new ArrayList<>();

		private Builder(CacheBackend backend) {
			this.backend = Objects.requireNonNull(backend, "backend");
		}

		/** Settings for caches without settings of their own. */
		public Builder defaultSettings(CacheSettings settings) {
			this.defaultSettings = Objects.requireNonNull(settings, "settings");
			return this;
		}

		/** Settings for one cache; the cache is created at startup. */
		public Builder cache(String name, CacheSettings settings) {
			this.cacheSettings.put(name, Objects.requireNonNull(settings, "settings"));
			this.initialCacheNames.add(name);
			return this;
		}

		/**
		 * Fixes the set of caches: only these names (and those given settings) exist, and
		 * {@code getCache} answers {@code null} for any other. Without it caches are
		 * created on demand.
		 */
		public Builder fixedCacheNames(Collection<String> names) {
			for (String name : names) {
				this.cacheSettings.putIfAbsent(name, null);
				this.initialCacheNames.add(name);
			}
			this.dynamic = false;
			return this;
		}

		/**
		 * The near cache of caches without near-cache settings of their own; disabled
		 * unless set. Ignored on local backends (Caffeine), which need none.
		 */
		public Builder nearCache(NearCacheSettings settings) {
			this.defaultNearCache = Objects.requireNonNull(settings, "settings");
			return this;
		}

		/** The near cache of one cache. */
		public Builder nearCache(String name, NearCacheSettings settings) {
			this.nearCaches.put(name, Objects.requireNonNull(settings, "settings"));
			return this;
		}

		public Builder serializer(ValueSerializer serializer) {
			this.serializer = serializer;
			return this;
		}

		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = (keyPrefix != null) ? keyPrefix : "";
			return this;
		}

		/**
		 * Whether a backend failure is a miss ({@code true}, the default) or an
		 * exception.
		 */
		public Builder failOpen(boolean failOpen) {
			this.failOpen = failOpen;
			return this;
		}

		/**
		 * Whether caches count hits, misses, puts, evictions, removals and loads (on by
		 * default; the metrics read them). Errors and skipped writes are always counted.
		 */
		public Builder recordStatistics(boolean recordStatistics) {
			this.recordStatistics = recordStatistics;
			return this;
		}

		/**
		 * The wall clock logical expiries (refresh-ahead, stale-if-error) are written and
		 * read with; the system clock unless a test moves its own.
		 */
		public Builder clock(InstantSource clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Who observes each cache's loads (and gets, if it asks for them), e.g. as
		 * Micrometer observations; nobody unless set.
		 */
		public Builder observer(CacheObserver observer) {
			this.observer = Objects.requireNonNull(observer, "observer");
			return this;
		}

		/**
		 * The backend this builder's manager will use, for customizers that adapt to it.
		 */
		public CacheBackend backend() {
			return this.backend;
		}

		public Builder onCacheCreated(Consumer<LarderCache> listener) {
			this.creationListeners.add(listener);
			return this;
		}

		public LarderCacheManager build() {
			this.cacheSettings.replaceAll((name, settings) -> (settings != null) ? settings : this.defaultSettings);
			if (this.serializer == null && !this.backend.storesReferences()) {
				throw new IllegalStateException("The " + this.backend.type()
						+ " backend stores bytes, so the cache manager needs a ValueSerializer");
			}
			return new LarderCacheManager(this);
		}

	}

}

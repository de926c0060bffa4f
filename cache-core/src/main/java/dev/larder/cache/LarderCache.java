package dev.larder.cache;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.ComputingStore;
import dev.larder.cache.near.NearCache;
import dev.larder.cache.observation.CacheObserver;
import dev.larder.cache.refresh.Envelope;
import dev.larder.cache.refresh.Freshness;
import dev.larder.cache.refresh.Refreshes;
import dev.larder.cache.serialization.UntrustedTypeException;
import dev.larder.cache.stats.CacheStatistics;
import dev.larder.cache.support.BackendFailureHandler;
import dev.larder.cache.support.SingleFlight;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * Spring's {@link org.springframework.cache.Cache} contract, implemented once for every
 * backend: null handling, ttl policy, key mapping, single-flight loading, statistics and
 * the fail-open policy live here, and a {@link CacheStore} only stores.
 *
 * <p>
 * Semantics follow Spring's own caches: {@code get(key, Callable)} runs the loader once
 * per key however many threads ask (on every backend: inside the client's own atomic
 * compute where it has one, as Caffeine does, and through single-flight elsewhere),
 * {@code retrieve} supports {@code @Cacheable} on {@code CompletableFuture}, {@code Mono}
 * and {@code Flux} methods, and {@code putIfAbsent} is atomic in the backend.
 * Refresh-ahead and stale-if-error (see {@link Freshness}) apply where a loader is given:
 * {@code get(key, Callable)} and {@code retrieve(key, Supplier)}. One difference,
 * deliberately: when nulls are not allowed, a loader that returns {@code null} is
 * answered but not cached, instead of failing the call.
 */
public class LarderCache extends AbstractValueAdaptingCache {

	private final String name;

	private final CacheSettings settings;

	private final CacheStore store;

	private final Function<Object, Object> keyMapper;

	private final StoreValueCodec codec;

	private final TtlPolicy ttlPolicy;

	private final CacheStatistics statistics;

	private final BackendFailureHandler failures;

	private final SingleFlight loads = new SingleFlight();

	private final Freshness freshness;

	private final @Nullable Refreshes refreshes;

	/** Decoded entries in front of the store, kept exact by the backend's reports. */
	private final @Nullable NearCache near;

	private final CacheObserver observer;

	LarderCache(String name, CacheSettings settings, CacheStore store, Function<Object, Object> keyMapper,
			StoreValueCodec codec, CacheStatistics statistics, BackendFailureHandler failures) {
		this(name, settings, store, keyMapper, codec, statistics, failures, Freshness.off(), null, null,
				CacheObserver.NONE);
	}

	LarderCache(String name, CacheSettings settings, CacheStore store, Function<Object, Object> keyMapper,
			StoreValueCodec codec, CacheStatistics statistics, BackendFailureHandler failures, Freshness freshness,
			@Nullable Refreshes refreshes, @Nullable NearCache near, CacheObserver observer) {
		super(settings.allowNullValues());
		this.name = name;
		this.settings = settings;
		this.store = store;
		this.keyMapper = keyMapper;
		this.codec = codec;
		this.ttlPolicy = new TtlPolicy(settings);
		this.statistics = statistics;
		this.failures = failures;
		this.freshness = freshness;
		this.refreshes = refreshes;
		this.near = near;
		this.observer = observer;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Object getNativeCache() {
		return this.store.nativeStore();
	}

	public CacheSettings getSettings() {
		return this.settings;
	}

	public CacheStatistics getStatistics() {
		return this.statistics;
	}

	/** The near cache in front of the backend, or {@code null} when it has none. */
	public @Nullable NearCache getNearCache() {
		return this.near;
	}

	/** Entries in this cache, or -1 when the backend cannot count them cheaply. */
	public long estimatedSize() {
		try {
			return this.store.estimatedSize();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Background reloads (refresh-ahead) of this cache queued or running in this JVM; for
	 * tests and diagnostics.
	 */
	public int refreshesInFlight() {
		Refreshes refreshes = this.refreshes;
		return (refreshes != null) ? refreshes.inFlightCount() : 0;
	}

	@Override
	protected @Nullable Object lookup(Object key) {
		if (this.observer.observesGets()) {
			return this.observer.get(this.name, () -> lookupAndCount(key));
		}
		return lookupAndCount(key);
	}

	private @Nullable Object lookupAndCount(Object key) {
		Object entry = nearEntry(key);
		boolean fromNear = (entry != null);
		Object value = live(fromNear ? entry : findEntry(key));
		if (value != null) {
			countHit(fromNear);
		}
		else {
			countMiss();
		}
		return value;
	}

	/**
	 * The near cache's entry for a key, not counted, or {@code null}. A near entry whose
	 * logical ttl passed (kept to be served stale) stands for the backend's too: a change
	 * to the backend's would have dropped it.
	 */
	private @Nullable Object nearEntry(Object key) {
		NearCache near = this.near;
		return (near != null) ? near.get(key) : null;
	}

	/** A hit, answered by the near cache or by the backend after a near miss. */
	private void countHit(boolean fromNear) {
		if (fromNear) {
			this.statistics.recordNearHit();
			return;
		}
		if (this.near != null) {
			this.statistics.recordNearMiss();
		}
		this.statistics.recordHit();
	}

	private void countMiss() {
		if (this.near != null) {
			this.statistics.recordNearMiss();
		}
		this.statistics.recordMiss();
	}

	/**
	 * The live store value for a key (a value or {@link NullValue}), without counting it.
	 */
	private @Nullable Object find(Object key) {
		return live(findEntry(key));
	}

	/**
	 * The decoded entry for a key, without counting it: a store value, or an
	 * {@link Envelope} around one when the entry carries its logical expiry.
	 */
	private @Nullable Object findEntry(Object key) {
		Object storeKey;
		try {
			storeKey = this.keyMapper.apply(key);
		}
		catch (RuntimeException ex) {
			return failed("get", ex, null);
		}
		NearCache near = this.near;
		if (near != null) {
			return near.readThrough(key, (String) storeKey, this::findInStore, this.store::remainingTtlMillis);
		}
		return findInStore(storeKey);
	}

	private @Nullable Object findInStore(Object storeKey) {
		Object stored;
		try {
			stored = this.store.get(storeKey);
		}
		catch (RuntimeException ex) {
			return failed("get", ex, null);
		}
		return (stored != null) ? decode(stored) : null;
	}

	private @Nullable Object decode(Object stored) {
		try {
			Envelope envelope = Envelope.open(stored);
			return (envelope != null) ? envelope.withPayload(this.codec.decode(envelope.payload()))
					: this.codec.decode(stored);
		}
		catch (RuntimeException ex) {
			return failed("read of a cached value", ex, null);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Callable<T> loader) {
		Callable<T> valueLoader = this.observer.load(this.name, loader);
		Object entry = nearEntry(key);
		boolean fromNear = (entry != null);
		if (!fromNear) {
			entry = findEntry(key);
		}
		boolean absent = (entry == null);
		Envelope stale = null;
		if (entry instanceof Envelope envelope) {
			Freshness.State state = this.freshness.state(envelope);
			if (state == Freshness.State.REFRESH) {
				refreshInBackground(key, envelope, () -> reload(key, valueLoader));
			}
			stale = (state == Freshness.State.STALE) ? envelope : null;
			entry = (state == Freshness.State.FRESH || state == Freshness.State.REFRESH) ? envelope.payload() : null;
		}
		if (entry != null) {
			countHit(fromNear);
			return (T) fromStoreValue(entry);
		}
		countMiss();
		try {
			return (T) loadOnMiss(key, valueLoader, absent);
		}
		catch (ValueRetrievalException ex) {
			Envelope fallback = (stale != null) ? stale : outageCopy(key);
			if (fallback != null && this.freshness.servableStale(fallback)) {
				this.statistics.recordStale();
				return (T) fromStoreValue(fallback.payload());
			}
			throw ex;
		}
	}

	/**
	 * Loads a missing value once per key and stores it. An entry still in the store but
	 * expired is replaced by a put, not by the store's compute-if-absent, which would
	 * answer the expired entry.
	 */
	private @Nullable Object loadOnMiss(Object key, Callable<?> valueLoader, boolean absent) {
		if (absent && this.store instanceof ComputingStore computing) {
			return computeAndStore(computing, key, valueLoader);
		}
		try {
			return this.loads.load(key, () -> loadAndStore(key, valueLoader));
		}
		catch (CompletionException ex) {
			// We joined another caller's load: surface its failure as ours.
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw (cause instanceof ValueRetrievalException shared) ? shared
					: new ValueRetrievalException(key, valueLoader, cause);
		}
		catch (ValueRetrievalException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
	}

	private @Nullable Object loadAndStore(Object key, Callable<?> valueLoader) throws Exception {
		// Another caller may have stored the value between our miss and winning the load.
		Object raced = find(key);
		if (raced != null) {
			return fromStoreValue(raced);
		}
		long start = System.nanoTime();
		Object value;
		try {
			value = valueLoader.call();
		}
		catch (Exception ex) {
			this.statistics.recordLoad(false, System.nanoTime() - start);
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		long loadNanos = System.nanoTime() - start;
		this.statistics.recordLoad(true, loadNanos);
		storeLoaded(key, value, loadNanos);
		return value;
	}

	/**
	 * A background reload ahead of expiry through a synchronous loader: counted as a load
	 * and a refresh; a failure leaves the current entry to expire as usual.
	 */
	private CompletionStage<?> reload(Object key, Callable<?> valueLoader) {
		long start = System.nanoTime();
		Object value;
		try {
			value = valueLoader.call();
		}
		catch (Exception ex) {
			this.statistics.recordLoad(false, System.nanoTime() - start);
			this.statistics.recordRefresh(false);
			return CompletableFuture.completedFuture(null);
		}
		long loadNanos = System.nanoTime() - start;
		this.statistics.recordLoad(true, loadNanos);
		this.statistics.recordRefresh(true);
		storeLoaded(key, value, loadNanos);
		return CompletableFuture.completedFuture(null);
	}

	/** Schedules a reload of an entry that is due (refresh-ahead); never waits for it. */
	private void refreshInBackground(Object key, Envelope envelope, Refreshes.Reload reload) {
		Refreshes refreshes = this.refreshes;
		if (refreshes == null) {
			return;
		}
		try {
			refreshes.start(this.keyMapper.apply(key), this.freshness.lockTtl(envelope), reload);
		}
		catch (RuntimeException ex) {
			failed("refresh", ex, null);
		}
	}

	/**
	 * A miss on a store that computes atomically: the load runs inside the store's
	 * compute, which stores its encoded value. Unlike single-flight, callers waiting for
	 * a load that fails then run their own, one after another (Spring's Caffeine cache
	 * does the same).
	 */
	private @Nullable Object computeAndStore(ComputingStore computing, Object key, Callable<?> valueLoader) {
		Object stored;
		Duration ttl = this.ttlPolicy.nextTtl();
		try {
			stored = computing.computeIfAbsent(this.keyMapper.apply(key),
					(storeKey) -> loadToStore(key, valueLoader, ttl), this.freshness.storeTtl(ttl));
		}
		catch (ValueRetrievalException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// The store's own failure, such as Caffeine refusing a loader that writes the
			// key.
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		return (stored != null) ? fromStoreValue(payload(decode(stored))) : null;
	}

	/** Loads a value and encodes it for the store, or answers null to store nothing. */
	private @Nullable Object loadToStore(Object key, Callable<?> valueLoader, Duration ttl) {
		long start = System.nanoTime();
		Object value;
		try {
			value = valueLoader.call();
		}
		catch (Exception ex) {
			this.statistics.recordLoad(false, System.nanoTime() - start);
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		long loadNanos = System.nanoTime() - start;
		this.statistics.recordLoad(true, loadNanos);
		if (value == null && !isAllowNullValues()) {
			return null;
		}
		Object encoded = this.freshness.write(encode(value), ttl, loadNanos).value();
		this.statistics.recordPut();
		return encoded;
	}

	private void storeLoaded(Object key, @Nullable Object value, long loadNanos) {
		if (value != null || isAllowNullValues()) {
			put(key, value, loadNanos);
		}
	}

	/**
	 * The store value of an entry answered as a hit: an envelope's payload (a race may
	 * hand back an entry that carries its expiry), or the value itself.
	 */
	private static @Nullable Object payload(@Nullable Object decoded) {
		return (decoded instanceof Envelope envelope) ? envelope.payload() : decoded;
	}

	/**
	 * A decoded entry as a hit: the store value, or {@code null} for an envelope whose
	 * logical ttl has passed (it is only kept to be served stale).
	 */
	private @Nullable Object live(@Nullable Object decoded) {
		if (decoded instanceof Envelope envelope) {
			return this.freshness.live(envelope) ? envelope.payload() : null;
		}
		return decoded;
	}

	/**
	 * Never null (Spring's contract allows null for a cache that cannot retrieve
	 * asynchronously; every Larder cache can): completes with null on a miss.
	 */
	@Override
	public CompletableFuture<?> retrieve(Object key) {
		Object near = live(nearEntry(key));
		if (near != null) {
			countHit(true);
			return CompletableFuture.completedFuture(retrieved(near));
		}
		return findAsync(key).thenApply((entry) -> {
			Object storeValue = live(entry);
			if (storeValue == null) {
				countMiss();
				return null;
			}
			countHit(false);
			return retrieved(storeValue);
		});
	}

	private @Nullable Object retrieved(Object storeValue) {
		return isAllowNullValues() ? toValueWrapper(storeValue) : fromStoreValue(storeValue);
	}

	/**
	 * {@link #find} without blocking: completes with the store value, or null on a miss.
	 */
	private CompletableFuture<@Nullable Object> findAsync(Object key) {
		Object storeKey;
		try {
			storeKey = this.keyMapper.apply(key);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(failed("get", ex, null));
		}
		NearCache near = this.near;
		if (near != null) {
			return near.readThroughAsync(key, (String) storeKey, this::findInStoreAsync,
					this.store::remainingTtlMillisAsync);
		}
		return findInStoreAsync(storeKey);
	}

	private CompletableFuture<@Nullable Object> findInStoreAsync(Object storeKey) {
		CompletableFuture<@Nullable Object> stored;
		try {
			stored = this.store.getAsync(storeKey);
		}
		catch (RuntimeException ex) {
			stored = CompletableFuture.failedFuture(ex);
		}
		return stored.handle((value, ex) -> {
			if (ex != null) {
				return failed("get", asRuntimeException(ex), null);
			}
			return (value != null) ? decode(value) : null;
		});
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> loader) {
		Supplier<CompletableFuture<T>> valueLoader = this.observer.loadAsync(this.name, loader);
		Object near = nearEntry(key);
		if (near != null) {
			return (CompletableFuture<T>) answer(key, near, true, valueLoader);
		}
		return (CompletableFuture<T>) findAsync(key).thenCompose((found) -> answer(key, found, false, valueLoader));
	}

	/** The value to answer for an entry found (or not) by {@code retrieve}. */
	private <T> CompletableFuture<@Nullable Object> answer(Object key, @Nullable Object found, boolean fromNear,
			Supplier<CompletableFuture<T>> valueLoader) {
		Object entry = found;
		Envelope stale = null;
		if (entry instanceof Envelope envelope) {
			Freshness.State state = this.freshness.state(envelope);
			if (state == Freshness.State.REFRESH) {
				refreshInBackground(key, envelope, () -> reloadAsync(key, valueLoader));
			}
			stale = (state == Freshness.State.STALE) ? envelope : null;
			entry = (state == Freshness.State.FRESH || state == Freshness.State.REFRESH) ? envelope.payload() : null;
		}
		if (entry != null) {
			countHit(fromNear);
			return CompletableFuture.<@Nullable Object>completedFuture(fromStoreValue(entry));
		}
		countMiss();
		CompletableFuture<@Nullable Object> loaded = this.loads.loadAsync(key,
				() -> loadAsyncAndStore(key, valueLoader));
		return orStale(key, loaded, stale);
	}

	/**
	 * A load that, if it fails, answers the expired value while stale-if-error allows.
	 */
	private CompletableFuture<@Nullable Object> orStale(Object key, CompletableFuture<@Nullable Object> loaded,
			@Nullable Envelope stale) {
		if (stale == null && this.near == null) {
			return loaded;
		}
		return loaded.exceptionallyCompose((ex) -> {
			Envelope fallback = (stale != null) ? stale : outageCopy(key);
			if (fallback == null || !this.freshness.servableStale(fallback)) {
				return CompletableFuture.failedFuture(ex);
			}
			this.statistics.recordStale();
			return CompletableFuture.completedFuture(fromStoreValue(fallback.payload()));
		});
	}

	/**
	 * The entry the near cache held when the backend's reports stopped, for
	 * stale-if-error while the backend cannot be reached: the backend's own expired copy
	 * is out of reach then.
	 */
	private @Nullable Envelope outageCopy(Object key) {
		NearCache near = this.near;
		return (near != null && near.outageCopy(key) instanceof Envelope envelope) ? envelope : null;
	}

	/**
	 * A background reload ahead of expiry through an asynchronous loader; completes when
	 * the new value is stored.
	 */
	private <T> CompletionStage<?> reloadAsync(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		long start = System.nanoTime();
		CompletableFuture<T> loaded;
		try {
			loaded = valueLoader.get();
		}
		catch (RuntimeException ex) {
			loaded = CompletableFuture.failedFuture(ex);
		}
		return loaded.handle((value, ex) -> {
			long loadNanos = System.nanoTime() - start;
			this.statistics.recordLoad(ex == null, loadNanos);
			this.statistics.recordRefresh(ex == null);
			if (ex != null) {
				return CompletableFuture.<Void>completedFuture(null);
			}
			return storeLoadedAsync(key, value, loadNanos);
		}).thenCompose((stored) -> stored);
	}

	/**
	 * Loads and stores without blocking: these continuations may run on a client's I/O
	 * thread, where a blocking call would wait for a reply only that thread can read.
	 */
	private <T> CompletableFuture<@Nullable Object> loadAsyncAndStore(Object key,
			Supplier<CompletableFuture<T>> valueLoader) {
		return findAsync(key).thenApply(this::live).thenCompose((raced) -> {
			if (raced != null) {
				// Another caller's load finished between our miss and winning this one.
				return CompletableFuture.completedFuture(fromStoreValue(raced));
			}
			long start = System.nanoTime();
			CompletableFuture<T> loaded;
			try {
				loaded = valueLoader.get();
			}
			catch (RuntimeException ex) {
				loaded = CompletableFuture.failedFuture(ex);
			}
			return loaded.whenComplete((value, ex) -> this.statistics.recordLoad(ex == null, System.nanoTime() - start))
				.thenCompose((value) -> storeLoadedAsync(key, value, System.nanoTime() - start)
					.thenApply((stored) -> value));
		});
	}

	private CompletableFuture<Void> storeLoadedAsync(Object key, @Nullable Object value, long loadNanos) {
		if (value == null && !isAllowNullValues()) {
			return CompletableFuture.completedFuture(null);
		}
		Freshness.Write write = this.freshness.write(encode(value), this.ttlPolicy.nextTtl(), loadNanos);
		CompletableFuture<Void> written;
		try {
			written = this.store.putAsync(this.keyMapper.apply(key), write.value(), write.ttl());
		}
		catch (RuntimeException ex) {
			written = CompletableFuture.failedFuture(ex);
		}
		return written.handle((ignored, ex) -> {
			forgetNear(key);
			if (ex != null) {
				return failed("put", asRuntimeException(ex), null);
			}
			this.statistics.recordPut();
			return null;
		});
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		put(key, value, 0);
	}

	private void put(Object key, @Nullable Object value, long loadNanos) {
		Freshness.Write write = this.freshness.write(encode(value), this.ttlPolicy.nextTtl(), loadNanos);
		try {
			this.store.put(this.keyMapper.apply(key), write.value(), write.ttl());
			this.statistics.recordPut();
		}
		catch (RuntimeException ex) {
			failed("put", ex, null);
		}
		finally {
			forgetNear(key);
		}
	}

	/**
	 * Drops a key's near entry after a write through this cache. The backend's own report
	 * does the same where it has reports; this is for backends without them. The next
	 * read fills the near cache from the backend.
	 */
	private void forgetNear(Object key) {
		NearCache near = this.near;
		if (near != null) {
			near.invalidateKey(key);
		}
	}

	@Override
	public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		Freshness.Write write = this.freshness.write(encode(value), this.ttlPolicy.nextTtl(), 0);
		Object existing;
		try {
			existing = this.store.putIfAbsent(this.keyMapper.apply(key), write.value(), write.ttl());
		}
		catch (RuntimeException ex) {
			return failed("putIfAbsent", ex, null);
		}
		finally {
			forgetNear(key);
		}
		if (existing == null) {
			this.statistics.recordPut();
			return null;
		}
		Object decoded = decode(existing);
		if (decoded instanceof Envelope envelope && !this.freshness.live(envelope)) {
			// Only kept to be served stale: for putIfAbsent the key is absent. Not atomic
			// with the attempt above, so a racing writer's value may be replaced.
			put(key, value);
			return null;
		}
		decoded = payload(decoded);
		return (decoded != null) ? toValueWrapper(decoded) : null;
	}

	/**
	 * Encodes a value for the store. Serialization problems are the application's (a type
	 * that cannot be written, or is not allowed), so they are thrown, not swallowed as
	 * backend errors.
	 */
	private Object encode(@Nullable Object value) {
		return this.codec.encode(toStoreValue(value));
	}

	@Override
	public void evict(Object key) {
		evictIfPresent(key);
	}

	@Override
	public boolean evictIfPresent(Object key) {
		try {
			boolean removed = this.store.delete(this.keyMapper.apply(key));
			if (removed) {
				this.statistics.recordRemoval();
			}
			return removed;
		}
		catch (RuntimeException ex) {
			return failed("evict", ex, false);
		}
		finally {
			forgetNear(key);
		}
	}

	@Override
	public void clear() {
		invalidate();
	}

	@Override
	public boolean invalidate() {
		long size = estimatedSize();
		try {
			this.store.clear();
			return size > 0;
		}
		catch (RuntimeException ex) {
			return failed("clear", ex, false);
		}
		finally {
			// after the backend's clear: a fill that read before it fails (NearCache)
			NearCache near = this.near;
			if (near != null) {
				near.invalidateAll();
			}
		}
	}

	/** Counts a backend failure, then rethrows it or answers the fail-open fallback. */
	private <T extends @Nullable Object> T failed(String operation, RuntimeException failure, T fallback) {
		this.statistics.recordError();
		if (failure instanceof UntrustedTypeException) {
			// A refused type is a configuration problem that a miss would only hide.
			throw failure;
		}
		this.failures.handle(this.name, operation, failure);
		return fallback;
	}

	private static RuntimeException asRuntimeException(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		return (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
	}

	@Override
	public String toString() {
		return "LarderCache[" + this.name + ", " + this.settings + "]";
	}

}

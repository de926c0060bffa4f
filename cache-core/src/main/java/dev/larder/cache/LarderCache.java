package dev.larder.cache;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.ComputingStore;
import dev.larder.cache.near.NearCache;
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
 * and {@code Flux} methods, and {@code putIfAbsent} is atomic in the backend. One
 * difference, deliberately: when nulls are not allowed, a loader that returns
 * {@code null} is answered but not cached, instead of failing the call.
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

	/** Decoded values in front of the store, kept exact by the backend's reports. */
	private final @Nullable NearCache near;

	LarderCache(String name, CacheSettings settings, CacheStore store, Function<Object, Object> keyMapper,
			StoreValueCodec codec, CacheStatistics statistics, BackendFailureHandler failures,
			@Nullable NearCache near) {
		super(settings.allowNullValues());
		this.name = name;
		this.settings = settings;
		this.store = store;
		this.keyMapper = keyMapper;
		this.codec = codec;
		this.ttlPolicy = new TtlPolicy(settings);
		this.statistics = statistics;
		this.failures = failures;
		this.near = near;
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

	@Override
	protected @Nullable Object lookup(Object key) {
		Object near = findNear(key);
		if (near != null) {
			return near;
		}
		Object value = find(key);
		if (value != null) {
			this.statistics.recordHit();
		}
		else {
			this.statistics.recordMiss();
		}
		return value;
	}

	/** A near-cache hit, counted as a hit, or {@code null} (counted as a near miss). */
	private @Nullable Object findNear(Object key) {
		NearCache near = this.near;
		if (near == null) {
			return null;
		}
		Object value = near.get(key);
		if (value != null) {
			this.statistics.recordNearHit();
		}
		else {
			this.statistics.recordNearMiss();
		}
		return value;
	}

	/**
	 * The store value for a key (a value or {@link NullValue}), without counting it; kept
	 * by the near cache when there is one.
	 */
	private @Nullable Object find(Object key) {
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
			return this.codec.decode(stored);
		}
		catch (RuntimeException ex) {
			return failed("read of a cached value", ex, null);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		Object found = lookup(key);
		if (found != null) {
			return (T) fromStoreValue(found);
		}
		if (this.store instanceof ComputingStore computing) {
			return (T) computeAndStore(computing, key, valueLoader);
		}
		try {
			return (T) this.loads.load(key, () -> loadAndStore(key, valueLoader));
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
		this.statistics.recordLoad(true, System.nanoTime() - start);
		storeLoaded(key, value);
		return value;
	}

	/**
	 * A miss on a store that computes atomically: the load runs inside the store's
	 * compute, which stores its encoded value. Unlike single-flight, callers waiting for
	 * a load that fails then run their own, one after another (Spring's Caffeine cache
	 * does the same).
	 */
	private @Nullable Object computeAndStore(ComputingStore computing, Object key, Callable<?> valueLoader) {
		Object stored;
		try {
			stored = computing.computeIfAbsent(this.keyMapper.apply(key), (storeKey) -> loadToStore(key, valueLoader),
					this.ttlPolicy.nextTtl());
		}
		catch (ValueRetrievalException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// The store's own failure, such as Caffeine refusing a loader that writes the
			// key.
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		return (stored != null) ? fromStoreValue(decode(stored)) : null;
	}

	/** Loads a value and encodes it for the store, or answers null to store nothing. */
	private @Nullable Object loadToStore(Object key, Callable<?> valueLoader) {
		long start = System.nanoTime();
		Object value;
		try {
			value = valueLoader.call();
		}
		catch (Exception ex) {
			this.statistics.recordLoad(false, System.nanoTime() - start);
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		this.statistics.recordLoad(true, System.nanoTime() - start);
		if (value == null && !isAllowNullValues()) {
			return null;
		}
		Object encoded = encode(value);
		this.statistics.recordPut();
		return encoded;
	}

	private void storeLoaded(Object key, @Nullable Object value) {
		if (value != null || isAllowNullValues()) {
			put(key, value);
		}
	}

	/**
	 * Never null (Spring's contract allows null for a cache that cannot retrieve
	 * asynchronously; every Larder cache can): completes with null on a miss.
	 */
	@Override
	public CompletableFuture<?> retrieve(Object key) {
		Object near = findNear(key);
		if (near != null) {
			return CompletableFuture.completedFuture(retrieved(near));
		}
		return findAsync(key).thenApply((storeValue) -> {
			if (storeValue == null) {
				this.statistics.recordMiss();
				return null;
			}
			this.statistics.recordHit();
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
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		CompletableFuture<?> cached = retrieve(key);
		return (CompletableFuture<T>) cached.thenCompose((found) -> {
			if (found != null) {
				Object value = (found instanceof ValueWrapper wrapper) ? wrapper.get() : found;
				return CompletableFuture.completedFuture(value);
			}
			return this.loads.loadAsync(key, () -> loadAsyncAndStore(key, valueLoader));
		});
	}

	/**
	 * Loads and stores without blocking: these continuations may run on a client's I/O
	 * thread, where a blocking call would wait for a reply only that thread can read.
	 */
	private <T> CompletableFuture<@Nullable Object> loadAsyncAndStore(Object key,
			Supplier<CompletableFuture<T>> valueLoader) {
		return findAsync(key).thenCompose((raced) -> {
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
				.thenCompose((value) -> storeLoadedAsync(key, value).thenApply((stored) -> value));
		});
	}

	private CompletableFuture<Void> storeLoadedAsync(Object key, @Nullable Object value) {
		if (value == null && !isAllowNullValues()) {
			return CompletableFuture.completedFuture(null);
		}
		Object encoded = encode(value);
		CompletableFuture<Void> written;
		try {
			written = this.store.putAsync(this.keyMapper.apply(key), encoded, this.ttlPolicy.nextTtl());
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
		Object encoded = encode(value);
		try {
			this.store.put(this.keyMapper.apply(key), encoded, this.ttlPolicy.nextTtl());
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
		Object encoded = encode(value);
		Object existing;
		try {
			existing = this.store.putIfAbsent(this.keyMapper.apply(key), encoded, this.ttlPolicy.nextTtl());
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
			if (this.near != null) {
				this.near.invalidateAll();
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

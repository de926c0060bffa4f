package dev.larder.cache.observation;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What a cache tells about the work it does: each load (a miss that reached the loader)
 * and, where wanted, each get. The cache wraps the work in what the observer returns;
 * {@link #NONE} returns it unchanged, so an unobserved cache pays nothing.
 */
public interface CacheObserver {

	/** Observes nothing. */
	CacheObserver NONE = new CacheObserver() {

		@Override
		public <T> Callable<T> load(String cache, Callable<T> loader) {
			return loader;
		}

		@Override
		public <T> Supplier<CompletableFuture<T>> loadAsync(String cache, Supplier<CompletableFuture<T>> loader) {
			return loader;
		}

		@Override
		public boolean observesGets() {
			return false;
		}

		@Override
		public @Nullable Object get(String cache, Supplier<@Nullable Object> lookup) {
			return lookup.get();
		}

	};

	/** A loader whose call is observed. */
	<T> Callable<T> load(String cache, Callable<T> loader);

	/** An asynchronous loader whose run, until its future completes, is observed. */
	<T> Supplier<CompletableFuture<T>> loadAsync(String cache, Supplier<CompletableFuture<T>> loader);

	/**
	 * Whether gets are observed: a hit costs well under a microsecond, so an observation
	 * per hit is opt-in.
	 */
	boolean observesGets();

	/**
	 * Runs a lookup that answers the cached value or null, observed as a hit or a miss.
	 */
	@Nullable Object get(String cache, Supplier<@Nullable Object> lookup);

}

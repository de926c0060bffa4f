package dev.larder.cache.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs one load per key at a time: concurrent callers for a key that is already being
 * loaded wait for that load and share its result (or its failure) instead of loading
 * again. This is what keeps a cold key from stampeding the source of truth.
 */
public final class SingleFlight {

	private final ConcurrentMap<Object, CompletableFuture<@Nullable Object>> inFlight = new ConcurrentHashMap<>();

	/**
	 * Runs {@code load} on the calling thread unless a load of {@code key} is under way,
	 * in which case it waits for that one.
	 * @throws CompletionException wrapping the leader's failure, for callers that joined
	 * a load
	 */
	public @Nullable Object load(Object key, Loader load) throws Exception {
		CompletableFuture<@Nullable Object> mine = new CompletableFuture<>();
		CompletableFuture<@Nullable Object> leader = this.inFlight.putIfAbsent(key, mine);
		if (leader != null) {
			return leader.join();
		}
		try {
			Object value = load.load();
			mine.complete(value);
			return value;
		}
		catch (Throwable ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, mine);
		}
	}

	/**
	 * Starts {@code load} unless a load of {@code key} is under way, and returns the
	 * future of whichever load runs.
	 */
	public CompletableFuture<@Nullable Object> loadAsync(Object key, Supplier<? extends CompletableFuture<?>> load) {
		CompletableFuture<@Nullable Object> mine = new CompletableFuture<>();
		CompletableFuture<@Nullable Object> leader = this.inFlight.putIfAbsent(key, mine);
		if (leader != null) {
			return leader;
		}
		CompletableFuture<?> started;
		try {
			started = load.get();
		}
		catch (Throwable ex) {
			started = CompletableFuture.failedFuture(ex);
		}
		started.whenComplete((value, ex) -> {
			this.inFlight.remove(key, mine);
			if (ex != null) {
				mine.completeExceptionally(ex);
			}
			else {
				mine.complete(value);
			}
		});
		return mine;
	}

	/** Loads in flight right now; for tests and diagnostics. */
	public int inFlightCount() {
		return this.inFlight.size();
	}

	/** A load that may throw any exception. */
	@FunctionalInterface
	public interface Loader {

		@Nullable Object load() throws Exception;

	}

}

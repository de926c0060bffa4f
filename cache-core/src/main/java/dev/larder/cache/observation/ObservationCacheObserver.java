package dev.larder.cache.observation;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CacheObserver} over Micrometer's {@link ObservationRegistry}: one
 * {@code larder.cache} observation per load, and per get when {@code observeGets}, with
 * low-cardinality tags {@code cache}, {@code backend}, {@code operation}
 * ({@code load|get}) and {@code result} ({@code success|failure} for loads,
 * {@code hit|miss} for gets). Keys are never tags: they are unbounded.
 */
public final class ObservationCacheObserver implements CacheObserver {

	/** The observation's name, and the timer's that Micrometer derives from it. */
	public static final String NAME = "larder.cache";

	private final ObservationRegistry registry;

	private final String backend;

	private final boolean observeGets;

	public ObservationCacheObserver(ObservationRegistry registry, String backend, boolean observeGets) {
		this.registry = registry;
		this.backend = backend;
		this.observeGets = observeGets;
	}

	@Override
	@SuppressWarnings("try") // the scope is held for the call, so that spans started
								// inside it nest under this one
	public <T> Callable<T> load(String cache, Callable<T> loader) {
		return () -> {
			Observation observation = start(cache, "load");
			try (Observation.Scope scope = observation.openScope()) {
				T value = loader.call();
				observation.lowCardinalityKeyValue("result", "success");
				return value;
			}
			catch (Exception | Error ex) {
				observation.lowCardinalityKeyValue("result", "failure").error(ex);
				throw ex;
			}
			finally {
				observation.stop();
			}
		};
	}

	@Override
	@SuppressWarnings("try") // the scope is held for the call, so that spans started
								// inside it nest under this one
	public <T> Supplier<CompletableFuture<T>> loadAsync(String cache, Supplier<CompletableFuture<T>> loader) {
		return () -> {
			Observation observation = start(cache, "load");
			CompletableFuture<T> loaded;
			try (Observation.Scope scope = observation.openScope()) {
				loaded = loader.get();
			}
			catch (RuntimeException | Error ex) {
				observation.lowCardinalityKeyValue("result", "failure").error(ex).stop();
				throw ex;
			}
			return loaded.whenComplete((value, ex) -> {
				if (ex != null) {
					observation.lowCardinalityKeyValue("result", "failure").error(ex);
				}
				else {
					observation.lowCardinalityKeyValue("result", "success");
				}
				observation.stop();
			});
		};
	}

	@Override
	public boolean observesGets() {
		return this.observeGets;
	}

	@Override
	@SuppressWarnings("try") // the scope is held for the call, so that spans started
								// inside it nest under this one
	public @Nullable Object get(String cache, Supplier<@Nullable Object> lookup) {
		if (!this.observeGets) {
			return lookup.get();
		}
		Observation observation = start(cache, "get");
		try (Observation.Scope scope = observation.openScope()) {
			Object value = lookup.get();
			observation.lowCardinalityKeyValue("result", (value != null) ? "hit" : "miss");
			return value;
		}
		catch (RuntimeException | Error ex) {
			observation.lowCardinalityKeyValue("result", "failure").error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private Observation start(String cache, String operation) {
		return Observation.createNotStarted(NAME, this.registry)
			.contextualName("cache " + operation + " " + cache)
			.lowCardinalityKeyValue("cache", cache)
			.lowCardinalityKeyValue("backend", this.backend)
			.lowCardinalityKeyValue("operation", operation)
			.start();
	}

}

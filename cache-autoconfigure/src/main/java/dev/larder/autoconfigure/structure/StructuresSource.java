package dev.larder.autoconfigure.structure;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.UnsupportedStructureException;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the structures live: the backend of {@code larder.structures.backend} when it
 * differs from the cache's, the cache's backend otherwise. Asked on every handle made, so
 * that nothing is decided at startup. A structure the backend cannot carry is refused
 * with a message naming the property that moves the structures elsewhere.
 */
final class StructuresSource {

	static final String PROPERTY = "larder.structures.backend";

	private final ObjectProvider<SeparateStructuresBackend> separate;

	private final ObjectProvider<CacheBackend> cache;

	StructuresSource(ObjectProvider<SeparateStructuresBackend> separate, ObjectProvider<CacheBackend> cache) {
		this.separate = separate;
		this.cache = cache;
	}

	/**
	 * The kind of backend that carries the structures: its tag on the structure meters.
	 */
	String backendType() {
		SeparateStructuresBackend apart = this.separate.getIfAvailable();
		if (apart != null) {
			return apart.type();
		}
		CacheBackend backend = this.cache.getIfAvailable();
		return (backend != null) ? backend.type() : "none";
	}

	/**
	 * The structure, or the backend's refusal (an {@link UnsupportedStructureException}
	 * naming {@code larder.structures.backend}).
	 */
	<T> T get(String kind, Function<Structures, T> structure) {
		SeparateStructuresBackend apart = this.separate.getIfAvailable();
		if (apart != null) {
			return carried(apart.type(), PROPERTY, kind, apart::structures, structure);
		}
		CacheBackend backend = this.cache.getIfAvailable();
		if (backend == null) {
			throw new IllegalStateException("No Larder backend is configured; check larder.backend and that "
					+ "Larder's auto-configuration is not excluded");
		}
		return carried(backend.type(), "larder.backend", kind, backend::structures, structure);
	}

	private static <T> T carried(String type, String selectedBy, String kind, Supplier<Structures> structures,
			Function<Structures, T> structure) {
		try {
			return structure.apply(structures.get());
		}
		catch (UnsupportedStructureException ex) {
			UnsupportedStructureException refusal = new UnsupportedStructureException("The " + type + " backend ("
					+ selectedBy + ") carries no " + kind + ": " + ex.getMessage() + " To keep the structures in "
					+ "another backend while caching in this one, set " + PROPERTY + "=embedded (an engine in this "
					+ "JVM) or " + PROPERTY + "=redis (the Redis of larder.redis.*).");
			refusal.initCause(ex);
			throw refusal;
		}
	}

}

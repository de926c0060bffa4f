package dev.larder.cache.embedded;

import java.util.Map;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.script.ScriptedStructures;
import dev.larder.engine.Engine;

import org.springframework.util.ClassUtils;

/**
 * Caches in Larder's embedded Redis-compatible engine, called in-process on the caller's
 * thread: no socket, no event loop, no connection to lose. Entries are laid out exactly
 * as the Redis backend lays them out, so with the engine's port open {@code redis-cli}
 * shows them, and an application can move to a real Redis without changing a key.
 *
 * <p>
 * A cache with a {@code max-size} keeps a Caffeine index of its keys that deletes from
 * the engine what it evicts ({@link SizeBoundedStore}). Keys the engine evicts to stay
 * under its maxmemory are counted as evictions of the cache they belong to.
 */
public final class EmbeddedBackend implements CacheBackend {

	private final Engine engine;

	private final boolean ownsEngine;

	private final Structures structures;

	private final CacheEvictionRouter evictions = new CacheEvictionRouter();

	private final EngineKeyInvalidations invalidations;

	/**
	 * @param engine the engine to cache in
	 * @param ownsEngine whether closing the backend closes the engine
	 */
	public EmbeddedBackend(Engine engine, boolean ownsEngine) {
		this(engine, ownsEngine, StructureSettings.defaults());
	}

	/**
	 * @param engine the engine to cache in
	 * @param ownsEngine whether closing the backend closes the engine
	 * @param structureSettings key prefix and member serializer of the sorted sets, locks
	 * and rate limiters
	 */
	public EmbeddedBackend(Engine engine, boolean ownsEngine, StructureSettings structureSettings) {
		this.engine = engine;
		this.ownsEngine = ownsEngine;
		this.invalidations = new EngineKeyInvalidations(engine);
		this.structures = new ScriptedStructures(new EngineRespCommands(engine), structureSettings, type());
		engine.addEvictionListener(this.evictions);
	}

	@Override
	public String type() {
		return "embedded";
	}

	@Override
	public CacheStore createStore(StoreContext context) {
		EmbeddedStore store = new EmbeddedStore(this.engine, context.namespace());
		CacheSettings settings = context.settings();
		Runnable evictionListener = context.evictionListener();
		if (!settings.bounded()) {
			this.evictions.route(context.namespace(), (key) -> evictionListener.run());
			return store;
		}
		if (!ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine",
				EmbeddedBackend.class.getClassLoader())) {
			throw new IllegalStateException("Cache '" + context.cacheName() + "' has a max-size of "
					+ settings.maxSize() + ", which the embedded backend keeps with a Caffeine index of the "
					+ "cache's keys, and Caffeine is not on the classpath: add com.github.ben-manes.caffeine:caffeine "
					+ "(larder-spring-boot-starter includes it), or drop the max-size and let the engine's "
					+ "max-memory bound the cache");
		}
		SizeBoundedStore bounded = new SizeBoundedStore(store, settings, evictionListener);
		this.evictions.route(context.namespace(), bounded::evictedByEngine);
		return bounded;
	}

	@Override
	public boolean storesReferences() {
		return false;
	}

	@Override
	public boolean requiresStringKeys() {
		return true;
	}

	/**
	 * The {@link Engine}: {@code engine.execute("ZADD", ...)} runs any command
	 * in-process.
	 */
	@Override
	public Engine nativeClient() {
		return this.engine;
	}

	/**
	 * Sorted sets, locks and rate limiters in the engine: the same commands and scripts
	 * as on Redis, each atomic in-process. Shared with other processes only through the
	 * engine's port.
	 */
	@Override
	public Structures structures() {
		return this.structures;
	}

	/**
	 * The engine's own change feed: every change to a cache's key, from any source,
	 * reaches its near cache synchronously.
	 */
	@Override
	public KeyInvalidations keyInvalidations() {
		return this.invalidations;
	}

	@Override
	public BackendHealth health() {
		int port = this.engine.port();
		return BackendHealth.up(Map.of("backend", type(), "port", (port > 0) ? port : "none (in-process only)"));
	}

	@Override
	public void close() {
		this.evictions.close();
		this.invalidations.close();
		if (this.ownsEngine) {
			this.engine.close();
		}
	}

}

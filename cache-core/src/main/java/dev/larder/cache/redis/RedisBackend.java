package dev.larder.cache.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.script.ScriptedStructures;
import dev.larder.cache.support.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * Caches in Redis (standalone, Sentinel or Cluster) over one shared Lettuce connection,
 * which is thread-safe and pipelines concurrent callers, so no pool is needed.
 *
 * <p>
 * The connection is opened on first use, not at construction, so an application starts
 * while Redis is down (its cache calls are misses until Redis is back). A circuit breaker
 * shared by all caches of the backend stops every call from waiting on a dead server.
 *
 * <p>
 * Its {@link #structures() structures} are native sorted sets and one Lua script per lock
 * or rate-limiter operation, on the same connection; they do not go through the breaker,
 * since a lock or a limit that silently did nothing would be worse than an error.
 */
public final class RedisBackend implements CacheBackend {

	private final RedisConnector connector;

	private final CircuitBreaker breaker;

	private final Structures structures;

	private volatile @Nullable RedisHandle handle;

	public RedisBackend(RedisConnector connector) {
		this(connector, new CircuitBreaker(3, Duration.ofSeconds(1)));
	}

	public RedisBackend(RedisConnector connector, CircuitBreaker breaker) {
		this(connector, breaker, StructureSettings.defaults());
	}

	/**
	 * @param connector opens the connection
	 * @param breaker shared by every cache of the backend
	 * @param structureSettings key prefix and member serializer of the sorted sets, locks
	 * and rate limiters
	 */
	public RedisBackend(RedisConnector connector, CircuitBreaker breaker, StructureSettings structureSettings) {
		this.connector = connector;
		this.breaker = breaker;
		this.structures = new ScriptedStructures(new LettuceRespCommands(this::handle), structureSettings, type());
	}

	@Override
	public String type() {
		return "redis";
	}

	/**
	 * Opens the connection now, failing if Redis cannot be reached (for fail-closed
	 * startups).
	 */
	public void connect() {
		handle();
	}

	RedisHandle handle() {
		RedisHandle current = this.handle;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.handle == null) {
				this.handle = this.connector.connect();
			}
			return this.handle;
		}
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	@Override
	public CacheStore createStore(StoreContext context) {
		return new RedisStore(this, context.namespace());
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
	 * The Lettuce connection ({@code StatefulRedisConnection} or
	 * {@code StatefulRedisClusterConnection}).
	 */
	@Override
	public Object nativeClient() {
		return handle().connection();
	}

	/**
	 * Sorted sets, locks and rate limiters in this Redis, shared by every instance that
	 * uses it.
	 */
	@Override
	public Structures structures() {
		return this.structures;
	}

	@Override
	public BackendHealth health() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("backend", type());
		details.put("topology", this.connector.topology());
		details.put("nodes", this.connector.describe());
		try {
			long start = System.nanoTime();
			String pong = handle().sync().ping();
			details.put("pingLatencyMillis", (System.nanoTime() - start) / 1_000_000.0);
			details.put("ping", pong);
			return BackendHealth.up(details);
		}
		catch (RuntimeException ex) {
			return BackendHealth.down(details, ex);
		}
	}

	public String topology() {
		return this.connector.topology();
	}

	@Override
	public void close() {
		// Shutting the client down closes its connections.
		this.connector.close();
	}

}

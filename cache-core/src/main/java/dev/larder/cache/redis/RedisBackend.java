package dev.larder.cache.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.near.KeyInvalidations;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.script.ScriptedStructures;
import dev.larder.cache.support.CircuitBreaker;
import dev.larder.cache.support.FailFastCalls;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

/**
 * Caches in Redis (standalone, Sentinel or Cluster) over one shared Lettuce connection,
 * which is thread-safe and pipelines concurrent callers, so no pool is needed.
 *
 * <p>
 * The connection is opened on first use, not at construction, so an application starts
 * while Redis is down (its cache calls are misses until Redis is back). A circuit breaker
 * shared by all caches of the backend stops every call from waiting on a dead server, and
 * {@link FailFastCalls} bounds what a hung one costs: after a failure calls wait only the
 * fail-fast budget, and when the circuit opens the calls in flight are released. The
 * breaker's probe reopens a lost connection itself (see {@link RedisLink}), so the cache
 * is back within a probe interval of Redis.
 *
 * <p>
 * Its {@link #structures() structures} are native sorted sets and one Lua script per lock
 * or rate-limiter operation, on the same connection; they do not go through the breaker,
 * since a lock or a limit that silently did nothing would be worse than an error.
 */
public final class RedisBackend implements CacheBackend {

	/** How long a call may wait once Redis has failed, unless told otherwise. */
	public static final Duration DEFAULT_FAIL_FAST_TIMEOUT = Duration.ofMillis(250);

	private final RedisConnector connector;

	private final RedisLink link;

	private final FailFastCalls calls;

	private final Structures structures;

	private final @Nullable RedisKeyInvalidations keyInvalidations;

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
		this(connector, breaker, structureSettings, DEFAULT_FAIL_FAST_TIMEOUT);
	}

	/**
	 * @param connector opens the connection
	 * @param breaker shared by every cache of the backend
	 * @param structureSettings key prefix and member serializer of the sorted sets, locks
	 * and rate limiters
	 * @param failFastTimeout how long a cache call (and the breaker's probe, and a health
	 * check) waits once Redis has failed since its last success
	 */
	public RedisBackend(RedisConnector connector, CircuitBreaker breaker, StructureSettings structureSettings,
			Duration failFastTimeout) {
		this.connector = connector;
		this.link = new RedisLink(connector);
		this.calls = new FailFastCalls(type(), breaker, connector.commandTimeout(), failFastTimeout);
		this.structures = new ScriptedStructures(new LettuceRespCommands(this::handle), structureSettings, type());
		TrackingConnector tracking = connector.tracking();
		this.keyInvalidations = (tracking != null) ? new RedisKeyInvalidations(tracking) : null;
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
		return this.link.await();
	}

	CircuitBreaker breaker() {
		return this.calls.breaker();
	}

	/** Runs a cache command through the breaker, bounded by the call's budget. */
	<T extends @Nullable Object> CompletableFuture<T> callAsync(
			Function<RedisClusterAsyncCommands<String, byte[]>, CompletableFuture<T>> command) {
		return this.calls.callAsync((probe) -> this.link.acquire(probe).thenCompose((h) -> command.apply(h.async())));
	}

	/** {@link #callAsync} for blocking callers. */
	<T extends @Nullable Object> T call(
			Function<RedisClusterAsyncCommands<String, byte[]>, CompletableFuture<T>> command) {
		awaitFirstConnection();
		return this.calls.call((probe) -> this.link.acquire(probe).thenCompose((h) -> command.apply(h.async())));
	}

	/**
	 * Until the connection has been opened once, a blocking call waits for the connect
	 * (socket and handshake, as before Larder bounded calls), not only its own budget: a
	 * first TLS handshake on a cold JVM can take longer than a command. Callers share the
	 * one attempt; once the circuit is open only its probe connects.
	 */
	private void awaitFirstConnection() {
		if (this.link.current() != null || breaker().isOpen()) {
			return;
		}
		Duration budget = this.connector.connectTimeout().plus(this.connector.commandTimeout());
		try {
			this.link.acquire(false).get(budget.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The call itself fails (fast) and counts the failure.
		}
	}

	/**
	 * Runs blocking work on the connection through the breaker (for {@code clear}, a loop
	 * of commands each bounded by the client's timeout), on the caller's thread.
	 */
	<T extends @Nullable Object> T callBlocking(Function<RedisHandle, T> work) {
		return this.calls.call((probe) -> {
			RedisHandle handle = this.link.acquire(probe).join();
			return CompletableFuture.completedFuture(work.apply(handle));
		});
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

	/**
	 * A {@code PING}, answered within the fail-fast budget whatever state Redis is in: a
	 * hung server is reported down with the reason, not waited for. A lost connection is
	 * reopened first, and a successful check closes the circuit, so health and the cache
	 * both reflect a returning Redis at once.
	 */
	@Override
	public BackendHealth health() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("backend", type());
		details.put("topology", this.connector.topology());
		details.put("nodes", this.connector.describe());
		Duration budget = this.calls.failFastTimeout();
		long start = System.nanoTime();
		try {
			String pong = this.link.acquire(true)
				.thenCompose((h) -> h.async().ping().toCompletableFuture())
				.get(budget.toNanos(), TimeUnit.NANOSECONDS);
			details.put("pingLatencyMillis", (System.nanoTime() - start) / 1_000_000.0);
			details.put("ping", pong);
			breaker().recordSuccess();
			details.put("circuitBreaker", "closed");
			return BackendHealth.up(details);
		}
		catch (TimeoutException ex) {
			return down(details, new FailFastCalls.TimedOutException(type(), budget));
		}
		catch (ExecutionException ex) {
			return down(details, (ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return down(details, ex);
		}
	}

	private BackendHealth down(Map<String, Object> details, Throwable cause) {
		details.put("circuitBreaker", breaker().isOpen() ? "open" : "closed");
		return BackendHealth.down(details, cause);
	}

	public String topology() {
		return this.connector.topology();
	}

	/**
	 * Redis's reports of changed keys from {@code CLIENT TRACKING} in broadcasting mode
	 * on a connection of their own (see {@link RedisKeyInvalidations}), opened on the
	 * first {@link KeyInvalidations#listen listen}; {@code null} on a Cluster and when
	 * reads are served by replicas (see {@link RedisConnector#tracking()}), where a near
	 * cache can only expire its entries.
	 */
	@Override
	public @Nullable KeyInvalidations keyInvalidations() {
		return this.keyInvalidations;
	}

	@Override
	public void close() {
		if (this.keyInvalidations != null) {
			this.keyInvalidations.close();
		}
		// Shutting the client down closes its connections.
		this.connector.close();
	}

}

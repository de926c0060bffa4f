package dev.larder.cache.redis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

/**
 * The backend's one connection, opened on first use and restored by the circuit breaker's
 * probe.
 *
 * <p>
 * Lettuce reconnects a lost connection by itself, but on its own schedule (a back-off
 * between attempts). A probe that finds the connection down does not wait for that: it
 * opens a fresh connection at once and, when it is up, puts it in place of the lost one,
 * which it closes. So once Redis is back the cache is back by the next probe, however
 * long the outage and however far the back-off had grown.
 *
 * <p>
 * Only one connect runs at a time: callers that need the connection while it is being
 * opened share that attempt (each waiting no longer than its own budget) instead of
 * queueing on a lock.
 */
final class RedisLink {

	private final RedisConnector connector;

	private final Object lock = new Object();

	private volatile @Nullable RedisHandle handle;

	/** The connect under way, if any; guarded by {@link #lock}. */
	private @Nullable CompletableFuture<RedisHandle> connecting;

	RedisLink(RedisConnector connector) {
		this.connector = connector;
	}

	/**
	 * The connection for a call: the current one (whatever its state: Lettuce rejects
	 * commands at once while it is disconnected), or a connect under way when there is
	 * none yet. A probe gets a fresh connection when the current one is down.
	 */
	CompletableFuture<RedisHandle> acquire(boolean probe) {
		RedisHandle current = this.handle;
		if (current != null && (!probe || current.connection().isOpen())) {
			return CompletableFuture.completedFuture(current);
		}
		return replace(current);
	}

	/** The connection, opening it if needed; blocks until connected or failed. */
	RedisHandle await() {
		try {
			return acquire(false).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	/** The current connection, without opening one. */
	@Nullable RedisHandle current() {
		return this.handle;
	}

	/**
	 * Opens a connection to take the place of {@code stale} (null: none yet), or joins
	 * the connect already under way.
	 */
	private CompletableFuture<RedisHandle> replace(@Nullable RedisHandle stale) {
		CompletableFuture<RedisHandle> attempt;
		synchronized (this.lock) {
			RedisHandle current = this.handle;
			if (current != stale && current != null) {
				return CompletableFuture.completedFuture(current);
			}
			if (this.connecting != null) {
				return this.connecting;
			}
			attempt = this.connector.connectAsync();
			this.connecting = attempt;
		}
		attempt.whenComplete((fresh, ex) -> installed(attempt, stale, fresh));
		return attempt;
	}

	private void installed(CompletableFuture<RedisHandle> attempt, @Nullable RedisHandle stale,
			@Nullable RedisHandle fresh) {
		RedisHandle superseded = null;
		synchronized (this.lock) {
			if (this.connecting == attempt) {
				this.connecting = null;
			}
			if (fresh != null) {
				if (this.handle == stale) {
					this.handle = fresh;
					superseded = stale;
				}
				else {
					superseded = fresh;
				}
			}
		}
		if (superseded != null) {
			// Closing also stops Lettuce's reconnect attempts for the lost connection.
			superseded.connection().closeAsync();
		}
	}

}

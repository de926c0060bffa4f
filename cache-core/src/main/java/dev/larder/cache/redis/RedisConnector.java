package dev.larder.cache.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

/**
 * Opens the connection of one Redis topology. Connecting may fail (the server is down at
 * startup); the backend then retries on later calls.
 */
public interface RedisConnector extends AutoCloseable {

	/**
	 * Starts connecting; the future fails if Redis cannot be reached (bounded by the
	 * client's connect and command timeouts).
	 */
	CompletableFuture<RedisHandle> connectAsync();

	/** Connects; throws a runtime exception if Redis cannot be reached now. */
	default RedisHandle connect() {
		try {
			return connectAsync().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	/** How long a command may wait for its reply (the client's own timeout). */
	Duration commandTimeout();

	/** How long opening the socket may take (the handshake then takes commands). */
	default Duration connectTimeout() {
		return Duration.ofSeconds(10);
	}

	/** {@code standalone}, {@code sentinel} or {@code cluster}. */
	String topology();

	/** Addresses for health details, without credentials. */
	String describe();

	/**
	 * Opens connections for {@code CLIENT TRACKING}, or {@code null} where this topology
	 * cannot report changed keys exactly: a Cluster (a tracking connection would be
	 * needed on every master, following resharding and failover), or reads served by
	 * replicas (a read from a lagging replica could refill a near cache with a value the
	 * master has already invalidated).
	 */
	default @Nullable TrackingConnector tracking() {
		return null;
	}

	/** Shuts the client down. */
	@Override
	void close();

}

package dev.larder.cache.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Opens the connection on which {@link RedisKeyInvalidations} runs
 * {@code CLIENT TRACKING}: to the same server, with the same credentials, TLS, timeouts
 * and client name as the backend's data connection, but in RESP3 (invalidations arrive as
 * push messages, which RESP2 cannot carry on a connection that also answers commands),
 * reconnected by Lettuce after a loss and rejecting commands while disconnected (so no
 * command is replayed on a new connection behind the tracker's back).
 */
public interface TrackingConnector {

	/** Starts connecting; the future fails if Redis cannot be reached. */
	CompletableFuture<StatefulRedisConnection<String, String>> connectAsync();

	/** How long to wait before trying again after a failed connect or command. */
	Duration retryDelay();

	/** How long a tracking command, or a heartbeat's PING, may wait for its reply. */
	Duration commandTimeout();

	/**
	 * How often the tracking connection is checked with a {@code PING}: a connection that
	 * silently stopped carrying data (a network partition without a reset) is noticed
	 * within this interval plus {@link #commandTimeout()}.
	 */
	Duration heartbeatInterval();

}

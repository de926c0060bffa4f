package dev.larder.cache.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;

/**
 * {@link RedisConnector}s over Lettuce for each topology. Keys are UTF-8 strings, values
 * bytes.
 *
 * <p>
 * Lettuce reconnects a lost connection by itself, with an exponential back-off that by
 * default grows to 30 s: after a long outage the cache would stay bypassed for up to 30 s
 * after Redis is back. Larder caps the back-off ({@link #DEFAULT_MAX_RECONNECT_DELAY}
 * unless told otherwise), so a returning server is found within that cap; a failed
 * attempt against a server that is down costs one refused TCP connect.
 */
public final class LettuceConnectors {

	/** The longest wait between two reconnect attempts, unless told otherwise. */
	public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

	static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private LettuceConnectors() {
	}

	/**
	 * A standalone server, or the master that the Sentinels of {@code uri} name.
	 * @param readFrom replicas to read from (served through Lettuce's master/replica
	 * support), or null
	 */
	public static RedisConnector standalone(RedisURI uri, ClientOptions options, @Nullable ReadFrom readFrom) {
		return standalone(uri, options, readFrom, DEFAULT_MAX_RECONNECT_DELAY);
	}

	/**
	 * A standalone server, or the master that the Sentinels of {@code uri} name.
	 * @param readFrom replicas to read from (served through Lettuce's master/replica
	 * support), or null
	 * @param maxReconnectDelay the longest wait between two reconnect attempts
	 */
	public static RedisConnector standalone(RedisURI uri, ClientOptions options, @Nullable ReadFrom readFrom,
			Duration maxReconnectDelay) {
		ClientResources resources = resources(maxReconnectDelay);
		RedisClient client = RedisClient.create(resources);
		client.setOptions(options);
		String topology = uri.getSentinels().isEmpty() ? "standalone" : "sentinel";
		// Reads from replicas lag the master whose invalidations a tracker would hear.
		RedisClient trackingClient = (readFrom != null) ? null : RedisClient.create(resources);
		TrackingConnector tracking = null;
		if (trackingClient != null) {
			trackingClient.setOptions(trackingOptions(options));
			tracking = new LettuceTrackingConnector(trackingClient, uri, maxReconnectDelay);
		}
		return new LettuceConnector(topology, describe(uri), uri.getTimeout(),
				options.getSocketOptions().getConnectTimeout(), () -> {
					if (readFrom != null) {
						return MasterReplica.connectAsync(client, CODEC, uri).thenApply((connection) -> {
							connection.setReadFrom(readFrom);
							return new RedisHandle(connection, connection.sync(), connection.async());
						});
					}
					return client.connectAsync(CODEC, uri)
						.toCompletableFuture()
						.thenApply((StatefulRedisConnection<String, byte[]> connection) -> new RedisHandle(connection,
								connection.sync(), connection.async()));
				}, tracking, () -> {
					if (trackingClient != null) {
						trackingClient.shutdown();
					}
					client.shutdown();
					resources.shutdown();
				});
	}

	/**
	 * The data connection's options (TLS, socket, timeouts) for the tracking connection,
	 * but in RESP3, reconnecting by itself, rejecting commands while disconnected and
	 * never replaying on a new connection a command sent on the lost one (the tracker
	 * re-sends its tracking command itself, knowing which prefixes the new connection
	 * has).
	 */
	static ClientOptions trackingOptions(ClientOptions options) {
		return options.mutate()
			.protocolVersion(ProtocolVersion.RESP3)
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.replayFilter((command) -> true)
			.build();
	}

	/** A Redis Cluster reached through the given seed nodes. */
	public static RedisConnector cluster(List<RedisURI> seeds, ClusterClientOptions options,
			@Nullable ReadFrom readFrom) {
		return cluster(seeds, options, readFrom, DEFAULT_MAX_RECONNECT_DELAY);
	}

	/**
	 * A Redis Cluster reached through the given seed nodes.
	 * @param maxReconnectDelay the longest wait between two reconnect attempts to a node
	 */
	public static RedisConnector cluster(List<RedisURI> seeds, ClusterClientOptions options,
			@Nullable ReadFrom readFrom, Duration maxReconnectDelay) {
		ClientResources resources = resources(maxReconnectDelay);
		RedisClusterClient client = RedisClusterClient.create(resources, seeds);
		client.setOptions(options);
		String nodes = seeds.stream().map(LettuceConnectors::describe).collect(Collectors.joining(","));
		// connectAsync needs the topology loaded first (connect() loads it itself); a
		// reconnect after a whole-cluster outage gets a fresh one.
		return new LettuceConnector("cluster", nodes, seeds.get(0).getTimeout(),
				options.getSocketOptions().getConnectTimeout(),
				() -> client.refreshPartitionsAsync()
					.toCompletableFuture()
					.thenCompose((loaded) -> client.connectAsync(CODEC))
					.thenApply((StatefulRedisClusterConnection<String, byte[]> connection) -> {
						if (readFrom != null) {
							connection.setReadFrom(readFrom);
						}
						return new RedisHandle(connection, connection.sync(), connection.async());
					}),
				null, () -> {
					client.shutdown();
					resources.shutdown();
				});
	}

	/**
	 * Lettuce's default resources but for the reconnect delay: exponential from 1 ms,
	 * doubling, capped at {@code maxReconnectDelay}.
	 */
	private static ClientResources resources(Duration maxReconnectDelay) {
		if (maxReconnectDelay.isNegative() || maxReconnectDelay.isZero()) {
			throw new IllegalArgumentException("maxReconnectDelay must be positive, got " + maxReconnectDelay);
		}
		return DefaultClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ZERO, maxReconnectDelay, 2, TimeUnit.MILLISECONDS))
			.build();
	}

	private static String describe(RedisURI uri) {
		if (!uri.getSentinels().isEmpty()) {
			return uri.getSentinelMasterId() + "@"
					+ uri.getSentinels()
						.stream()
						.map((sentinel) -> sentinel.getHost() + ":" + sentinel.getPort())
						.collect(Collectors.joining(","));
		}
		return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
	}

	private record LettuceConnector(String topology, String describe, Duration commandTimeout, Duration connectTimeout,
			Connect opener, @Nullable TrackingConnector tracking, Runnable shutdown) implements RedisConnector {

		@Override
		public CompletableFuture<RedisHandle> connectAsync() {
			try {
				return this.opener.open();
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		@Override
		public void close() {
			this.shutdown.run();
		}

	}

	private record LettuceTrackingConnector(RedisClient client, RedisURI uri,
			Duration retryDelay) implements TrackingConnector {

		@Override
		public Duration commandTimeout() {
			return this.uri.getTimeout();
		}

		/** As often as Lettuce's reconnect attempts at most are apart. */
		@Override
		public Duration heartbeatInterval() {
			return this.retryDelay;
		}

		@Override
		public CompletableFuture<StatefulRedisConnection<String, String>> connectAsync() {
			try {
				return this.client.connectAsync(StringCodec.UTF8, this.uri).toCompletableFuture();
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

	}

	@FunctionalInterface
	private interface Connect {

		CompletableFuture<RedisHandle> open();

	}

}

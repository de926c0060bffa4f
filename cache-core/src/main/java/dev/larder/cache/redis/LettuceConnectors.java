package dev.larder.cache.redis;

import java.util.List;
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
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.jspecify.annotations.Nullable;

/**
 * {@link RedisConnector}s over Lettuce for each topology. Keys are UTF-8 strings, values
 * bytes.
 */
public final class LettuceConnectors {

	static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private LettuceConnectors() {
	}

	/**
	 * A standalone server, or the master that the Sentinels of {@code uri} name.
	 * @param readFrom replicas to read from (served through Lettuce's master/replica
	 * support), or null
	 */
	public static RedisConnector standalone(RedisURI uri, ClientOptions options, @Nullable ReadFrom readFrom) {
		ClientResources resources = DefaultClientResources.create();
		RedisClient client = RedisClient.create(resources);
		client.setOptions(options);
		String topology = uri.getSentinels().isEmpty() ? "standalone" : "sentinel";
		return new LettuceConnector(topology, describe(uri), () -> {
			if (readFrom != null) {
				StatefulRedisMasterReplicaConnection<String, byte[]> connection = MasterReplica.connect(client, CODEC,
						uri);
				connection.setReadFrom(readFrom);
				return new RedisHandle(connection, connection.sync(), connection.async());
			}
			StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC, uri);
			return new RedisHandle(connection, connection.sync(), connection.async());
		}, () -> {
			client.shutdown();
			resources.shutdown();
		});
	}

	/** A Redis Cluster reached through the given seed nodes. */
	public static RedisConnector cluster(List<RedisURI> seeds, ClusterClientOptions options,
			@Nullable ReadFrom readFrom) {
		ClientResources resources = DefaultClientResources.create();
		RedisClusterClient client = RedisClusterClient.create(resources, seeds);
		client.setOptions(options);
		String nodes = seeds.stream().map(LettuceConnectors::describe).collect(Collectors.joining(","));
		return new LettuceConnector("cluster", nodes, () -> {
			StatefulRedisClusterConnection<String, byte[]> connection = client.connect(CODEC);
			if (readFrom != null) {
				connection.setReadFrom(readFrom);
			}
			return new RedisHandle(connection, connection.sync(), connection.async());
		}, () -> {
			client.shutdown();
			resources.shutdown();
		});
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

	private record LettuceConnector(String topology, String describe, Connect opener,
			Runnable shutdown) implements RedisConnector {

		@Override
		public RedisHandle connect() {
			return this.opener.open();
		}

		@Override
		public void close() {
			this.shutdown.run();
		}

	}

	@FunctionalInterface
	private interface Connect {

		RedisHandle open();

	}

}

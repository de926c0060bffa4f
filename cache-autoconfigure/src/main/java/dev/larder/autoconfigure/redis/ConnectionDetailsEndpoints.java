package dev.larder.autoconfigure.redis;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Cluster;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Sentinel;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Standalone;

/**
 * Reads Spring Boot's {@link DataRedisConnectionDetails} the way Boot's own Redis
 * auto-configuration does: Sentinel if the details have one, else Cluster, else
 * standalone; the top-level username and password authenticate the data nodes; an SSL
 * bundle means TLS with that bundle. Only touched when Spring Boot's Redis module is on
 * the classpath.
 */
final class ConnectionDetailsEndpoints {

	/**
	 * The details Boot derives from {@code spring.data.redis.*} when nothing else
	 * declares a connection. Larder already reads those properties, under
	 * {@code larder.redis.*}: taking this bean as an override would put Boot's properties
	 * above Larder's.
	 */
	static final String PROPERTIES_DETAILS = "org.springframework.boot.data.redis.autoconfigure.PropertiesDataRedisConnectionDetails";

	private ConnectionDetailsEndpoints() {
	}

	/**
	 * The endpoint the details describe, or null when they are Boot's view of
	 * {@code spring.data.redis.*} (see {@link #PROPERTIES_DETAILS}).
	 */
	static @Nullable RedisEndpoint from(DataRedisConnectionDetails details) {
		if (details.getClass().getName().equals(PROPERTIES_DETAILS)) {
			return null;
		}
		String source = details.getClass().getName();
		Sentinel sentinel = details.getSentinel();
		if (sentinel != null) {
			return new RedisEndpoint(source, RedisEndpoint.Topology.SENTINEL, nodes(sentinel.getNodes(), source),
					sentinel.getMaster(), sentinel.getDatabase(), details.getUsername(), details.getPassword(),
					sentinel.getUsername(), sentinel.getPassword(), details.getSslBundle());
		}
		Cluster cluster = details.getCluster();
		if (cluster != null) {
			return new RedisEndpoint(source, RedisEndpoint.Topology.CLUSTER, nodes(cluster.getNodes(), source), null, 0,
					details.getUsername(), details.getPassword(), null, null, details.getSslBundle());
		}
		if (details.getMasterReplica() != null) {
			throw new InvalidRedisConfigurationException("The DataRedisConnectionDetails bean (" + source
					+ ") describes a static master/replica topology, which Larder's redis backend does not support. "
					+ "Describe a standalone server, Sentinels or a Cluster instead.");
		}
		Standalone standalone = details.getStandalone();
		if (standalone == null) {
			throw new InvalidRedisConfigurationException("The DataRedisConnectionDetails bean (" + source
					+ ") describes no standalone server, Sentinel or Cluster: its getStandalone() must not be null "
					+ "when getSentinel() and getCluster() are.");
		}
		return new RedisEndpoint(source, RedisEndpoint.Topology.STANDALONE,
				List.of(new LettuceConnectorFactory.HostAndPort(standalone.getHost(), standalone.getPort())), null,
				standalone.getDatabase(), details.getUsername(), details.getPassword(), null, null,
				details.getSslBundle());
	}

	private static List<LettuceConnectorFactory.HostAndPort> nodes(List<Node> nodes, String source) {
		if (nodes.isEmpty()) {
			throw new InvalidRedisConfigurationException(
					"The DataRedisConnectionDetails bean (" + source + ") lists no nodes for its topology.");
		}
		return nodes.stream().map((node) -> new LettuceConnectorFactory.HostAndPort(node.host(), node.port())).toList();
	}

}

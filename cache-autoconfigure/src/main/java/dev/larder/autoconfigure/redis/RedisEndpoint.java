package dev.larder.autoconfigure.redis;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * Where the Redis backend connects when a connection-details bean says so, instead of
 * {@code larder.redis.*} and {@code spring.data.redis.*}: the topology, its nodes, the
 * credentials and the TLS material. A plain value, so that the connector factory does not
 * depend on Spring Boot's Redis module (see {@link ConnectionDetailsEndpoints}).
 *
 * @param source what the endpoint came from, for messages (the bean's class)
 * @param topology how the nodes are to be used
 * @param nodes the server (standalone), the Sentinels or the Cluster's seed nodes
 * @param sentinelMaster the master the Sentinels watch, for {@link Topology#SENTINEL}
 * @param database the database index (always 0 on a Cluster)
 * @param username data-node username, or null
 * @param password data-node password, or null
 * @param sentinelUsername Sentinel username, or null
 * @param sentinelPassword Sentinel password, or null
 * @param sslBundle TLS material; non-null means connect with TLS
 */
record RedisEndpoint(String source, Topology topology, List<LettuceConnectorFactory.HostAndPort> nodes,
		@Nullable String sentinelMaster, int database, @Nullable String username, @Nullable String password,
		@Nullable String sentinelUsername, @Nullable String sentinelPassword, @Nullable SslBundle sslBundle) {

	/** The topologies Larder's Redis backend connects to. */
	enum Topology {

		STANDALONE, SENTINEL, CLUSTER

	}

	@Override
	public String toString() {
		// never the passwords
		return this.topology.name().toLowerCase(java.util.Locale.ROOT) + " " + this.nodes + " from " + this.source;
	}

}

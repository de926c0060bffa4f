package dev.larder.autoconfigure.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.larder.cache.redis.LettuceConnectors;
import dev.larder.cache.redis.RedisConnector;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Turns {@link RedisBackendProperties} into a Lettuce {@link RedisConnector} for the
 * configured topology, refusing contradictory or malformed settings with a message that
 * names the property, and lets {@link LarderLettuceCustomizer}s adjust the client
 * options. A {@link RedisEndpoint} from a connection-details bean, when there is one,
 * decides where to connect and how to authenticate instead of the properties, which still
 * give the timeouts, client name, read-from, Cluster options and reconnect delay.
 */
final class LettuceConnectorFactory {

	private final RedisBackendProperties properties;

	private final RedisPropertyLayers layers;

	private final @Nullable SslBundles sslBundles;

	private final List<LarderLettuceCustomizer> customizers;

	private final @Nullable RedisEndpoint endpoint;

	LettuceConnectorFactory(RedisBackendProperties properties, RedisPropertyLayers layers,
			@Nullable SslBundles sslBundles, List<LarderLettuceCustomizer> customizers) {
		this(properties, layers, sslBundles, customizers, null);
	}

	LettuceConnectorFactory(RedisBackendProperties properties, RedisPropertyLayers layers,
			@Nullable SslBundles sslBundles, List<LarderLettuceCustomizer> customizers,
			@Nullable RedisEndpoint endpoint) {
		this.properties = properties;
		this.layers = layers;
		this.sslBundles = sslBundles;
		this.customizers = customizers;
		this.endpoint = endpoint;
	}

	RedisConnector create() {
		if (this.endpoint != null) {
			return create(this.endpoint);
		}
		RedisBackendProperties.Sentinel sentinel = this.properties.getSentinel();
		RedisBackendProperties.Cluster cluster = this.properties.getCluster();
		boolean sentinelSet = sentinel.getMaster() != null || !sentinel.getNodes().isEmpty();
		if (sentinelSet && !cluster.getNodes().isEmpty()) {
			throw invalid(
					this.layers.propertyName("sentinel.nodes") + " and " + this.layers.propertyName("cluster.nodes")
							+ " are both set, but Redis runs either with Sentinels or as a Cluster. Keep one.");
		}
		ClientOptions options = clientOptions(!cluster.getNodes().isEmpty(), sslOptions());
		ReadFrom readFrom = readFrom();
		if (options instanceof ClusterClientOptions clusterOptions) {
			List<RedisURI> seeds = new ArrayList<>();
			for (String node : cluster.getNodes()) {
				HostAndPort address = HostAndPort.parse(node, this.layers.propertyName("cluster.nodes"));
				seeds.add(authenticated(RedisURI.builder().withHost(address.host()).withPort(address.port())));
			}
			return LettuceConnectors.cluster(seeds, clusterOptions, readFrom, maxReconnectDelay());
		}
		if (sentinelSet) {
			return LettuceConnectors.standalone(sentinelUri(), options, readFrom, maxReconnectDelay());
		}
		return LettuceConnectors.standalone(standaloneUri(), options, readFrom, maxReconnectDelay());
	}

	/** The topology a connection-details bean describes, with its credentials and TLS. */
	private RedisConnector create(RedisEndpoint endpoint) {
		SslBundle bundle = endpoint.sslBundle();
		boolean tls = bundle != null;
		SslOptions ssl = (bundle != null) ? sslOptions(bundle) : null;
		ClientOptions options = clientOptions(endpoint.topology() == RedisEndpoint.Topology.CLUSTER, ssl);
		ReadFrom readFrom = readFrom();
		if (options instanceof ClusterClientOptions clusterOptions) {
			List<RedisURI> seeds = new ArrayList<>();
			for (HostAndPort node : endpoint.nodes()) {
				seeds.add(authenticated(RedisURI.builder().withHost(node.host()).withPort(node.port()),
						endpoint.username(), endpoint.password(), tls));
			}
			return LettuceConnectors.cluster(seeds, clusterOptions, readFrom, maxReconnectDelay());
		}
		if (endpoint.topology() == RedisEndpoint.Topology.SENTINEL) {
			String master = endpoint.sentinelMaster();
			if (!StringUtils.hasText(master)) {
				throw invalid("The connection details (" + endpoint.source()
						+ ") describe Sentinels but name no master for them to watch.");
			}
			RedisURI.Builder builder = RedisURI.builder().withSentinelMasterId(master);
			for (HostAndPort node : endpoint.nodes()) {
				RedisURI.Builder sentinelUri = RedisURI.builder().withHost(node.host()).withPort(node.port());
				withCredentials(sentinelUri, endpoint.sentinelUsername(), endpoint.sentinelPassword());
				builder.withSentinel(sentinelUri.build());
			}
			builder.withDatabase(endpoint.database());
			return LettuceConnectors.standalone(authenticated(builder, endpoint.username(), endpoint.password(), tls),
					options, readFrom, maxReconnectDelay());
		}
		HostAndPort server = endpoint.nodes().get(0);
		RedisURI.Builder builder = RedisURI.builder()
			.withHost(server.host())
			.withPort(server.port())
			.withDatabase(endpoint.database());
		return LettuceConnectors.standalone(authenticated(builder, endpoint.username(), endpoint.password(), tls),
				options, readFrom, maxReconnectDelay());
	}

	private Duration maxReconnectDelay() {
		Duration delay = this.properties.getMaxReconnectDelay();
		if (delay.isNegative() || delay.isZero()) {
			throw invalid("larder.redis.max-reconnect-delay must be positive, got " + delay);
		}
		return delay;
	}

	private RedisURI standaloneUri() {
		String url = this.properties.getUrl();
		if (url == null) {
			return authenticated(RedisURI.builder()
				.withHost(this.properties.getHost())
				.withPort(this.properties.getPort())
				.withDatabase(this.properties.getDatabase()));
		}
		if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
			throw invalid(this.layers.propertyName("url") + " '" + redact(url)
					+ "' is not a Redis URL: use redis://[username:password@]host[:port][/database], or rediss:// for TLS.");
		}
		RedisURI uri;
		try {
			uri = RedisURI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(this.layers.propertyName("url") + " '" + redact(url) + "' is not a valid Redis URL ("
					+ ex.getMessage() + "): use redis://[username:password@]host[:port][/database].");
		}
		if (!StringUtils.hasText(uri.getHost())) {
			throw invalid(this.layers.propertyName("url") + " '" + redact(url) + "' has no host.");
		}
		uri.setTimeout(this.properties.getTimeout());
		if (this.properties.getClientName() != null) {
			uri.setClientName(this.properties.getClientName());
		}
		if (this.properties.getSsl().isEnabled()) {
			uri.setSsl(true);
		}
		return uri;
	}

	private RedisURI sentinelUri() {
		RedisBackendProperties.Sentinel sentinel = this.properties.getSentinel();
		if (!StringUtils.hasText(sentinel.getMaster())) {
			throw invalid(this.layers.propertyName("sentinel.master")
					+ " must name the master the Sentinels watch (e.g. mymaster) when Sentinel nodes are set.");
		}
		if (sentinel.getNodes().isEmpty()) {
			throw invalid(this.layers.propertyName("sentinel.nodes")
					+ " must list the Sentinels (host:port) when a Sentinel master is set.");
		}
		RedisURI.Builder builder = RedisURI.builder().withSentinelMasterId(sentinel.getMaster());
		for (String node : sentinel.getNodes()) {
			HostAndPort address = HostAndPort.parse(node, this.layers.propertyName("sentinel.nodes"));
			RedisURI.Builder sentinelUri = RedisURI.builder().withHost(address.host()).withPort(address.port());
			withCredentials(sentinelUri, sentinel.getUsername(), sentinel.getPassword());
			builder.withSentinel(sentinelUri.build());
		}
		builder.withDatabase(this.properties.getDatabase());
		return authenticated(builder);
	}

	/** Adds what every data-node URI carries: credentials, TLS, timeout, client name. */
	private RedisURI authenticated(RedisURI.Builder builder) {
		return authenticated(builder, this.properties.getUsername(), this.properties.getPassword(),
				this.properties.getSsl().isEnabled());
	}

	private RedisURI authenticated(RedisURI.Builder builder, @Nullable String username, @Nullable String password,
			boolean ssl) {
		withCredentials(builder, username, password);
		builder.withSsl(ssl);
		builder.withTimeout(this.properties.getTimeout());
		if (this.properties.getClientName() != null) {
			builder.withClientName(this.properties.getClientName());
		}
		return builder.build();
	}

	private static void withCredentials(RedisURI.Builder builder, @Nullable String username,
			@Nullable String password) {
		if (password == null) {
			return;
		}
		if (username != null) {
			builder.withAuthentication(username, password.toCharArray());
		}
		else {
			builder.withPassword(password.toCharArray());
		}
	}

	/**
	 * Larder's options, then the customizers'. A Cluster gets its own builder from the
	 * start, so that every option a customizer sets reaches the cluster client.
	 */
	private ClientOptions clientOptions(boolean cluster, @Nullable SslOptions ssl) {
		ClientOptions.Builder builder;
		if (cluster) {
			ClusterClientOptions.Builder clusterBuilder = ClusterClientOptions.builder();
			applyCommonOptions(clusterBuilder, ssl);
			applyClusterOptions(clusterBuilder);
			builder = clusterBuilder;
		}
		else {
			builder = ClientOptions.builder();
			applyCommonOptions(builder, ssl);
		}
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private void applyCommonOptions(ClientOptions.Builder builder, @Nullable SslOptions ssl) {
		// A cache must not queue commands for a server that is gone: fail fast, count a
		// miss.
		builder.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true)
			.timeoutOptions(TimeoutOptions.enabled(this.properties.getTimeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(this.properties.getConnectTimeout()).build());
		if (ssl != null) {
			builder.sslOptions(ssl);
		}
	}

	private void applyClusterOptions(ClusterClientOptions.Builder builder) {
		RedisBackendProperties.Cluster cluster = this.properties.getCluster();
		ClusterTopologyRefreshOptions.Builder refresh = ClusterTopologyRefreshOptions.builder();
		Duration period = cluster.getRefresh().getPeriod();
		if (period != null) {
			refresh.enablePeriodicRefresh(period);
		}
		if (!cluster.getRefresh().isAdaptive()) {
			// Lettuce 7 refreshes on MOVED, ASK and reconnects by default; this turns
			// that off.
			refresh.disableAllAdaptiveRefreshTriggers();
		}
		builder.topologyRefreshOptions(refresh.build());
		if (cluster.getMaxRedirects() != null) {
			builder.maxRedirects(cluster.getMaxRedirects());
		}
	}

	private @Nullable SslOptions sslOptions() {
		String bundleName = this.properties.getSsl().getBundle();
		if (bundleName == null) {
			return null;
		}
		if (this.sslBundles == null) {
			throw invalid(this.layers.propertyName("ssl.bundle") + " is set but no SslBundles bean exists; "
					+ "define the bundle under spring.ssl.bundle.*.");
		}
		SslBundle bundle;
		try {
			bundle = this.sslBundles.getBundle(bundleName);
		}
		catch (RuntimeException ex) {
			throw invalid(this.layers.propertyName("ssl.bundle") + " names SSL bundle '" + bundleName
					+ "', which is not defined: " + ex.getMessage());
		}
		return sslOptions(bundle);
	}

	private static SslOptions sslOptions(SslBundle bundle) {
		return SslOptions.builder()
			.jdkSslProvider()
			.keyManager(bundle.getManagers().getKeyManagerFactory())
			.trustManager(bundle.getManagers().getTrustManagerFactory())
			.build();
	}

	private @Nullable ReadFrom readFrom() {
		String readFrom = this.properties.getReadFrom();
		if (readFrom == null) {
			return null;
		}
		try {
			return ReadFrom.valueOf(readFrom);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(this.layers.propertyName("read-from") + " '" + readFrom + "' is not a Lettuce ReadFrom; "
					+ "use upstream, upstreamPreferred, replica, replicaPreferred, lowestLatency or any.");
		}
	}

	private static String redact(String url) {
		return url.replaceAll("//[^@/]*@", "//***@");
	}

	private static InvalidRedisConfigurationException invalid(String message) {
		return new InvalidRedisConfigurationException(message);
	}

	/** A host:port pair from a node list. */
	record HostAndPort(String host, int port) {

		static HostAndPort parse(String node, String property) {
			int colon = node.lastIndexOf(':');
			if (colon <= 0 || colon == node.length() - 1) {
				throw invalid(property + " entry '" + node + "' must be host:port.");
			}
			try {
				return new HostAndPort(node.substring(0, colon).trim(),
						Integer.parseInt(node.substring(colon + 1).trim()));
			}
			catch (NumberFormatException ex) {
				throw invalid(property + " entry '" + node + "' has a port that is not a number.");
			}
		}

	}

}

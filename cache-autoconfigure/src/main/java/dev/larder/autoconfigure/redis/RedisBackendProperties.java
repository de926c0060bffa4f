package dev.larder.autoconfigure.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to Redis for {@code larder.backend=redis}. Every property left unset here is
 * taken from Spring Boot's {@code spring.data.redis.*} of the same name, so an
 * application that already configured Spring Data Redis needs nothing more: the bean is
 * created holding those values (see {@link RedisBackendConfiguration}) and Boot binds
 * {@code larder.redis.*} over them.
 *
 * <p>
 * A Spring Boot {@code DataRedisConnectionDetails} bean (from {@code @ServiceConnection},
 * Docker Compose support or the application) comes before both: when there is one, it
 * decides the topology, nodes, database, credentials and TLS, and only the other settings
 * here (timeouts, client name, read-from, Cluster options, circuit breaker) apply.
 */
@ConfigurationProperties("larder.redis")
public class RedisBackendProperties {

	/**
	 * Connection URL, e.g. redis://user:password@host:6379/0, or rediss:// for TLS.
	 * Overrides host, port, username, password and database.
	 */
	private @Nullable String url;

	/**
	 * Server host.
	 */
	private String host = "localhost";

	/**
	 * Server port.
	 */
	private int port = 6379;

	/**
	 * Login username (Redis 6 ACL).
	 */
	private @Nullable String username;

	/**
	 * Login password.
	 */
	private @Nullable String password;

	/**
	 * Database index.
	 */
	private int database = 0;

	/**
	 * Command timeout: how long a cache call waits for Redis before it counts as a miss.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * Fail-fast budget: how long a cache call waits once Redis has failed since its last
	 * success (a timeout or an error), how long the circuit breaker's probe waits, and
	 * how long the health check waits for PING. Bounds what a hung Redis costs each
	 * caller after the first timeout.
	 */
	private Duration failFastTimeout = Duration.ofMillis(250);

	/**
	 * Connection timeout.
	 */
	private Duration connectTimeout = Duration.ofSeconds(2);

	/**
	 * Longest wait between two of Lettuce's reconnect attempts (its back-off doubles from
	 * 1 ms up to this). Lettuce's own default, 30s, would keep the cache bypassed for up
	 * to 30 s after a long outage; the circuit breaker's probe also reopens a lost
	 * connection by itself.
	 */
	private Duration maxReconnectDelay = Duration.ofSeconds(1);

	/**
	 * Client name set on connections with CLIENT SETNAME.
	 */
	private @Nullable String clientName;

	/**
	 * Where reads go when there are replicas: upstream, upstreamPreferred, replica,
	 * replicaPreferred, lowestLatency, any (Lettuce's ReadFrom names).
	 */
	private @Nullable String readFrom;

	private final Ssl ssl = new Ssl();

	private final Sentinel sentinel = new Sentinel();

	private final Cluster cluster = new Cluster();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public int getDatabase() {
		return this.database;
	}

	public void setDatabase(int database) {
		this.database = database;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getFailFastTimeout() {
		return this.failFastTimeout;
	}

	public void setFailFastTimeout(Duration failFastTimeout) {
		this.failFastTimeout = failFastTimeout;
	}

	public Duration getMaxReconnectDelay() {
		return this.maxReconnectDelay;
	}

	public void setMaxReconnectDelay(Duration maxReconnectDelay) {
		this.maxReconnectDelay = maxReconnectDelay;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public @Nullable String getClientName() {
		return this.clientName;
	}

	public void setClientName(@Nullable String clientName) {
		this.clientName = clientName;
	}

	public @Nullable String getReadFrom() {
		return this.readFrom;
	}

	public void setReadFrom(@Nullable String readFrom) {
		this.readFrom = readFrom;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Sentinel getSentinel() {
		return this.sentinel;
	}

	public Cluster getCluster() {
		return this.cluster;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * TLS.
	 */
	public static class Ssl {

		/**
		 * Whether to connect with TLS (also implied by a rediss:// URL).
		 */
		private boolean enabled;

		/**
		 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) holding the trust
		 * material and, for mutual TLS, the client key. Unset: the JDK's default trust
		 * store.
		 */
		private @Nullable String bundle;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Redis Sentinel.
	 */
	public static class Sentinel {

		/**
		 * Name of the master the Sentinels watch.
		 */
		private @Nullable String master;

		/**
		 * Sentinel addresses, host:port.
		 */
		private List<String> nodes = new ArrayList<>();

		/**
		 * Username for the Sentinels.
		 */
		private @Nullable String username;

		/**
		 * Password for the Sentinels.
		 */
		private @Nullable String password;

		public @Nullable String getMaster() {
			return this.master;
		}

		public void setMaster(@Nullable String master) {
			this.master = master;
		}

		public List<String> getNodes() {
			return this.nodes;
		}

		public void setNodes(List<String> nodes) {
			this.nodes = nodes;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * Redis Cluster.
	 */
	public static class Cluster {

		/**
		 * Seed nodes, host:port; the client discovers the rest.
		 */
		private List<String> nodes = new ArrayList<>();

		/**
		 * Most MOVED/ASK redirects to follow for one command.
		 */
		private @Nullable Integer maxRedirects;

		private final Refresh refresh = new Refresh();

		public List<String> getNodes() {
			return this.nodes;
		}

		public void setNodes(List<String> nodes) {
			this.nodes = nodes;
		}

		public @Nullable Integer getMaxRedirects() {
			return this.maxRedirects;
		}

		public void setMaxRedirects(@Nullable Integer maxRedirects) {
			this.maxRedirects = maxRedirects;
		}

		public Refresh getRefresh() {
			return this.refresh;
		}

		/**
		 * Cluster topology refresh.
		 */
		public static class Refresh {

			/**
			 * Period of topology refresh. Unset: no periodic refresh.
			 */
			private @Nullable Duration period;

			/**
			 * Whether to refresh the topology on MOVED, ASK and reconnect events.
			 */
			private boolean adaptive = true;

			public @Nullable Duration getPeriod() {
				return this.period;
			}

			public void setPeriod(@Nullable Duration period) {
				this.period = period;
			}

			public boolean isAdaptive() {
				return this.adaptive;
			}

			public void setAdaptive(boolean adaptive) {
				this.adaptive = adaptive;
			}

		}

	}

	/**
	 * How Larder stops waiting on a Redis that keeps failing.
	 */
	public static class CircuitBreaker {

		/**
		 * Consecutive failures after which calls are skipped (answered as misses) at
		 * once.
		 */
		private int failureThreshold = 3;

		/**
		 * How long calls are skipped before one probe call is let through.
		 */
		private Duration openFor = Duration.ofSeconds(1);

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public Duration getOpenFor() {
			return this.openFor;
		}

		public void setOpenFor(Duration openFor) {
			this.openFor = openFor;
		}

	}

}

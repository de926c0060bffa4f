package dev.larder.autoconfigure.memcached;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The Memcached pool, for {@code larder.backend=memcached}.
 */
@ConfigurationProperties("larder.memcached")
public class MemcachedProperties implements Validator {

	/**
	 * Servers, comma-separated host:port, each optionally with a weight:
	 * host:port:weight.
	 */
	private String servers = "localhost:11211";

	/**
	 * Wire protocol: binary (needed for SASL) or text.
	 */
	private Protocol protocol = Protocol.BINARY;

	/**
	 * Connections per server.
	 */
	private int connectionPoolSize = 1;

	/**
	 * Operation timeout: how long a cache call waits before it counts as a miss.
	 */
	private Duration opTimeout = Duration.ofSeconds(1);

	/**
	 * Consecutive operation timeouts on a server's connection after which the server is
	 * taken out of the pool (its keys go to the other servers) until it answers again: a
	 * hung server then costs a few calls the op-timeout, not every call for its keys.
	 */
	private int maxConsecutiveTimeouts = 3;

	/**
	 * Connection timeout.
	 */
	private Duration connectTimeout = Duration.ofSeconds(2);

	/**
	 * How often a lost server is checked (a version request, bounded by the connect
	 * timeout and 500 ms), so it rejoins the pool as soon as it answers again. Unlike
	 * XMemcached's own healing, the interval does not grow with the length of the outage.
	 */
	private Duration reconnectInterval = Duration.ofMillis(500);

	/**
	 * The servers' item size limit (memcached -I); larger values are not cached (counted
	 * in cache.puts.skipped).
	 */
	private DataSize maxItemSize = DataSize.ofMegabytes(1);

	/**
	 * SASL username (binary protocol).
	 */
	private @Nullable String username;

	/**
	 * SASL password (binary protocol).
	 */
	private @Nullable String password;

	public String getServers() {
		return this.servers;
	}

	public void setServers(String servers) {
		this.servers = servers;
	}

	public Protocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(Protocol protocol) {
		this.protocol = protocol;
	}

	public int getConnectionPoolSize() {
		return this.connectionPoolSize;
	}

	public void setConnectionPoolSize(int connectionPoolSize) {
		this.connectionPoolSize = connectionPoolSize;
	}

	public Duration getOpTimeout() {
		return this.opTimeout;
	}

	public void setOpTimeout(Duration opTimeout) {
		this.opTimeout = opTimeout;
	}

	public int getMaxConsecutiveTimeouts() {
		return this.maxConsecutiveTimeouts;
	}

	public void setMaxConsecutiveTimeouts(int maxConsecutiveTimeouts) {
		this.maxConsecutiveTimeouts = maxConsecutiveTimeouts;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReconnectInterval() {
		return this.reconnectInterval;
	}

	public void setReconnectInterval(Duration reconnectInterval) {
		this.reconnectInterval = reconnectInterval;
	}

	public DataSize getMaxItemSize() {
		return this.maxItemSize;
	}

	public void setMaxItemSize(DataSize maxItemSize) {
		this.maxItemSize = maxItemSize;
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

	@Override
	public boolean supports(Class<?> type) {
		return MemcachedProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		MemcachedProperties properties = (MemcachedProperties) target;
		String problem = MemcachedServers.problem(properties.getServers());
		if (problem != null) {
			errors.rejectValue("servers", "larder.invalid", "larder.memcached.servers " + problem);
		}
		if (properties.getConnectionPoolSize() < 1) {
			errors.rejectValue("connectionPoolSize", "larder.invalid",
					"larder.memcached.connection-pool-size must be at least 1");
		}
		if (properties.getOpTimeout().isNegative() || properties.getOpTimeout().isZero()) {
			errors.rejectValue("opTimeout", "larder.invalid", "larder.memcached.op-timeout must be positive");
		}
		if (properties.getMaxConsecutiveTimeouts() < 2) {
			errors.rejectValue("maxConsecutiveTimeouts", "larder.invalid",
					"larder.memcached.max-consecutive-timeouts must be at least 2");
		}
		if (properties.getReconnectInterval().isNegative() || properties.getReconnectInterval().isZero()) {
			errors.rejectValue("reconnectInterval", "larder.invalid",
					"larder.memcached.reconnect-interval must be positive");
		}
		if (properties.getMaxItemSize().toBytes() < 1024) {
			errors.rejectValue("maxItemSize", "larder.invalid",
					"larder.memcached.max-item-size must be at least 1KB (memcached's -I)");
		}
		if ((properties.getUsername() == null) != (properties.getPassword() == null)) {
			errors.rejectValue("username", "larder.invalid",
					"larder.memcached.username and larder.memcached.password must be set together");
		}
		if (properties.getUsername() != null && properties.getProtocol() != Protocol.BINARY) {
			errors.rejectValue("protocol", "larder.invalid",
					"larder.memcached.protocol must be binary for SASL authentication (username/password)");
		}
	}

	/**
	 * Memcached wire protocols.
	 */
	public enum Protocol {

		/** The binary protocol: needed for SASL. */
		BINARY,

		/** The classic text protocol. */
		TEXT

	}

}

package dev.larder.test.spring;

import dev.larder.test.EmbeddedRedisServer;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * Spring Boot's Redis connection details for an {@link EmbeddedRedisServer}: a standalone
 * server on loopback, database 0, no password, no TLS.
 */
public final class EmbeddedRedisConnectionDetails implements DataRedisConnectionDetails {

	private final EmbeddedRedisServer server;

	public EmbeddedRedisConnectionDetails(EmbeddedRedisServer server) {
		this.server = server;
	}

	@Override
	public Standalone getStandalone() {
		return Standalone.of(this.server.host(), this.server.port());
	}

	/** The engine these details point at. */
	public EmbeddedRedisServer server() {
		return this.server;
	}

}

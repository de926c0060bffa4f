package dev.larder.cache.redis;

/**
 * Opens the connection of one Redis topology. Connecting may fail (the server is down at
 * startup); the backend then retries on later calls.
 */
public interface RedisConnector extends AutoCloseable {

	/** Connects; throws a runtime exception if Redis cannot be reached now. */
	RedisHandle connect();

	/** {@code standalone}, {@code sentinel} or {@code cluster}. */
	String topology();

	/** Addresses for health details, without credentials. */
	String describe();

	/** Shuts the client down. */
	@Override
	void close();

}

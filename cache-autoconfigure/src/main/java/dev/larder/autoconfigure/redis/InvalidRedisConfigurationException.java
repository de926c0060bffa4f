package dev.larder.autoconfigure.redis;

/**
 * The Redis connection settings are malformed or contradict each other. The message names
 * the property and says what is expected.
 */
public class InvalidRedisConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public InvalidRedisConfigurationException(String message) {
		super(message);
	}

}

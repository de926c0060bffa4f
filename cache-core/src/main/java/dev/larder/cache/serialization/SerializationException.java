package dev.larder.cache.serialization;

/**
 * A value could not be written to, or read from, its byte form.
 */
public class SerializationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SerializationException(String message, Throwable cause) {
		super(message, cause);
	}

	public SerializationException(String message) {
		super(message);
	}

}

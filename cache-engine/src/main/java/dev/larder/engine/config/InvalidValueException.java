package dev.larder.engine.config;

/**
 * A value CONFIG SET refuses; the message is the reason Redis appends to "CONFIG SET
 * failed (possibly related to argument '...') - ".
 */
public final class InvalidValueException extends Exception {

	private static final long serialVersionUID = 1L;

	public InvalidValueException(String reason) {
		// a refused value is an answer, not a bug: no stack trace to fill
		super(reason, null, false, false);
	}

}

package dev.larder.engine.dump;

import java.io.Serial;

/**
 * A payload that is not a value Redis would load: RESTORE answers "ERR Bad data format".
 * The message says what was wrong, for the engine's tests only.
 */
public final class BadPayloadException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	BadPayloadException(String reason) {
		super(reason, null, false, false);
	}

}

package dev.larder.cache.structure.script;

/**
 * An error reply from the backend, with the server's own text
 * ({@code WRONGTYPE Operation against
 * a key holding the wrong kind of value}), so callers see what Redis said.
 */
public class RespErrorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RespErrorException(String message) {
		super(message);
	}

	public RespErrorException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The server does not have the script of an {@code EVALSHA}. */
	public boolean isNoScript() {
		String message = getMessage();
		return message != null && message.startsWith("NOSCRIPT");
	}

}

package dev.larder.engine.server;

/**
 * Malformed input: the connection gets {@code -ERR Protocol error: ...} and is closed, as
 * in Redis.
 */
final class ProtocolException extends Exception {

	private static final long serialVersionUID = 1L;

	ProtocolException(String what) {
		super("ERR Protocol error: " + what, null, false, false);
	}

}

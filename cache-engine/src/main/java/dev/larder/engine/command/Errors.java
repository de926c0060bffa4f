package dev.larder.engine.command;

import java.nio.charset.StandardCharsets;

/**
 * Redis 7's error texts, verbatim: clients and the differential test compare them byte
 * for byte.
 */
public final class Errors {

	public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

	public static final String NOT_INTEGER = "ERR value is not an integer or out of range";

	public static final String NOT_FLOAT = "ERR value is not a valid float";

	public static final String SYNTAX = "ERR syntax error";

	public static final String OVERFLOW = "ERR increment or decrement would overflow";

	public static final String DECR_OVERFLOW = "ERR decrement would overflow";

	public static final String NAN_OR_INFINITY = "ERR increment would produce NaN or Infinity";

	public static final String NO_SUCH_KEY = "ERR no such key";

	public static final String DB_OUT_OF_RANGE = "ERR DB index is out of range";

	public static final String INVALID_CURSOR = "ERR invalid cursor";

	public static final String STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";

	public static final String OFFSET_OUT_OF_RANGE = "ERR offset is out of range";

	public static final String HASH_NOT_INTEGER = "ERR hash value is not an integer";

	public static final String HASH_NOT_FLOAT = "ERR hash value is not a float";

	public static final String SAME_OBJECT = "ERR source and destination objects are the same";

	public static final String NOAUTH = "NOAUTH Authentication required.";

	/** Redis's shared.oomerr: a denyoom command over maxmemory with nothing to evict. */
	public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";

	public static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

	public static final String AUTH_NOT_CONFIGURED = "ERR AUTH <password> called without any password configured "
			+ "for the default user. Are you sure your configuration is correct?";

	public static final String HELLO_NOAUTH = "NOAUTH HELLO must be called with the client already authenticated, "
			+ "otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and "
			+ "select the RESP protocol version at the same time";

	public static final String NOPROTO = "NOPROTO unsupported protocol version";

	private Errors() {
	}

	public static String wrongArity(String command) {
		return "ERR wrong number of arguments for '" + command + "' command";
	}

	public static String invalidExpire(String command) {
		return "ERR invalid expire time in '" + command + "' command";
	}

	/**
	 * Redis's text, including its 128-byte truncations and the trailing space after the
	 * last argument.
	 */
	public static String unknownCommand(byte[][] args) {
		StringBuilder quoted = new StringBuilder();
		for (int i = 1; i < args.length && quoted.length() < 128; i++) {
			String arg = truncate(args[i], 128 - quoted.length());
			quoted.append('\'').append(arg).append("' ");
		}
		return sanitize("ERR unknown command '" + truncate(args[0], 128) + "', with args beginning with: " + quoted);
	}

	public static String unknownSubcommand(byte[] sub, String container) {
		return sanitize("ERR unknown subcommand '" + truncate(sub, 128) + "'. Try " + container + " HELP.");
	}

	/** Error lines must stay one line, so Redis maps CR and LF to spaces. */
	public static String sanitize(String message) {
		return message.indexOf('\r') < 0 && message.indexOf('\n') < 0 ? message
				: message.replace('\r', ' ').replace('\n', ' ');
	}

	private static String truncate(byte[] b, int max) {
		return new String(b, 0, Math.min(b.length, Math.max(0, max)), StandardCharsets.ISO_8859_1);
	}

}

package dev.larder.engine.command;

import dev.larder.engine.keyspace.Bytes;
import java.util.Locale;

/** Argument parsing with Redis's error replies. */
final class Args {

	private Args() {
	}

	/** getLongLongFromObjectOrReply. */
	static long parseLong(byte[] b) {
		long[] out = new long[1];
		if (!Bytes.parseLong(b, out)) {
			throw new ReplyException(Errors.NOT_INTEGER);
		}
		return out[0];
	}

	/**
	 * getLongFromObjectOrReply with a custom message (used for bad numbers and range
	 * failures alike).
	 */
	static long parseLong(byte[] b, String message) {
		Long v = Bytes.parseLong(b);
		if (v == null) {
			throw new ReplyException(message);
		}
		return v;
	}

	/**
	 * getPositiveLongFromObjectOrReply: a number that is not negative, {@code message}
	 * for a bad number and a negative one alike.
	 */
	static long parsePositiveLong(byte[] b, String message) {
		long v = parseLong(b, message);
		if (v < 0) {
			throw new ReplyException(message);
		}
		return v;
	}

	static int parseInt(byte[] b) {
		long v = parseLong(b);
		if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
			throw new ReplyException(Errors.NOT_INTEGER);
		}
		return (int) v;
	}

	static boolean is(byte[] arg, String lowerAscii) {
		return Bytes.equalsIgnoreCase(arg, lowerAscii);
	}

	static String lower(byte[] arg) {
		return Bytes.string(arg).toLowerCase(Locale.ROOT);
	}

	/** Redis's checkStringLength: a string may not grow past proto-max-bulk-len. */
	static void checkStringLength(CommandContext c, long size, long append) {
		long total = size + append;
		if (total > c.core().protoMaxBulkLen() || total < size || total < append) {
			throw new ReplyException(Errors.STRING_TOO_LONG);
		}
	}

}

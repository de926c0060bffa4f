package dev.larder.engine.command;

import java.nio.charset.StandardCharsets;

/**
 * The arguments of EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT:
 * {@code key time [NX|XX|GT|LT]...}, read as expire.c's expireGenericCommand does before
 * it looks the key up: the options (repeats allowed), their conflicts, then the time and
 * its overflow checks.
 *
 * @param when the absolute expiry time in milliseconds (may already be past)
 * @param nx only when the key has no expiry
 * @param xx only when the key has an expiry
 * @param gt only when the new expiry is later (no expiry counts as infinite)
 * @param lt only when the new expiry is earlier
 */
record ExpireArgs(long when, boolean nx, boolean xx, boolean gt, boolean lt) {

	/**
	 * Parses from the time at index 2; {@code basetime} is added to it (now for the
	 * relative forms, 0 for the AT forms) after {@code seconds} are turned into
	 * milliseconds.
	 */
	static ExpireArgs parse(CommandContext c, long basetime, boolean seconds) {
		boolean nx = false;
		boolean xx = false;
		boolean gt = false;
		boolean lt = false;
		for (int j = 3; j < c.argc(); j++) {
			byte[] opt = c.arg(j);
			if (Args.is(opt, "nx")) {
				nx = true;
			}
			else if (Args.is(opt, "xx")) {
				xx = true;
			}
			else if (Args.is(opt, "gt")) {
				gt = true;
			}
			else if (Args.is(opt, "lt")) {
				lt = true;
			}
			else {
				throw new ReplyException(Errors.sanitize("ERR Unsupported option " + cString(opt)));
			}
		}
		if (nx && (xx || gt || lt)) {
			throw new ReplyException("ERR NX and XX, GT or LT options at the same time are not compatible");
		}
		if (gt && lt) {
			throw new ReplyException("ERR GT and LT options at the same time are not compatible");
		}
		return new ExpireArgs(when(c, basetime, seconds), nx, xx, gt, lt);
	}

	private static long when(CommandContext c, long basetime, boolean seconds) {
		long when = Args.parseLong(c.arg(2));
		if (seconds) {
			if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
				throw new ReplyException(Errors.invalidExpire(Args.lower(c.arg(0))));
			}
			when *= 1000;
		}
		if (when > Long.MAX_VALUE - basetime) {
			throw new ReplyException(Errors.invalidExpire(Args.lower(c.arg(0))));
		}
		return when + basetime;
	}

	/** Redis formats the option with %s: the text stops at the first NUL byte. */
	private static String cString(byte[] b) {
		int n = 0;
		while (n < b.length && b[n] != 0) {
			n++;
		}
		return new String(b, 0, n, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Whether NX, XX, GT and LT let the new expiry replace {@code current} (-1: the key
	 * has none).
	 */
	boolean allows(long current) {
		return !(nx && current != -1 || xx && current == -1 || gt && (when <= current || current == -1)
				|| lt && current != -1 && when >= current);
	}

}

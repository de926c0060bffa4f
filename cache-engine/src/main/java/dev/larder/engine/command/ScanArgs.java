package dev.larder.engine.command;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * SCAN-family argument parsing (parseScanCursorOrReply and scanGenericCommand's option
 * loop).
 */
final class ScanArgs {

	long count = 10;

	/** MATCH's pattern; null without one, or for "*", which matches every name. */
	byte @Nullable [] pattern;

	/** TYPE's type name; null without one. */
	byte @Nullable [] type;

	/**
	 * strtoul semantics: optional sign (a '-' wraps), decimal digits, nothing else; empty
	 * means 0.
	 */
	static long parseCursor(byte[] arg) {
		String s = new String(arg, StandardCharsets.ISO_8859_1);
		boolean negative = false;
		int i = 0;
		if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
			negative = s.charAt(0) == '-';
			i = 1;
		}
		String digits = s.substring(i);
		if (digits.isEmpty()) {
			if (i == 0) {
				return 0;
			}
			throw new ReplyException(Errors.INVALID_CURSOR);
		}
		for (int k = 0; k < digits.length(); k++) {
			if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
				throw new ReplyException(Errors.INVALID_CURSOR);
			}
		}
		long v;
		try {
			v = Long.parseUnsignedLong(digits);
		}
		catch (NumberFormatException e) {
			throw new ReplyException(Errors.INVALID_CURSOR);
		}
		return negative ? -v : v;
	}

	static ScanArgs parse(CommandContext c, int from, boolean allowType) {
		ScanArgs a = new ScanArgs();
		int i = from;
		while (i < c.argc()) {
			int remaining = c.argc() - i;
			if (Args.is(c.arg(i), "count") && remaining >= 2) {
				a.count = Args.parseLong(c.arg(i + 1));
				if (a.count < 1) {
					throw new ReplyException(Errors.SYNTAX);
				}
				i += 2;
			}
			else if (Args.is(c.arg(i), "match") && remaining >= 2) {
				byte[] p = c.arg(i + 1);
				a.pattern = p.length == 1 && p[0] == '*' ? null : p;
				i += 2;
			}
			else if (allowType && Args.is(c.arg(i), "type") && remaining >= 2) {
				a.type = c.arg(i + 1);
				i += 2;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return a;
	}

	boolean matches(byte[] name) {
		return pattern == null || GlobMatcher.matches(pattern, name);
	}

	static String formatCursor(long cursor) {
		return Long.toUnsignedString(cursor);
	}

}

package dev.larder.engine.command;

import dev.larder.engine.keyspace.StreamId;
import org.jspecify.annotations.Nullable;

/**
 * Stream ID parsing as t_stream.c's streamGenericParseIDOrReply and
 * streamParseIntervalIDOrReply do it (a port; Redis is BSD-licensed): {@code -} and
 * {@code +}, {@code <ms>-<seq>}, a missing sequence filled in, {@code <ms>-*} for XADD,
 * each number read by string2ull (string2ll, then strtoull with its leading blanks, sign
 * and negation).
 */
final class StreamIds {

	static final String INVALID = "ERR Invalid stream ID specified as stream command argument";

	/** What parsing found: the ID, and whether the sequence was given (not {@code *}). */
	record Parsed(StreamId id, boolean seqGiven) {
	}

	private StreamIds() {
	}

	/** streamParseIDOrReply. */
	static StreamId parse(byte[] arg, long missingSeq) {
		Parsed p = parse(arg, missingSeq, false, false);
		if (p == null) {
			throw new ReplyException(INVALID);
		}
		return p.id();
	}

	/** streamParseStrictIDOrReply: {@code -} and {@code +} are refused. */
	static StreamId strict(byte[] arg, long missingSeq) {
		Parsed p = parse(arg, missingSeq, true, false);
		if (p == null) {
			throw new ReplyException(INVALID);
		}
		return p.id();
	}

	/** XADD's strict parse, accepting {@code <ms>-*}. */
	static Parsed strictForXadd(byte[] arg) {
		Parsed p = parse(arg, 0, true, true);
		if (p == null) {
			throw new ReplyException(INVALID);
		}
		return p;
	}

	/**
	 * A strict parse that reports failure with null instead of an error (XCLAIM's IDs).
	 */
	static @Nullable StreamId strictOrNull(byte[] arg) {
		Parsed p = parse(arg, 0, true, false);
		return p == null ? null : p.id();
	}

	/**
	 * streamParseIntervalIDOrReply: a leading {@code (} (with more after it) makes the
	 * bound exclusive, parsed strictly; returns the ID moved inside the interval, or
	 * throws Redis's interval errors.
	 */
	static StreamId interval(byte[] arg, long missingSeq, boolean start) {
		boolean exclusive = arg.length > 1 && arg[0] == '(';
		if (!exclusive) {
			return parse(arg, missingSeq);
		}
		byte[] rest = new byte[arg.length - 1];
		System.arraycopy(arg, 1, rest, 0, rest.length);
		StreamId id = strict(rest, missingSeq);
		StreamId moved = start ? id.incr() : id.decr();
		if (moved == null) {
			throw new ReplyException(
					start ? "ERR invalid start ID for the interval" : "ERR invalid end ID for the interval");
		}
		return moved;
	}

	private static @Nullable Parsed parse(byte[] raw, long missingSeq, boolean strict, boolean allowStarSeq) {
		if (raw.length > 127) {
			return null;
		}
		// a C string: the copy ends at the first NUL
		int len = 0;
		while (len < raw.length && raw[len] != 0) {
			len++;
		}
		String buf = new String(raw, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
		if (strict && (buf.equals("-") || buf.equals("+"))) {
			return null;
		}
		if (buf.equals("-")) {
			return new Parsed(StreamId.MIN, true);
		}
		if (buf.equals("+")) {
			return new Parsed(StreamId.MAX, true);
		}
		int dash = buf.indexOf('-');
		String msPart = dash < 0 ? buf : buf.substring(0, dash);
		long[] ms = new long[1];
		if (!string2ull(msPart, ms)) {
			return null;
		}
		long seq;
		boolean seqGiven = true;
		if (dash >= 0) {
			String seqPart = buf.substring(dash + 1);
			long[] s = new long[1];
			if (allowStarSeq && seqPart.equals("*")) {
				seq = 0;
				seqGiven = false;
			}
			else if (!string2ull(seqPart, s)) {
				return null;
			}
			else {
				seq = s[0];
			}
		}
		else {
			seq = missingSeq;
		}
		return new Parsed(new StreamId(ms[0], seq), seqGiven);
	}

	/** util.c's string2ull. */
	static boolean string2ull(String s, long[] out) {
		byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		long[] ll = new long[1];
		if (dev.larder.engine.keyspace.Bytes.parseLong(b, ll)) {
			if (ll[0] < 0) {
				return false;
			}
			out[0] = ll[0];
			return true;
		}
		// strtoull(s, &end, 10): blanks, a sign, digits; ERANGE past 2^64-1
		int i = 0;
		int n = s.length();
		while (i < n && isSpace(s.charAt(i))) {
			i++;
		}
		boolean negative = false;
		if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
			negative = s.charAt(i) == '-';
			i++;
		}
		int digits = i;
		long v = 0;
		boolean overflow = false;
		while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
			int d = s.charAt(i) - '0';
			if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) {
				overflow = true;
			}
			long next = v * 10 + d;
			if (!overflow && Long.compareUnsigned(next, v * 10) < 0) {
				overflow = true;
			}
			v = next;
			i++;
		}
		if (i == digits) {
			return false; // no digits: end points at the start, which is not the end
		}
		if (overflow || i != n || s.isEmpty()) {
			return false;
		}
		out[0] = negative ? -v : v;
		return true;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
	}

}

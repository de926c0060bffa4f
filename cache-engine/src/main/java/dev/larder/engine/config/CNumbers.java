package dev.larder.engine.config;

import dev.larder.engine.keyspace.Bytes;
import java.util.OptionalLong;

/**
 * The C number parsers behind Redis's config values, with their quirks: string2ll
 * (strict), strtoll (leading spaces, a sign, saturation on overflow) and memtoull (digits
 * and a unit, unsigned, saturating, then multiplied with wrap-around).
 */
public final class CNumbers {

	private CNumbers() {
	}

	/** string2ll over the whole text: no spaces, no '+', no leading zeros. */
	static OptionalLong string2ll(String text) {
		Long v = Bytes.parseLong(ConfigArgs.bytes(text));
		return v == null ? OptionalLong.empty() : OptionalLong.of(v);
	}

	/**
	 * {@code strtoll(text, &end, base)} that must consume the whole text: leading
	 * whitespace and a sign are allowed, out of range saturates (errno is not looked at
	 * by the callers that use this), and text without digits is 0 only when it is empty
	 * (strtoll then leaves end at the start).
	 */
	static OptionalLong strtoll(String text, int base) {
		// bases 8 and 10 only: digits are 0-7 or 0-9
		int i = 0;
		int n = text.length();
		while (i < n && isSpace(text.charAt(i))) {
			i++;
		}
		boolean negative = false;
		if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
			negative = text.charAt(i) == '-';
			i++;
		}
		int digitsFrom = i;
		long magnitude = 0; // negative accumulator, so Long.MIN_VALUE fits
		boolean overflow = false;
		for (; i < n; i++) {
			int d = text.charAt(i) - '0';
			if (d < 0 || d >= base) {
				break;
			}
			if (magnitude < (Long.MIN_VALUE + d) / base) {
				overflow = true;
			}
			else {
				magnitude = magnitude * base - d;
			}
		}
		if (i == digitsFrom) {
			return text.isEmpty() ? OptionalLong.of(0) : OptionalLong.empty();
		}
		if (i < n) {
			return OptionalLong.empty();
		}
		if (overflow) {
			return OptionalLong.of(negative ? Long.MIN_VALUE : Long.MAX_VALUE);
		}
		if (!negative) {
			return OptionalLong.of(magnitude == Long.MIN_VALUE ? Long.MAX_VALUE : -magnitude);
		}
		return OptionalLong.of(magnitude);
	}

	/**
	 * memtoull: digits (strtoull, saturating at 2^64-1; none reads 0) followed by nothing
	 * or one of b, k, kb, m, mb, g, gb in any case; the product wraps around as C's
	 * unsigned arithmetic does. The result is the 64 bits of the unsigned value.
	 */
	public static OptionalLong memtoull(String text) {
		int u = 0;
		while (u < text.length() && text.charAt(u) >= '0' && text.charAt(u) <= '9') {
			u++;
		}
		long multiplier = switch (ConfigArgs.lower(text.substring(u))) {
			case "", "b" -> 1;
			case "k" -> 1000;
			case "kb" -> 1024;
			case "m" -> 1000 * 1000;
			case "mb" -> 1024 * 1024;
			case "g" -> 1000L * 1000 * 1000;
			case "gb" -> 1024L * 1024 * 1024;
			default -> -1;
		};
		// the digits are copied into a 128-byte buffer first
		if (multiplier < 0 || u >= 128) {
			return OptionalLong.empty();
		}
		long value = 0;
		for (int i = 0; i < u; i++) {
			int d = text.charAt(i) - '0';
			if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, 10)) > 0) {
				value = -1L; // ULLONG_MAX
				break;
			}
			value = value * 10 + d;
		}
		return OptionalLong.of(value * multiplier);
	}

	static boolean isSpace(char ch) {
		return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x0b || ch == '\f' || ch == '\r';
	}

}

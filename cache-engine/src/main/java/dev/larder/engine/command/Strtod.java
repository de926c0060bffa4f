package dev.larder.engine.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * C's {@code strtod} as glibc runs it in the C locale, for SORT's numeric weights:
 * leading white space, a sign, decimal and hexadecimal ({@code 0x1.8p3}, {@code 0x10})
 * numbers, {@code inf}, {@code infinity} and {@code nan(...)}, case-insensitive; the
 * parse stops at the first byte that cannot continue the number, and at a NUL as a C
 * string ends there. {@link #rangeError} is glibc's {@code errno == ERANGE}: the result
 * overflowed to infinity, or underflowed (tiny, below the smallest normal double, and
 * inexact).
 */
final class Strtod {

	/** The value; 0 when nothing was converted. */
	final double value;

	/**
	 * Index of the first byte not converted ({@code *endptr}); 0 when nothing was
	 * converted, as strtod then points {@code endptr} at the start.
	 */
	final int end;

	final boolean rangeError;

	private Strtod(double value, int end, boolean rangeError) {
		this.value = value;
		this.end = end;
		this.rangeError = rangeError;
	}

	/** The bytes C sees: up to the first NUL. */
	static int cLength(byte[] s) {
		for (int i = 0; i < s.length; i++) {
			if (s[i] == 0) {
				return i;
			}
		}
		return s.length;
	}

	/**
	 * Whether the whole C string of {@code s} is one number within range, as SORT
	 * requires ({@code eptr[0] == '\0' && errno != ERANGE && !isnan}); the empty string
	 * is, as 0.
	 */
	boolean convertsWhole(byte[] s) {
		return end == cLength(s) && !rangeError && !Double.isNaN(value);
	}

	static Strtod parse(byte[] s) {
		int n = cLength(s);
		int i = 0;
		while (i < n && isSpace(s[i])) {
			i++;
		}
		boolean negative = false;
		if (i < n && (s[i] == '+' || s[i] == '-')) {
			negative = s[i] == '-';
			i++;
		}
		if (startsWithIgnoreCase(s, n, i, "inf")) {
			int end = startsWithIgnoreCase(s, n, i, "infinity") ? i + 8 : i + 3;
			return new Strtod(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, end, false);
		}
		if (startsWithIgnoreCase(s, n, i, "nan")) {
			int end = i + 3;
			if (end < n && s[end] == '(') {
				int j = end + 1;
				while (j < n && (Character.isLetterOrDigit(s[j]) && s[j] > 0 || s[j] == '_')) {
					j++;
				}
				if (j < n && s[j] == ')') {
					end = j + 1;
				}
			}
			return new Strtod(Double.NaN, end, false);
		}
		if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
			Strtod hex = hex(s, n, i + 2, negative);
			if (hex != null) {
				return hex;
			}
			// "0x" without hex digits: the 0 alone converts
		}
		return decimal(s, n, i, negative);
	}

	private static Strtod decimal(byte[] s, int n, int from, boolean negative) {
		int i = from;
		int digits = 0;
		StringBuilder mantissa = new StringBuilder();
		boolean nonZero = false;
		while (i < n && isDigit(s[i])) {
			mantissa.append((char) s[i]);
			nonZero |= s[i] != '0';
			i++;
			digits++;
		}
		if (i < n && s[i] == '.') {
			int j = i + 1;
			StringBuilder fraction = new StringBuilder(".");
			while (j < n && isDigit(s[j])) {
				fraction.append((char) s[j]);
				nonZero |= s[j] != '0';
				j++;
				digits++;
			}
			if (digits > 0) {
				mantissa.append(fraction);
				i = j;
			}
		}
		if (digits == 0) {
			return new Strtod(0, 0, false);
		}
		long exponent = 0;
		if (i < n && (s[i] | 0x20) == 'e') {
			int j = i + 1;
			boolean negativeExponent = false;
			if (j < n && (s[j] == '+' || s[j] == '-')) {
				negativeExponent = s[j] == '-';
				j++;
			}
			if (j < n && isDigit(s[j])) {
				while (j < n && isDigit(s[j])) {
					exponent = Math.min(exponent * 10 + (s[j] - '0'), 1_000_000_000L);
					j++;
				}
				if (negativeExponent) {
					exponent = -exponent;
				}
				i = j;
			}
		}
		String text = mantissa.toString();
		if (text.endsWith(".")) {
			text = text.substring(0, text.length() - 1);
		}
		if (!nonZero) {
			return new Strtod(negative ? -0.0 : 0.0, i, false);
		}
		BigDecimal exact = new BigDecimal(text);
		// beyond these the result is infinite or 0 whatever the digits
		long limit = 400L + text.length();
		if (exponent > limit) {
			return new Strtod(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i, true);
		}
		if (exponent < -limit) {
			return new Strtod(negative ? -0.0 : 0.0, i, true);
		}
		exact = exact.scaleByPowerOfTen((int) exponent);
		double v = exact.doubleValue();
		return finish(negative, v, exact, i);
	}

	/** The digits after "0x", or null when there are none. */
	private static @Nullable Strtod hex(byte[] s, int n, int from, boolean negative) {
		int i = from;
		BigInteger mantissa = BigInteger.ZERO;
		int digits = 0;
		long binaryExponent = 0;
		while (i < n && Character.digit(s[i], 16) >= 0 && s[i] > 0) {
			mantissa = mantissa.shiftLeft(4).add(BigInteger.valueOf(Character.digit(s[i], 16)));
			i++;
			digits++;
		}
		if (i < n && s[i] == '.') {
			int j = i + 1;
			int fractionDigits = 0;
			BigInteger m = mantissa;
			while (j < n && Character.digit(s[j], 16) >= 0 && s[j] > 0) {
				m = m.shiftLeft(4).add(BigInteger.valueOf(Character.digit(s[j], 16)));
				j++;
				fractionDigits++;
			}
			if (digits + fractionDigits > 0) {
				mantissa = m;
				digits += fractionDigits;
				binaryExponent -= 4L * fractionDigits;
				i = j;
			}
		}
		if (digits == 0) {
			return null;
		}
		if (i < n && (s[i] | 0x20) == 'p') {
			int j = i + 1;
			boolean negativeExponent = false;
			if (j < n && (s[j] == '+' || s[j] == '-')) {
				negativeExponent = s[j] == '-';
				j++;
			}
			if (j < n && isDigit(s[j])) {
				long e = 0;
				while (j < n && isDigit(s[j])) {
					e = Math.min(e * 10 + (s[j] - '0'), 1_000_000_000L);
					j++;
				}
				binaryExponent += negativeExponent ? -e : e;
				i = j;
			}
		}
		if (mantissa.signum() == 0) {
			return new Strtod(negative ? -0.0 : 0.0, i, false);
		}
		long top = binaryExponent + mantissa.bitLength();
		if (top > 1100) {
			return new Strtod(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i, true);
		}
		if (top < -1100) {
			return new Strtod(negative ? -0.0 : 0.0, i, true);
		}
		BigDecimal exact = binaryExponent >= 0 ? new BigDecimal(mantissa.shiftLeft((int) binaryExponent))
				: new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow((int) -binaryExponent)),
						(int) -binaryExponent);
		return finish(negative, exact.doubleValue(), exact, i);
	}

	private static Strtod finish(boolean negative, double magnitude, BigDecimal exact, int end) {
		boolean rangeError = Double.isInfinite(magnitude)
				|| magnitude < Double.MIN_NORMAL && new BigDecimal(magnitude).compareTo(exact) != 0;
		return new Strtod(negative ? -magnitude : magnitude, end, rangeError);
	}

	private static boolean startsWithIgnoreCase(byte[] s, int n, int at, String word) {
		if (at + word.length() > n) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			if ((s[at + k] | 0x20) != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	/** C's isspace in the C locale. */
	private static boolean isSpace(byte b) {
		return b == ' ' || b >= '\t' && b <= '\r';
	}

}

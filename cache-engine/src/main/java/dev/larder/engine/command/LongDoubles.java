package dev.larder.engine.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * INCRBYFLOAT arithmetic as Redis does it on x86-64: parse with strtold into an 80-bit
 * long double (64-bit mantissa), add, and print with {@code %.17Lf} minus trailing zeros.
 * Java's double would print {@code 0.10000000000000001} where Redis prints {@code 0.1},
 * so values are kept as exact BigDecimals rounded to a 64-bit binary mantissa after every
 * step. Infinity is represented by null-free sentinels below.
 */
public final class LongDoubles {

	/** Parsed infinity; any arithmetic with it ends in Redis's NaN-or-Infinity error. */
	public static final BigDecimal INFINITY = new BigDecimal("1E+2147483647");

	public static final BigDecimal NEGATIVE_INFINITY = new BigDecimal("-1E+2147483647");

	private static final int MAX_EXPONENT = 16384; // long double values stay below
													// 2^16384

	private static final int MIN_EXPONENT = -16445; // smallest subnormal long double is
													// 2^-16445

	private static final int MAX_CHARS = 5 * 1024; // Redis's MAX_LONG_DOUBLE_CHARS

	/**
	 * Decimal exponents surely outside the long double range (max ~1.19e4932, min
	 * subnormal ~3.6e-4951).
	 */
	private static final int MAX_DECIMAL_EXPONENT = 4940;

	private static final int MIN_DECIMAL_EXPONENT = -4960;

	private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

	private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

	private LongDoubles() {
	}

	public static boolean isInfinite(BigDecimal v) {
		return v == INFINITY || v == NEGATIVE_INFINITY;
	}

	/**
	 * Redis's string2ld; null when the text is not a valid float (NaN, spaces, overflow,
	 * garbage).
	 */
	public static @Nullable BigDecimal parse(byte[] b) {
		if (b.length == 0 || b.length >= MAX_CHARS) {
			return null;
		}
		String s = new String(b, StandardCharsets.ISO_8859_1);
		int i = 0;
		boolean negative = false;
		if (s.charAt(0) == '+' || s.charAt(0) == '-') {
			negative = s.charAt(0) == '-';
			i = 1;
		}
		String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
		if (rest.equals("inf") || rest.equals("infinity")) {
			return negative ? NEGATIVE_INFINITY : INFINITY;
		}
		BigDecimal exact;
		if (rest.startsWith("0x")) {
			exact = parseHex(s);
		}
		else if (isDecimal(rest)) {
			try {
				exact = new BigDecimal(s);
			}
			catch (NumberFormatException | ArithmeticException e) {
				return null;
			}
		}
		else {
			return null;
		}
		if (exact == null) {
			return null;
		}
		long decimalExponent = (long) exact.precision() - exact.scale() - 1;
		if (exact.signum() != 0 && (decimalExponent > MAX_DECIMAL_EXPONENT || decimalExponent < MIN_DECIMAL_EXPONENT)) {
			// Far past the long double range (1e-400000000 parses as a BigDecimal, but
			// rounding it would take
			// hours): an overflow, or an underflow to zero, both ERANGE.
			return null;
		}
		BigDecimal rounded = round(exact);
		if (rounded == null || rounded.signum() == 0 && exact.signum() != 0) {
			return null; // ERANGE: overflow, or underflow to zero
		}
		return rounded;
	}

	/** The long double sum, or an infinity sentinel; null for NaN (inf + -inf). */
	public static @Nullable BigDecimal add(BigDecimal a, BigDecimal b) {
		if (isInfinite(a) || isInfinite(b)) {
			if (isInfinite(a) && isInfinite(b) && a != b) {
				return null;
			}
			return isInfinite(a) ? a : b;
		}
		BigDecimal sum = round(a.add(b));
		return sum == null ? (a.add(b).signum() > 0 ? INFINITY : NEGATIVE_INFINITY) : sum;
	}

	/**
	 * {@code %.17Lf} with trailing zeros (and a bare '.') removed, and "-0" printed as
	 * "0", as ld2string does.
	 */
	public static byte[] format(BigDecimal v) {
		if (v == INFINITY) {
			return "inf".getBytes(StandardCharsets.US_ASCII);
		}
		if (v == NEGATIVE_INFINITY) {
			return "-inf".getBytes(StandardCharsets.US_ASCII);
		}
		String s = v.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
		int end = s.length();
		while (s.charAt(end - 1) == '0') {
			end--;
		}
		if (s.charAt(end - 1) == '.') {
			end--;
		}
		s = s.substring(0, end);
		if (s.equals("-0")) {
			s = "0";
		}
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Rounds to the nearest value with a 64-bit mantissa (ties to even); null when it
	 * overflows.
	 */
	static @Nullable BigDecimal round(BigDecimal x) {
		if (x.signum() == 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal abs = x.abs();
		// Estimate floor(log2 |x|) from digits, then correct by at most a step or two.
		int e = (int) Math.floor((abs.unscaledValue().bitLength() - 1) - abs.scale() * 3.321928094887362) - 63;
		BigDecimal lower = new BigDecimal(TWO_63);
		BigDecimal upper = new BigDecimal(TWO_64);
		BigDecimal scaled;
		while (true) {
			if (e < MIN_EXPONENT) {
				e = MIN_EXPONENT; // subnormal range: fewer mantissa bits
			}
			scaled = scaleByPowerOfTwo(abs, -e);
			if (scaled.compareTo(upper) >= 0) {
				e++;
			}
			else if (scaled.compareTo(lower) < 0 && e > MIN_EXPONENT) {
				e--;
			}
			else {
				break;
			}
		}
		BigInteger m = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
		if (m.equals(TWO_64)) {
			m = TWO_63;
			e++;
		}
		if (m.bitLength() + e > MAX_EXPONENT) {
			return null;
		}
		BigDecimal value = scaleByPowerOfTwo(new BigDecimal(m), e);
		return x.signum() < 0 ? value.negate() : value;
	}

	/** x * 2^k, exactly. */
	private static BigDecimal scaleByPowerOfTwo(BigDecimal x, int k) {
		if (k >= 0) {
			return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(k)));
		}
		// x / 2^n == x * 5^n / 10^n, which BigDecimal represents exactly.
		int n = -k;
		return x.multiply(new BigDecimal(BigInteger.valueOf(5).pow(n))).scaleByPowerOfTen(-n);
	}

	private static boolean isDecimal(String s) {
		int i = 0;
		int n = s.length();
		int digits = 0;
		while (i < n && isDigit(s.charAt(i))) {
			i++;
			digits++;
		}
		if (i < n && s.charAt(i) == '.') {
			i++;
			while (i < n && isDigit(s.charAt(i))) {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return false;
		}
		if (i < n && s.charAt(i) == 'e') {
			i++;
			if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
				i++;
			}
			int expDigits = 0;
			while (i < n && isDigit(s.charAt(i))) {
				i++;
				expDigits++;
			}
			if (expDigits == 0 || expDigits > 9) {
				return false;
			}
		}
		return i == n;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * strtold also reads C99 hex floats (0x1.8p3); parsed exactly, then rounded like any
	 * other input.
	 */
	/** Null when the text is not a valid hex float. */
	private static @Nullable BigDecimal parseHex(String s) {
		String t = s.toLowerCase(java.util.Locale.ROOT);
		boolean negative = t.startsWith("-");
		if (t.startsWith("-") || t.startsWith("+")) {
			t = t.substring(1);
		}
		t = t.substring(2);
		int p = t.indexOf('p');
		String digits = p < 0 ? t : t.substring(0, p);
		long exponent = 0;
		if (p >= 0) {
			String e = t.substring(p + 1);
			if (!e.matches("[+-]?[0-9]{1,9}")) {
				return null;
			}
			exponent = Long.parseLong(e.startsWith("+") ? e.substring(1) : e);
		}
		int dot = digits.indexOf('.');
		String whole = dot < 0 ? digits : digits.substring(0, dot) + digits.substring(dot + 1);
		if (whole.isEmpty() || !whole.matches("[0-9a-f]+") || digits.indexOf('.', dot + 1) > 0 && dot >= 0) {
			return null;
		}
		if (dot >= 0) {
			exponent -= 4L * (digits.length() - dot - 1);
		}
		if (exponent > MAX_EXPONENT * 2L || exponent < MIN_EXPONENT * 2L) {
			return null;
		}
		BigDecimal v = scaleByPowerOfTwo(new BigDecimal(new BigInteger(whole, 16)), (int) exponent);
		return negative ? v.negate() : v;
	}

}

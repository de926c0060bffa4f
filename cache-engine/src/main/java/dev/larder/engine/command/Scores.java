package dev.larder.engine.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sorted-set scores the way Redis 7.0 reads and prints them: {@code string2d} (strtod
 * that refuses spaces, trailing garbage, NaN and overflow) for member scores, plain
 * {@code strtod} for range bounds, and {@code %.17g} for every score in a reply (7.2
 * moved to shortest round-trip; 7.0 is the reference).
 */
public final class Scores {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private static final Pattern HEX = Pattern
		.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)" + "([pP][+-]?\\d+)?");

	private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

	private Scores() {
	}

	/** string2d: null when Redis would answer "value is not a valid float". */
	public static @Nullable Double parse(byte[] b) {
		if (b.length == 0 || isSpace(b[0])) {
			return null;
		}
		return strtod(new String(b, StandardCharsets.ISO_8859_1), true);
	}

	/**
	 * t_zset.c's zzlStrtod, how a listpack's score is read: C's strtod of at most the
	 * first 127 bytes, whatever follows the number ignored, 0 when nothing converts.
	 */
	public static double zzlStrtod(byte[] b) {
		return Strtod.parse(b.length > 127 ? java.util.Arrays.copyOf(b, 127) : b).value;
	}

	/**
	 * strtod over the whole text (leading spaces allowed, empty is 0); null when text is
	 * left or NaN.
	 */
	public static @Nullable Double parseBound(String s) {
		int i = 0;
		while (i < s.length() && isSpace((byte) s.charAt(i))) {
			i++;
		}
		if (i == s.length()) {
			return 0.0;
		}
		return strtod(s.substring(i), false);
	}

	private static @Nullable Double strtod(String s, boolean rangeCheck) {
		String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
		boolean negative = s.startsWith("-");
		if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
			return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		}
		double v;
		if (HEX.matcher(s).matches()) {
			String t = s.indexOf('p') < 0 && s.indexOf('P') < 0 ? s + "p0" : s;
			if (t.matches("[+-]?0[xX]\\..*")) {
				t = t.replaceFirst("0[xX]\\.", "0x0.");
			}
			v = Double.parseDouble(t);
		}
		else if (DECIMAL.matcher(s).matches()) {
			v = Double.parseDouble(s);
		}
		else {
			return null;
		}
		if (rangeCheck) {
			if (Double.isInfinite(v)) {
				return null;
			}
			if (v == 0 && hasNonZeroDigit(s)) {
				return null;
			}
		}
		return v;
	}

	private static boolean hasNonZeroDigit(String s) {
		int end = s.length();
		int e = Math.max(s.indexOf('e'), s.indexOf('E'));
		if (s.startsWith("0x") || s.startsWith("0X") || s.startsWith("-0x") || s.startsWith("+0x")) {
			e = Math.max(s.indexOf('p'), s.indexOf('P'));
			String mant = s.substring(s.indexOf('x') + 1, e < 0 ? end : e);
			return mant.chars().anyMatch(ch -> ch != '0' && ch != '.');
		}
		String mant = s.substring(0, e < 0 ? end : e);
		return mant.chars().anyMatch(ch -> ch >= '1' && ch <= '9');
	}

	static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
	}

	/** C's {@code %.17g}, with inf/-inf/nan as Redis writes them. */
	public static String format(double d) {
		if (Double.isInfinite(d)) {
			return d > 0 ? "inf" : "-inf";
		}
		if (Double.isNaN(d)) {
			return "nan";
		}
		if (d == 0) {
			return 1 / d < 0 ? "-0" : "0";
		}
		if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			return Long.toString((long) d);
		}
		BigDecimal r = new BigDecimal(d).round(SEVENTEEN);
		int exponent = r.precision() - r.scale() - 1;
		if (exponent < -4 || exponent >= 17) {
			BigDecimal mantissa = r.movePointLeft(exponent);
			String m = stripZeros(mantissa.setScale(16, RoundingMode.UNNECESSARY).toPlainString());
			String sign = exponent < 0 ? "-" : "+";
			int abs = Math.abs(exponent);
			return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
		}
		return stripZeros(r.setScale(Math.max(0, 16 - exponent), RoundingMode.UNNECESSARY).toPlainString());
	}

	/**
	 * util.c's d2string, how a listpack or ZSCAN prints a stored score: integral values
	 * within +-LLONG_MAX/2 as integers (double2ll), everything else as {@link #format}.
	 */
	public static byte[] d2string(double d) {
		if (d != 0 && d == Math.rint(d) && d >= (double) (-Long.MAX_VALUE / 2) && d <= (double) (Long.MAX_VALUE / 2)) {
			return Long.toString((long) d).getBytes(StandardCharsets.US_ASCII);
		}
		return format(d).getBytes(StandardCharsets.US_ASCII);
	}

	private static String stripZeros(String s) {
		if (s.indexOf('.') < 0) {
			return s;
		}
		int end = s.length();
		while (s.charAt(end - 1) == '0') {
			end--;
		}
		if (s.charAt(end - 1) == '.') {
			end--;
		}
		return s.substring(0, end);
	}

}

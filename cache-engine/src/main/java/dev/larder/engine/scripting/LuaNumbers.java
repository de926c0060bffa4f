package dev.larder.engine.scripting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Lua 5.1's number to string conversion, C's {@code %.14g} (LUAI_NUMFFORMAT). LuaJ uses
 * Java's float formatting instead ({@code 1/3} is "0.33333334" there, "0.33333333333333"
 * in Redis); the sandbox's {@code tostring} uses this so the common conversion matches
 * Redis.
 */
final class LuaNumbers {

	private static final MathContext FOURTEEN = new MathContext(14, RoundingMode.HALF_EVEN);

	private LuaNumbers() {
	}

	static String format(double d) {
		if (Double.isNaN(d)) {
			return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
		}
		if (Double.isInfinite(d)) {
			return d > 0 ? "inf" : "-inf";
		}
		if (d == 0) {
			return 1 / d < 0 ? "-0" : "0";
		}
		if (d == Math.rint(d) && Math.abs(d) < 1e14) {
			return Long.toString((long) d);
		}
		BigDecimal r = new BigDecimal(d).round(FOURTEEN);
		int exponent = r.precision() - r.scale() - 1;
		if (exponent < -4 || exponent >= 14) {
			String m = stripZeros(r.movePointLeft(exponent).setScale(13, RoundingMode.UNNECESSARY).toPlainString());
			int abs = Math.abs(exponent);
			return m + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
		}
		return stripZeros(r.setScale(Math.max(0, 13 - exponent), RoundingMode.UNNECESSARY).toPlainString());
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

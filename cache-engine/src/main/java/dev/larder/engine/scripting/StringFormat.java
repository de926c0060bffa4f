package dev.larder.engine.scripting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * string.format with C's numeric conversions. LuaJ 3.0.1 ignores width and precision for
 * %f, %e and the like ({@code ("%5.2f"):format(1.5)} is "1.5", Lua 5.1 says " 1.50"),
 * which scripts that format rates or timestamps depend on; those conversions go through
 * java.util.Formatter, which follows C for them. %s, %q and %g stay with LuaJ.
 */
final class StringFormat extends VarArgFunction {

	private final LuaValue base;

	StringFormat(LuaValue base) {
		this.base = base;
	}

	@Override
	public Varargs invoke(Varargs args) {
		LuaString fmt = args.checkstring(1);
		String f = new String(fmt.m_bytes, fmt.m_offset, fmt.m_length, StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream(f.length() + 16);
		int arg = 2;
		int i = 0;
		while (i < f.length()) {
			char ch = f.charAt(i);
			if (ch != '%') {
				out.write(ch);
				i++;
				continue;
			}
			int start = i++;
			if (i < f.length() && f.charAt(i) == '%') {
				out.write('%');
				i++;
				continue;
			}
			while (i < f.length() && "-+ #0".indexOf(f.charAt(i)) >= 0) {
				i++;
			}
			while (i < f.length() && (Character.isDigit(f.charAt(i)) || f.charAt(i) == '.')) {
				i++;
			}
			if (i >= f.length()) {
				throw new LuaError("invalid option '%' to 'format'");
			}
			char conv = f.charAt(i++);
			String spec = f.substring(start, i);
			String text;
			switch (conv) {
				case 'd', 'i', 'u', 'c', 'o', 'x', 'X' -> {
					long v = (long) args.checkdouble(arg++);
					String javaSpec = spec.substring(0, spec.length() - 1) + (conv == 'i' || conv == 'u' ? 'd' : conv);
					text = conv == 'c' ? String.valueOf((char) (v & 0xFF)) : format(javaSpec, v);
				}
				case 'e', 'E', 'f' -> text = format(spec, args.checkdouble(arg++));
				default -> {
					LuaValue one = base.invoke(LuaValue.varargsOf(LuaValue.valueOf(spec), args.arg(arg++))).arg1();
					LuaString s = one.checkstring();
					out.write(s.m_bytes, s.m_offset, s.m_length);
					continue;
				}
			}
			out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
		}
		return LuaString.valueOf(out.toByteArray());
	}

	private static String format(String spec, Object value) {
		try {
			return String.format(Locale.ROOT, spec, value);
		}
		catch (java.util.IllegalFormatException e) {
			throw new LuaError("invalid option '" + spec + "' to 'format'");
		}
	}

}

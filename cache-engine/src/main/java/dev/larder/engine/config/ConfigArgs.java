package dev.larder.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Text helpers with C's semantics: parameter names and values are handled as bytes (one
 * ISO-8859-1 char each), compared case-insensitively in ASCII only, as strcasecmp does.
 */
final class ConfigArgs {

	private ConfigArgs() {
	}

	/**
	 * sdssplitlen(value, " "): every space separates, so doubled or edge spaces make
	 * empty arguments, and an empty value has none.
	 */
	static List<String> split(String value) {
		return value.isEmpty() ? List.of() : List.of(value.split(" ", -1));
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** The config text of a Java string the engine keeps as UTF-8 (requirepass). */
	static String fromUtf8(String s) {
		return text(s.getBytes(StandardCharsets.UTF_8));
	}

	/** The Java string, read as UTF-8, that a config text's bytes spell. */
	static String toUtf8(String text) {
		return new String(bytes(text), StandardCharsets.UTF_8);
	}

	static String lower(String s) {
		char[] out = null;
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch >= 'A' && ch <= 'Z') {
				if (out == null) {
					out = s.toCharArray();
				}
				out[i] = (char) (ch + ('a' - 'A'));
			}
		}
		return out == null ? s : new String(out);
	}

	static boolean equalsIgnoreCase(String a, String b) {
		return lower(a).equals(lower(b));
	}

}

package dev.larder.engine.command;

/**
 * Redis's stringmatchlen (util.c), ported line by line so KEYS/SCAN MATCH behave
 * identically on odd patterns (unclosed brackets, reversed ranges, escapes). Bytes
 * compare as signed chars, as on x86 Redis builds.
 */
public final class GlobMatcher {

	private final byte[] p;

	private final byte[] s;

	private boolean skipLongerMatches;

	private GlobMatcher(byte[] pattern, byte[] string) {
		this.p = pattern;
		this.s = string;
	}

	public static boolean matches(byte[] pattern, byte[] string) {
		return new GlobMatcher(pattern, string).match(0, pattern.length, 0, string.length);
	}

	/** The pattern as a C string: reading past its end yields the terminating NUL. */
	private int pat(int i) {
		return i < p.length ? p[i] : 0;
	}

	private boolean match(int pi, int patternLen, int si, int stringLen) {
		while (patternLen > 0 && stringLen > 0) {
			switch (pat(pi)) {
				case '*' -> {
					return matchStars(pi, patternLen, si, stringLen);
				}
				case '?' -> {
					si++;
					stringLen--;
				}
				case '[' -> {
					int end = pi + patternLen;
					int close = matchClass(pi + 1, end, s[si]);
					if (close < 0) {
						return false;
					}
					pi = close;
					patternLen = end - close;
					si++;
					stringLen--;
				}
				default -> {
					if (pat(pi) == '\\' && patternLen >= 2) {
						pi++;
						patternLen--;
					}
					if (pat(pi) != s[si]) {
						return false;
					}
					si++;
					stringLen--;
				}
			}
			pi++;
			patternLen--;
			if (stringLen == 0) {
				while (pat(pi) == '*') {
					pi++;
					patternLen--;
				}
				break;
			}
		}
		return patternLen == 0 && stringLen == 0;
	}

	/**
	 * A run of stars at {@code pi}: the rest of the pattern must match some suffix of the
	 * string. A failed attempt means no longer suffix can match either.
	 */
	private boolean matchStars(int pi, int patternLen, int si, int stringLen) {
		while (patternLen > 0 && pat(pi + 1) == '*') {
			pi++;
			patternLen--;
		}
		if (patternLen == 1) {
			return true;
		}
		while (stringLen > 0) {
			if (match(pi + 1, patternLen - 1, si, stringLen)) {
				return true;
			}
			if (skipLongerMatches) {
				return false;
			}
			si++;
			stringLen--;
		}
		skipLongerMatches = true;
		return false;
	}

	/**
	 * A bracket class whose body starts at {@code pi} (just past its '[') in a pattern
	 * ending at {@code end}: returns the index of the closing ']' (or of the last byte,
	 * when the class is unclosed), or -1 when {@code c} is not in the class.
	 */
	private int matchClass(int pi, int end, int c) {
		boolean not = pat(pi) == '^';
		if (not) {
			pi++;
		}
		boolean matched = false;
		while (true) {
			if (pat(pi) == '\\' && end - pi >= 2) {
				pi++;
				if (pat(pi) == c) {
					matched = true;
				}
			}
			else if (pat(pi) == ']') {
				break;
			}
			else if (end - pi == 0) {
				pi--;
				break;
			}
			else if (end - pi >= 3 && pat(pi + 1) == '-') {
				int start = pat(pi);
				int stop = pat(pi + 2);
				if (start > stop) {
					int t = start;
					start = stop;
					stop = t;
				}
				pi += 2;
				if (c >= start && c <= stop) {
					matched = true;
				}
			}
			else if (pat(pi) == c) {
				matched = true;
			}
			pi++;
		}
		return matched != not ? pi : -1;
	}

}

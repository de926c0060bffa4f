package dev.larder.engine.command;

/**
 * Redis's stringmatchlen (util.c), ported line by line so KEYS/SCAN MATCH behave
 * identically on odd patterns (unclosed brackets, reversed ranges, escapes). Bytes
 * compare as signed chars, as on x86 Redis builds.
 */
final class GlobMatcher {

	private final byte[] p;

	private final byte[] s;

	private boolean skipLongerMatches;

	private GlobMatcher(byte[] pattern, byte[] string) {
		this.p = pattern;
		this.s = string;
	}

	static boolean matches(byte[] pattern, byte[] string) {
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
				case '?' -> {
					si++;
					stringLen--;
				}
				case '[' -> {
					pi++;
					patternLen--;
					boolean not = pat(pi) == '^';
					if (not) {
						pi++;
						patternLen--;
					}
					boolean matched = false;
					while (true) {
						if (pat(pi) == '\\' && patternLen >= 2) {
							pi++;
							patternLen--;
							if (pat(pi) == s[si]) {
								matched = true;
							}
						}
						else if (pat(pi) == ']') {
							break;
						}
						else if (patternLen == 0) {
							pi--;
							patternLen++;
							break;
						}
						else if (patternLen >= 3 && pat(pi + 1) == '-') {
							int start = pat(pi);
							int end = pat(pi + 2);
							int c = s[si];
							if (start > end) {
								int t = start;
								start = end;
								end = t;
							}
							pi += 2;
							patternLen -= 2;
							if (c >= start && c <= end) {
								matched = true;
							}
						}
						else if (pat(pi) == s[si]) {
							matched = true;
						}
						pi++;
						patternLen--;
					}
					if (not) {
						matched = !matched;
					}
					if (!matched) {
						return false;
					}
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

}

package dev.larder.engine.scripting;

import dev.larder.engine.command.Errors;
import dev.larder.engine.command.ReplyException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A library's first line, {@code #!<engine> name=<library>} (functionExtractLibMetaData),
 * split as sdssplitargs splits it, with Redis's error texts. {@code bodyStart} is where
 * the code to compile begins: the shebang's newline, kept so line numbers match.
 */
record LibraryMetadata(String engine, String name, int bodyStart) {

	static LibraryMetadata parse(byte[] code) {
		if (code.length < 2 || code[0] != '#' || code[1] != '!') {
			throw new ReplyException("ERR Missing library metadata");
		}
		int eol = -1;
		for (int i = 0; i < code.length; i++) {
			if (code[i] == '\n') {
				eol = i;
				break;
			}
			if (code[i] == 0) {
				break; // Redis reads the code as a C string here
			}
		}
		if (eol < 0) {
			throw new ReplyException("ERR Invalid library metadata");
		}
		List<String> parts = splitArgs(new String(code, 0, eol, StandardCharsets.ISO_8859_1));
		if (parts == null || parts.isEmpty()) {
			throw new ReplyException("ERR Invalid library metadata");
		}
		String engine = parts.get(0).substring(Math.min(2, parts.get(0).length()));
		String name = null;
		for (int i = 1; i < parts.size(); i++) {
			String part = parts.get(i);
			if (part.regionMatches(true, 0, "name=", 0, 5)) {
				if (name != null) {
					throw new ReplyException("ERR Invalid metadata value, name argument was given multiple times");
				}
				name = part.substring(5);
				continue;
			}
			throw new ReplyException(Errors.sanitize("ERR Invalid metadata value given: " + part));
		}
		if (name == null) {
			throw new ReplyException("ERR Library name was not given");
		}
		return new LibraryMetadata(engine, name, eol);
	}

	/**
	 * sdssplitargs: null on unbalanced quotes or a closing quote not followed by a space.
	 */
	static @Nullable List<String> splitArgs(String line) {
		List<String> out = new ArrayList<>();
		int p = 0;
		int n = line.length();
		while (true) {
			while (p < n && isSpace(line.charAt(p))) {
				p++;
			}
			if (p >= n) {
				return out;
			}
			ByteArrayOutputStream current = new ByteArrayOutputStream();
			boolean inq = false;
			boolean insq = false;
			boolean done = false;
			while (!done) {
				char c = p < n ? line.charAt(p) : 0;
				if (inq) {
					if (p >= n) {
						return null;
					}
					if (c == '\\' && p + 3 < n && line.charAt(p + 1) == 'x' && hex(line.charAt(p + 2)) >= 0
							&& hex(line.charAt(p + 3)) >= 0) {
						current.write(hex(line.charAt(p + 2)) * 16 + hex(line.charAt(p + 3)));
						p += 3;
					}
					else if (c == '\\' && p + 1 < n) {
						p++;
						char e = line.charAt(p);
						current.write(switch (e) {
							case 'n' -> '\n';
							case 'r' -> '\r';
							case 't' -> '\t';
							case 'b' -> '\b';
							case 'a' -> 7;
							default -> e;
						});
					}
					else if (c == '"') {
						if (p + 1 < n && !isSpace(line.charAt(p + 1))) {
							return null;
						}
						done = true;
					}
					else {
						current.write(c);
					}
				}
				else if (insq) {
					if (p >= n) {
						return null;
					}
					if (c == '\\' && p + 1 < n && line.charAt(p + 1) == '\'') {
						p++;
						current.write('\'');
					}
					else if (c == '\'') {
						if (p + 1 < n && !isSpace(line.charAt(p + 1))) {
							return null;
						}
						done = true;
					}
					else {
						current.write(c);
					}
				}
				else {
					if (p >= n || isSpace(c)) {
						done = true;
					}
					else if (c == '"') {
						inq = true;
					}
					else if (c == '\'') {
						insq = true;
					}
					else {
						current.write(c);
					}
				}
				if (p < n) {
					p++;
				}
			}
			out.add(current.toString(StandardCharsets.ISO_8859_1));
		}
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x0b || c == '\f';
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

}

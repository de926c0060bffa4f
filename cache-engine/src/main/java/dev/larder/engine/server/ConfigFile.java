package dev.larder.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A redis.conf read as Redis's loadServerConfigFromString reads it: one directive a line,
 * blank lines and lines starting with {@code #} skipped, each line split into words by
 * sdssplitargs (spaces separate; "double quotes" take \n, \r, \t, \b, \a, \\, \" and \xHH
 * escapes; 'single quotes' take \' only).
 */
final class ConfigFile {

	private ConfigFile() {
	}

	/** The file's directives, each as its words (name first). */
	static List<List<String>> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage(), e);
		}
		List<List<String>> directives = new ArrayList<>();
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			List<String> words = split(line);
			if (words == null) {
				throw new IllegalArgumentException(
						"config file " + file + " line " + (n + 1) + ": unbalanced quotes in '" + line + "'");
			}
			if (!words.isEmpty()) {
				directives.add(words);
			}
		}
		return directives;
	}

	/** sdssplitargs; null for unbalanced quotes. */
	static @Nullable List<String> split(String line) {
		List<String> out = new ArrayList<>();
		int i = 0;
		int n = line.length();
		while (true) {
			while (i < n && Character.isWhitespace(line.charAt(i))) {
				i++;
			}
			if (i >= n) {
				return out;
			}
			StringBuilder word = new StringBuilder();
			boolean inDouble = false;
			boolean inSingle = false;
			boolean done = false;
			while (!done) {
				char ch = i < n ? line.charAt(i) : 0;
				if (inDouble) {
					if (i >= n) {
						return null;
					}
					if (ch == '\\' && i + 3 < n && line.charAt(i + 1) == 'x' && isHex(line.charAt(i + 2))
							&& isHex(line.charAt(i + 3))) {
						word.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
						i += 3;
					}
					else if (ch == '\\' && i + 1 < n) {
						i++;
						char e = line.charAt(i);
						word.append(switch (e) {
							case 'n' -> '\n';
							case 'r' -> '\r';
							case 't' -> '\t';
							case 'b' -> '\b';
							case 'a' -> (char) 7;
							default -> e;
						});
					}
					else if (ch == '"') {
						// a closing quote must be followed by a space or the end
						if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
							return null;
						}
						done = true;
					}
					else {
						word.append(ch);
					}
				}
				else if (inSingle) {
					if (i >= n) {
						return null;
					}
					if (ch == '\\' && i + 1 < n && line.charAt(i + 1) == '\'') {
						i++;
						word.append('\'');
					}
					else if (ch == '\'') {
						if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
							return null;
						}
						done = true;
					}
					else {
						word.append(ch);
					}
				}
				else if (i >= n || Character.isWhitespace(ch)) {
					done = true;
				}
				else if (ch == '"') {
					inDouble = true;
				}
				else if (ch == '\'') {
					inSingle = true;
				}
				else {
					word.append(ch);
				}
				if (i < n) {
					i++;
				}
			}
			out.add(word.toString());
		}
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

}

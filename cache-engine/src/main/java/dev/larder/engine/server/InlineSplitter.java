package dev.larder.engine.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Redis's sdssplitargs, for inline (telnet-style) commands: whitespace-separated words,
 * "double quotes" with C escapes (\n \r \t \b \a \\ \" \xHH) and 'single quotes' with
 * only \'. A closing quote must be followed by whitespace or the end of line. Returns
 * null for unbalanced quotes.
 */
final class InlineSplitter {

	private InlineSplitter() {
	}

	static byte @Nullable [][] split(byte[] line) {
		List<byte[]> out = new ArrayList<>();
		int p = 0;
		int n = line.length;
		while (true) {
			while (p < n && isSpace(line[p])) {
				p++;
			}
			if (p >= n) {
				return out.toArray(new byte[0][]);
			}
			boolean inq = false;
			boolean insq = false;
			boolean done = false;
			ByteArrayOutputStream current = new ByteArrayOutputStream();
			while (!done) {
				if (inq) {
					if (p >= n) {
						return null;
					}
					byte c = line[p];
					if (c == '\\' && p + 3 < n && line[p + 1] == 'x' && isHex(line[p + 2]) && isHex(line[p + 3])) {
						current.write(hex(line[p + 2]) * 16 + hex(line[p + 3]));
						p += 3;
					}
					else if (c == '\\' && p + 1 < n) {
						p++;
						byte e = line[p];
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
						if (p + 1 < n && !isSpace(line[p + 1])) {
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
					byte c = line[p];
					if (c == '\\' && p + 1 < n && line[p + 1] == '\'') {
						p++;
						current.write('\'');
					}
					else if (c == '\'') {
						if (p + 1 < n && !isSpace(line[p + 1])) {
							return null;
						}
						done = true;
					}
					else {
						current.write(c);
					}
				}
				else {
					if (p >= n) {
						done = true;
						break;
					}
					byte c = line[p];
					switch (c) {
						case ' ', '\n', '\r', '\t', 0 -> done = true;
						case '"' -> inq = true;
						case '\'' -> insq = true;
						default -> current.write(c);
					}
				}
				if (p < n) {
					p++;
				}
			}
			out.add(current.toByteArray());
		}
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0x0b || b == '\f';
	}

	private static boolean isHex(byte b) {
		return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
	}

	private static int hex(byte b) {
		return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
	}

}

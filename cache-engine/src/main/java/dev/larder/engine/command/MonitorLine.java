package dev.larder.engine.command;

import dev.larder.engine.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One MONITOR line (replicationFeedMonitors in replication.c):
 * {@code +<seconds>.<micros> [<db> <address>] "arg" ...}, each argument quoted with
 * sdscatrepr's escapes, and the secrets of AUTH and HELLO ... AUTH replaced by
 * {@code (redacted)} as redactClientCommandArgument leaves them.
 */
final class MonitorLine {

	private static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private MonitorLine() {
	}

	/**
	 * @param address the client's {@code ip:port}, or {@code lua} for a command a script
	 * called
	 */
	static Reply.SimpleString of(Instant now, int db, String address, byte[][] args) {
		StringBuilder line = new StringBuilder(48 + 8 * args.length);
		line.append(now.getEpochSecond()).append('.');
		String micros = Integer.toString(now.getNano() / 1000);
		line.append("000000", micros.length(), 6).append(micros);
		line.append(" [").append(db).append(' ').append(address).append(']');
		boolean[] redacted = redacted(args);
		for (int i = 0; i < args.length; i++) {
			line.append(' ');
			repr(line, redacted[i] ? REDACTED : args[i]);
		}
		return new Reply.SimpleString(line.toString());
	}

	/**
	 * Which arguments authCommand and helloCommand redact: every argument of a valid
	 * AUTH; HELLO's username and password after each AUTH, up to the first bad option
	 * (HELLO stops parsing there, and before any option when the version is not a
	 * number).
	 */
	static boolean[] redacted(byte[][] args) {
		boolean[] r = new boolean[args.length];
		String name = ascii(args[0]);
		if (name.equalsIgnoreCase("auth") && args.length <= 3) {
			for (int i = 1; i < args.length; i++) {
				r[i] = true;
			}
		}
		else if (name.equalsIgnoreCase("hello") && args.length >= 2 && isVersion(args[1])) {
			for (int j = 2; j < args.length; j++) {
				int more = args.length - 1 - j;
				String opt = ascii(args[j]);
				if (opt.equalsIgnoreCase("auth") && more >= 2) {
					r[j + 1] = true;
					r[j + 2] = true;
					j += 2;
				}
				else if (opt.equalsIgnoreCase("setname") && more >= 1) {
					j++;
				}
				else {
					break;
				}
			}
		}
		return r;
	}

	/** getLongLongFromObjectOrReply on HELLO's protover; the range is checked later. */
	private static boolean isVersion(byte[] arg) {
		try {
			Long.parseLong(ascii(arg));
			return true;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static String ascii(byte[] b) {
		return new String(b, StandardCharsets.ISO_8859_1);
	}

	/** sdscatrepr: quoted, with C escapes and \xHH for unprintable bytes. */
	static void repr(StringBuilder out, byte[] arg) {
		out.append('"');
		for (byte b : arg) {
			int c = b & 0xff;
			switch (c) {
				case '\\', '"' -> out.append('\\').append((char) c);
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case 7 -> out.append("\\a");
				case '\b' -> out.append("\\b");
				default -> {
					if (c >= 0x20 && c < 0x7f) {
						out.append((char) c);
					}
					else {
						out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
					}
				}
			}
		}
		out.append('"');
	}

}

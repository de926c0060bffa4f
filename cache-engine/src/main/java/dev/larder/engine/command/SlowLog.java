package dev.larder.engine.command;

import dev.larder.engine.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The slow log (slowlog.c): commands that ran for at least
 * {@code slowlog-log-slower-than} microseconds, newest first, at most
 * {@code slowlog-max-len} of them. Only the threshold is read on every command (a
 * volatile read and a comparison); the lock is taken only to log a slow one.
 */
public final class SlowLog {

	/** SLOWLOG_ENTRY_MAX_ARGC and SLOWLOG_ENTRY_MAX_STRING. */
	static final int MAX_ARGC = 32;

	static final int MAX_STRING = 128;

	/** One logged command, as SLOWLOG GET replies it. */
	record Entry(long id, long timeSeconds, long micros, List<byte[]> argv, String peer, String name) {

		Reply reply() {
			List<Reply> args = new ArrayList<>(argv.size());
			for (byte[] a : argv) {
				args.add(Reply.bulk(a));
			}
			return Reply.array(Reply.integer(id), Reply.integer(timeSeconds), Reply.integer(micros), Reply.array(args),
					Reply.bulk(peer), Reply.bulk(name));
		}

	}

	private final ArrayDeque<Entry> entries = new ArrayDeque<>();

	private long nextId;

	private volatile long slowerThanMicros = 10_000;

	private volatile long maxLen = 128;

	public long slowerThanMicros() {
		return slowerThanMicros;
	}

	public void slowerThanMicros(long micros) {
		this.slowerThanMicros = micros;
	}

	public long maxLen() {
		return maxLen;
	}

	public void maxLen(long maxLen) {
		this.maxLen = maxLen;
	}

	/**
	 * slowlogPushEntryIfNeeded: logs the command when it ran for at least the threshold
	 * (a negative threshold disables the log).
	 */
	void logIfSlow(ClientSession session, byte[][] args, long durationNanos) {
		long threshold = slowerThanMicros;
		if (threshold < 0) {
			return;
		}
		long micros = durationNanos / 1000;
		if (micros < threshold) {
			return;
		}
		List<byte[]> argv = argv(args);
		String name = session.name();
		synchronized (this) {
			entries.addFirst(new Entry(nextId++, System.currentTimeMillis() / 1000, micros, argv, session.address(),
					name == null ? "" : name));
			while (entries.size() > maxLen) {
				entries.removeLast();
			}
		}
	}

	/**
	 * The arguments as slowlogCreateEntry keeps them: at most 32, the last saying how
	 * many more there were; strings over 128 bytes cut, saying by how much; the secrets
	 * of AUTH, HELLO's AUTH and ACL SETUSER redacted, as redactClientCommandArgument.
	 */
	static List<byte[]> argv(byte[][] args) {
		int argc = Math.min(args.length, MAX_ARGC);
		List<byte[]> out = new ArrayList<>(argc);
		boolean auth = is(args[0], "auth");
		boolean hello = is(args[0], "hello");
		// aclCommand redacts every argument of a SETUSER after the subcommand
		boolean setuser = args.length >= 3 && is(args[0], "acl") && is(args[1], "setuser");
		for (int j = 0; j < argc; j++) {
			if (argc != args.length && j == argc - 1) {
				out.add(ascii("... (" + (args.length - argc + 1) + " more arguments)"));
			}
			else if ((auth && j > 0) || (setuser && j > 1)
					|| (hello && j > 1 && is(args[j - 1], "auth") && j + 1 < args.length)
					|| (hello && j > 2 && is(args[j - 2], "auth"))) {
				out.add(ascii("(redacted)"));
			}
			else if (args[j].length > MAX_STRING) {
				byte[] cut = new byte[MAX_STRING];
				System.arraycopy(args[j], 0, cut, 0, MAX_STRING);
				byte[] more = ascii("... (" + (args[j].length - MAX_STRING) + " more bytes)");
				byte[] s = new byte[MAX_STRING + more.length];
				System.arraycopy(cut, 0, s, 0, MAX_STRING);
				System.arraycopy(more, 0, s, MAX_STRING, more.length);
				out.add(s);
			}
			else {
				out.add(args[j].clone());
			}
		}
		return out;
	}

	private static boolean is(byte[] arg, String lower) {
		return new String(arg, StandardCharsets.ISO_8859_1).equalsIgnoreCase(lower);
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/** The newest {@code count} entries, newest first. */
	synchronized List<Entry> newest(long count) {
		List<Entry> out = new ArrayList<>();
		Iterator<Entry> it = entries.iterator();
		while (it.hasNext() && out.size() < count) {
			out.add(it.next());
		}
		return out;
	}

	synchronized int length() {
		return entries.size();
	}

	synchronized void reset() {
		entries.clear();
	}

}

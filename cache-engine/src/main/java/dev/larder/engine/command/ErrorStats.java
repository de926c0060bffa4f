package dev.larder.engine.command;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * INFO errorstats: error replies counted by their prefix ("ERR", "WRONGTYPE", ...), as
 * Redis's afterErrorReply and incrementErrorCount. At most {@link #LIMIT} prefixes are
 * kept: scripts can return errors of any prefix, and the table must not grow without
 * bound.
 */
public final class ErrorStats {

	static final int LIMIT = 128;

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	/** Counts one error reply with this message (without the leading '-'). */
	public void count(String message) {
		String prefix = prefix(message);
		LongAdder n = counts.get(prefix);
		if (n == null) {
			if (counts.size() >= LIMIT) {
				return;
			}
			n = counts.computeIfAbsent(prefix, p -> new LongAdder());
		}
		n.increment();
	}

	/**
	 * The text up to the first space within the first 32 characters, else "ERR" (the
	 * fallback of Redis's afterErrorReply).
	 */
	static String prefix(String message) {
		int space = message.indexOf(' ');
		if (space <= 0 || space >= 32) {
			return "ERR";
		}
		return message.substring(0, space);
	}

	/** The counts by prefix, sorted as Redis's rax walks them. */
	public Map<String, Long> snapshot() {
		Map<String, Long> out = new TreeMap<>();
		counts.forEach((k, v) -> out.put(k, v.sum()));
		return out;
	}

	public void reset() {
		counts.clear();
	}

}

package dev.larder.engine.command;

import dev.larder.engine.keyspace.ZSetValue;
import dev.larder.engine.keyspace.ZSetValue.Node;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A score range (t_zset.c's zrangespec): {@code min} and {@code max} as ZRANGEBYSCORE,
 * ZCOUNT and ZREMRANGEBYSCORE take them, {@code (} making a bound exclusive.
 */
record ScoreRange(double min, double max, boolean minEx, boolean maxEx) implements NodeRange {

	private static final String NOT_FLOAT_RANGE = "ERR min or max is not a float";

	/** zslParseRange: both bounds are read before either is reported. */
	static ScoreRange parse(byte[] min, byte[] max) {
		double[] a = parseBound(min);
		double[] b = parseBound(max);
		if (a == null || b == null) {
			throw new ReplyException(NOT_FLOAT_RANGE);
		}
		return new ScoreRange(a[0], b[0], a[1] == 1, b[1] == 1);
	}

	/** {value, 1 if exclusive}; null when not a float (NaN included). */
	private static double @Nullable [] parseBound(byte[] b) {
		String s = new String(b, StandardCharsets.ISO_8859_1);
		boolean ex = s.startsWith("(");
		Double d = Scores.parseBound(ex ? s.substring(1) : s);
		if (d == null || d.isNaN()) {
			return null;
		}
		return new double[] { d, ex ? 1 : 0 };
	}

	boolean empty() {
		return min > max || min == max && (minEx || maxEx);
	}

	@Override
	public boolean aboveMin(Node n) {
		return aboveMin(n.score());
	}

	@Override
	public boolean belowMax(Node n) {
		return belowMax(n.score());
	}

	boolean aboveMin(double v) {
		return minEx ? v > min : v >= min;
	}

	boolean belowMax(double v) {
		return maxEx ? v < max : v <= max;
	}

	@Override
	public @Nullable Node first(ZSetValue z) {
		if (empty()) {
			return null;
		}
		Node n = z.firstAtLeast(min, minEx);
		return n != null && belowMax(n.score()) ? n : null;
	}

	@Override
	public @Nullable Node last(ZSetValue z) {
		if (empty()) {
			return null;
		}
		Node n = z.lastAtMost(max, maxEx);
		return n != null && aboveMin(n.score()) ? n : null;
	}

}

package dev.larder.engine.command;

import dev.larder.engine.keyspace.ZSetValue;
import dev.larder.engine.keyspace.ZSetValue.Node;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A lex range (t_zset.c's zlexrangespec) as ZRANGEBYLEX, ZLEXCOUNT and ZREMRANGEBYLEX
 * take it: {@code [} inclusive, {@code (} exclusive, {@code -} and {@code +} the
 * infinities. Null bounds are infinities; minInf/maxInf also cover the empty ranges "+"
 * as min and "-" as max.
 */
record LexRange(byte @Nullable [] min, byte @Nullable [] max, boolean minEx, boolean maxEx, int minInf,
		int maxInf) implements NodeRange {

	private static final String NOT_LEX_RANGE = "ERR min or max not valid string range item";

	/** zslParseLexRange: both bounds are read before either is reported. */
	static LexRange parse(byte[] min, byte[] max) {
		Bound a = parseBound(min);
		Bound b = parseBound(max);
		if (a == null || b == null) {
			throw new ReplyException(NOT_LEX_RANGE);
		}
		return new LexRange(a.bytes, b.bytes, a.exclusive, b.exclusive, a.inf, b.inf);
	}

	/**
	 * One parsed bound: its bytes (null for an infinity), whether it is exclusive, and
	 * inf, -1 for "-", +1 for "+", 0 otherwise.
	 */
	private record Bound(byte @Nullable [] bytes, boolean exclusive, int inf) {
	}

	/** The bound, or null when invalid. */
	private static @Nullable Bound parseBound(byte[] b) {
		if (b.length == 0) {
			return null;
		}
		switch (b[0]) {
			case '+' -> {
				return b.length == 1 ? new Bound(null, false, 1) : null;
			}
			case '-' -> {
				return b.length == 1 ? new Bound(null, false, -1) : null;
			}
			case '(' -> {
				return new Bound(Arrays.copyOfRange(b, 1, b.length), true, 0);
			}
			case '[' -> {
				return new Bound(Arrays.copyOfRange(b, 1, b.length), false, 0);
			}
			default -> {
				return null;
			}
		}
	}

	boolean empty() {
		if (minInf > 0 || maxInf < 0) {
			return true;
		}
		if (min == null || max == null) {
			return false;
		}
		int cmp = Arrays.compareUnsigned(min, max);
		return cmp > 0 || cmp == 0 && (minEx || maxEx);
	}

	@Override
	public boolean aboveMin(Node n) {
		return aboveMin(n.member());
	}

	@Override
	public boolean belowMax(Node n) {
		return belowMax(n.member());
	}

	boolean aboveMin(byte[] v) {
		if (minInf < 0 || min == null) {
			return true;
		}
		int cmp = Arrays.compareUnsigned(v, min);
		return minEx ? cmp > 0 : cmp >= 0;
	}

	boolean belowMax(byte[] v) {
		if (maxInf > 0 || max == null) {
			return true;
		}
		int cmp = Arrays.compareUnsigned(v, max);
		return maxEx ? cmp < 0 : cmp <= 0;
	}

	/**
	 * zslIsInLexRange / zzlIsInLexRange: the range is non-empty and overlaps [first,
	 * last].
	 */
	private boolean overlaps(ZSetValue z) {
		if (empty()) {
			return false;
		}
		Node first = z.first();
		Node last = z.last();
		// Both are null exactly when the set is empty.
		return first != null && last != null && aboveMin(last.member()) && belowMax(first.member());
	}

	/**
	 * Lex ranges assume equal scores; with mixed scores Redis's answer depends on the
	 * encoding (a linear listpack scan or a skip-list walk), and so does this one (a
	 * linear scan or a binary search of the tree).
	 */
	@Override
	public @Nullable Node first(ZSetValue z) {
		if (!overlaps(z)) {
			return null;
		}
		Node n;
		if (z.isListpack()) {
			n = z.first();
			while (n != null && !aboveMin(n.member())) {
				n = n.next();
			}
		}
		else {
			n = z.firstMemberWhere(this::aboveMin);
		}
		return n != null && belowMax(n.member()) ? n : null;
	}

	/** See {@link #first}. */
	@Override
	public @Nullable Node last(ZSetValue z) {
		if (!overlaps(z)) {
			return null;
		}
		Node n;
		if (z.isListpack()) {
			n = z.last();
			while (n != null && !belowMax(n.member())) {
				n = n.prev();
			}
		}
		else {
			n = z.lastMemberWhere(this::belowMax);
		}
		return n != null && aboveMin(n.member()) ? n : null;
	}

}

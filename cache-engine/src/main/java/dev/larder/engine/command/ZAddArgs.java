package dev.larder.engine.command;

/**
 * ZADD's arguments: {@code key [NX|XX] [GT|LT] [CH] [INCR] score member [score member
 * ...]}, parsed as zaddGenericCommand does before it looks the key up: the option words
 * (repeats allowed), then the pair count, then the incompatible combinations, then every
 * score, so a bad score anywhere leaves the set untouched.
 *
 * @param nx only add new members
 * @param xx only update existing members
 * @param gt only update when the new score is greater
 * @param lt only update when the new score is less
 * @param ch count changed members, not only added ones
 * @param incr increment the score (one pair only) and reply with the result
 * @param firstPair index of the first score
 * @param scores the pairs' scores, in order
 */
record ZAddArgs(boolean nx, boolean xx, boolean gt, boolean lt, boolean ch, boolean incr, int firstPair,
		double[] scores) {

	static ZAddArgs parse(CommandContext c) {
		boolean nx = false;
		boolean xx = false;
		boolean gt = false;
		boolean lt = false;
		boolean ch = false;
		boolean incr = false;
		int i = 2;
		for (; i < c.argc(); i++) {
			byte[] a = c.arg(i);
			if (Args.is(a, "nx")) {
				nx = true;
			}
			else if (Args.is(a, "xx")) {
				xx = true;
			}
			else if (Args.is(a, "gt")) {
				gt = true;
			}
			else if (Args.is(a, "lt")) {
				lt = true;
			}
			else if (Args.is(a, "ch")) {
				ch = true;
			}
			else if (Args.is(a, "incr")) {
				incr = true;
			}
			else {
				break;
			}
		}
		int elements = c.argc() - i;
		if (elements % 2 != 0 || elements == 0) {
			throw new ReplyException(Errors.SYNTAX);
		}
		elements /= 2;
		if (nx && xx) {
			throw new ReplyException("ERR XX and NX options at the same time are not compatible");
		}
		if (gt && nx || lt && nx || gt && lt) {
			throw new ReplyException("ERR GT, LT, and/or NX options at the same time are not compatible");
		}
		if (incr && elements > 1) {
			throw new ReplyException("ERR INCR option supports a single increment-element pair");
		}
		double[] scores = new double[elements];
		for (int j = 0; j < elements; j++) {
			scores[j] = ZSetCommands.parseScore(c.arg(i + j * 2));
		}
		return new ZAddArgs(nx, xx, gt, lt, ch, incr, i, scores);
	}

	int pairs() {
		return scores.length;
	}

	double score(int pair) {
		return scores[pair];
	}

	byte[] member(CommandContext c, int pair) {
		return c.arg(firstPair + pair * 2 + 1);
	}

	/**
	 * The score an existing member would move to: the pair's score, or with INCR the sum,
	 * which may not be NaN (inf + -inf).
	 */
	double newScore(double current, int pair) {
		double next = incr ? current + scores[pair] : scores[pair];
		if (incr && Double.isNaN(next)) {
			throw new ReplyException(ZSetCommands.NAN_SCORE);
		}
		return next;
	}

	/** GT and LT: whether an existing member keeps its current score. */
	boolean keepsCurrent(double current, double next) {
		return lt && next >= current || gt && next <= current;
	}

}

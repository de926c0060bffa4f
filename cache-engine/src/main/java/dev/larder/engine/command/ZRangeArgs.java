package dev.larder.engine.command;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of ZRANGE, ZRANGESTORE and the legacy ZRANGEBYSCORE, ZRANGEBYLEX,
 * ZREVRANGE* forms: {@code min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]
 * [WITHSCORES]}, parsed as zrangeGenericCommand does before it looks the key up: the
 * option words, then the conflicting combinations, then the bounds (swapped for a reverse
 * score or lex range, where max comes first).
 *
 * @param by what min and max are
 * @param rev whether the range is walked from its end
 * @param withScores whether the reply pairs members with scores
 * @param offset LIMIT's offset (0 without LIMIT)
 * @param limit LIMIT's count (-1 without LIMIT, or when negative: no limit)
 * @param start a rank range's start (RANK only)
 * @param end a rank range's end, inclusive (RANK only)
 * @param range a score or lex range (SCORE and LEX only; null for RANK)
 */
record ZRangeArgs(By by, boolean rev, boolean withScores, long offset, long limit, long start, long end,
		@Nullable NodeRange range) {

	/** What a range's bounds are. */
	enum By {

		RANK, SCORE, LEX

	}

	/**
	 * Parses the range of the key at {@code keyIdx}. {@code preset} is the legacy
	 * command's kind, null for ZRANGE and ZRANGESTORE, which choose it with BYSCORE or
	 * BYLEX and their direction with REV; a store takes no WITHSCORES.
	 */
	static ZRangeArgs parse(CommandContext c, int keyIdx, @Nullable By preset, boolean presetRev, boolean store) {
		By by = preset;
		boolean rev = presetRev;
		boolean revAllowed = preset == null && !presetRev;
		boolean withScores = false;
		long offset = 0;
		long limit = -1;
		for (int j = keyIdx + 3; j < c.argc(); j++) {
			int left = c.argc() - j - 1;
			byte[] a = c.arg(j);
			if (!store && Args.is(a, "withscores")) {
				withScores = true;
			}
			else if (Args.is(a, "limit") && left >= 2) {
				offset = Args.parseLong(c.arg(j + 1));
				limit = Args.parseLong(c.arg(j + 2));
				j += 2;
			}
			else if (revAllowed && !rev && Args.is(a, "rev")) {
				rev = true;
			}
			else if (by == null && Args.is(a, "bylex")) {
				by = By.LEX;
			}
			else if (by == null && Args.is(a, "byscore")) {
				by = By.SCORE;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		if (by == null) {
			by = By.RANK;
		}
		if (limit != -1 && by == By.RANK) {
			throw new ReplyException(
					"ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
		}
		if (withScores && by == By.LEX) {
			throw new ReplyException("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
		}
		boolean maxFirst = rev && by != By.RANK;
		byte[] min = c.arg(keyIdx + (maxFirst ? 2 : 1));
		byte[] max = c.arg(keyIdx + (maxFirst ? 1 : 2));
		return parseBounds(by, min, max, rev, withScores, offset, limit);
	}

	/**
	 * A forward range with no options, as ZREMRANGEBYRANK, ZREMRANGEBYSCORE and
	 * ZREMRANGEBYLEX take it; rank bounds are read start first.
	 */
	static ZRangeArgs bounds(By by, byte[] min, byte[] max) {
		return parseBounds(by, min, max, false, false, 0, -1);
	}

	private static ZRangeArgs parseBounds(By by, byte[] min, byte[] max, boolean rev, boolean withScores, long offset,
			long limit) {
		return switch (by) {
			case RANK -> {
				long start = Args.parseLong(min);
				long end = Args.parseLong(max);
				yield new ZRangeArgs(by, rev, withScores, offset, limit, start, end, null);
			}
			case SCORE -> new ZRangeArgs(by, rev, withScores, offset, limit, 0, 0, ScoreRange.parse(min, max));
			case LEX -> new ZRangeArgs(by, rev, withScores, offset, limit, 0, 0, LexRange.parse(min, max));
		};
	}

}

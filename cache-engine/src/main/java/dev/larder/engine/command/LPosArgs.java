package dev.larder.engine.command;

/**
 * LPOS's options {@code [RANK rank] [COUNT num-matches] [MAXLEN len]}, read in order as
 * t_list.c's lposCommand does, before it looks the key up; a later option may repeat and
 * override an earlier one.
 *
 * @param rank which match to start from: 1 the first, -1 the first from the tail
 * @param count how many matches to return (-1 without COUNT: one, as a plain reply; 0
 * all)
 * @param maxlen how many elements to compare at most (0: all)
 */
record LPosArgs(long rank, long count, long maxlen) {

	static LPosArgs parse(CommandContext c) {
		long rank = 1;
		long count = -1;
		long maxlen = 0;
		for (int i = 3; i < c.argc(); i++) {
			boolean moreArgs = c.argc() - i - 1 > 0;
			if (Args.is(c.arg(i), "rank") && moreArgs) {
				rank = Args.parseLong(c.arg(++i));
				if (rank == 0) {
					throw new ReplyException("ERR RANK can't be zero: use 1 to start from the first match, 2 from the "
							+ "second ... or use negative to start from the end of the list");
				}
			}
			else if (Args.is(c.arg(i), "count") && moreArgs) {
				count = Args.parsePositiveLong(c.arg(++i), "ERR COUNT can't be negative");
			}
			else if (Args.is(c.arg(i), "maxlen") && moreArgs) {
				maxlen = Args.parsePositiveLong(c.arg(++i), "ERR MAXLEN can't be negative");
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return new LPosArgs(rank, count, maxlen);
	}

	/** Whether COUNT was given: the reply is then an array. */
	boolean many() {
		return count >= 0;
	}

	/**
	 * Matches to pass over before the first one reported. lposCommand reports a match
	 * once {@code matches >= rank}, with a negative rank negated first: LONG_MIN negates
	 * to itself, so it reports from the first match (from the tail).
	 */
	long skip() {
		return rank == Long.MIN_VALUE ? 0 : Math.abs(rank) - 1;
	}

	/**
	 * How many matches to report at most, 0 for all. lposCommand stops when
	 * {@code matches - rank + 1 >= count}, which for a rank of LONG_MIN overflows to a
	 * negative number and never holds: COUNT is then no limit.
	 */
	long limit() {
		return rank == Long.MIN_VALUE ? 0 : count;
	}

}

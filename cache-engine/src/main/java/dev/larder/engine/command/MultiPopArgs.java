package dev.larder.engine.command;

/**
 * The arguments LMPOP, ZMPOP and their blocking forms share:
 * {@code numkeys key... END [COUNT n]}, where END names the end to pop from (LEFT|RIGHT,
 * MIN|MAX). Errors are thrown as {@link ReplyException} with Redis's text, in Redis's
 * order of checks.
 *
 * @param firstKey index of the first key
 * @param endKey index just past the last key (where END stands)
 * @param fromSecondEnd whether END named the second of the two ends (RIGHT, MAX)
 * @param count how many elements to pop (1 without COUNT)
 */
record MultiPopArgs(int firstKey, int endKey, boolean fromSecondEnd, long count) {

	/**
	 * Parses from numkeys at {@code at}; {@code firstEnd}/{@code secondEnd} are END's two
	 * words.
	 */
	static MultiPopArgs parse(CommandContext c, int at, String firstEnd, String secondEnd) {
		long numkeys = Args.parseLong(c.arg(at), "ERR numkeys should be greater than 0");
		if (numkeys <= 0) {
			throw new ReplyException("ERR numkeys should be greater than 0");
		}
		// END's index (at + 1 + numkeys) past the last argument, compared without adding:
		// numkeys may be as large as LONG_MAX
		if (numkeys >= c.argc() - at - 1) {
			throw new ReplyException(Errors.SYNTAX);
		}
		int whereIdx = at + 1 + (int) numkeys;
		boolean second;
		if (Args.is(c.arg(whereIdx), firstEnd)) {
			second = false;
		}
		else if (Args.is(c.arg(whereIdx), secondEnd)) {
			second = true;
		}
		else {
			throw new ReplyException(Errors.SYNTAX);
		}
		long count = -1;
		for (int i = whereIdx + 1; i < c.argc(); i++) {
			if (count == -1 && Args.is(c.arg(i), "count") && i + 1 < c.argc()) {
				count = Args.parseLong(c.arg(++i), "ERR count should be greater than 0");
				if (count <= 0) {
					throw new ReplyException("ERR count should be greater than 0");
				}
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return new MultiPopArgs(at + 1, whereIdx, second, count == -1 ? 1 : count);
	}
}

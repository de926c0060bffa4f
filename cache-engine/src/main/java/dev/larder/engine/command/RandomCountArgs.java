package dev.larder.engine.command;

/**
 * The count form of ZRANDMEMBER and HRANDFIELD: {@code key count [WITHSCORES]} and
 * {@code key count [WITHVALUES]}. The count is read first, then the option, both before
 * the key is looked up.
 *
 * @param count how many to pick: positive for distinct picks, negative to allow repeats
 * @param withValues whether the reply pairs each pick with its score or value
 */
record RandomCountArgs(long count, boolean withValues) {

	/** A count whose absolute value does not fit a long. */
	static final String RANGE_ERROR = "ERR value is out of range, value must between -9223372036854775807 and "
			+ "9223372036854775807";

	/**
	 * Parses from the count at index 2; {@code withWord} is the option's lower-case name.
	 */
	static RandomCountArgs parse(CommandContext c, String withWord) {
		long count = Args.parseLong(c.arg(2));
		if (count == Long.MIN_VALUE) {
			throw new ReplyException(RANGE_ERROR);
		}
		if (c.argc() > 4 || c.argc() == 4 && !Args.is(c.arg(3), withWord)) {
			throw new ReplyException(Errors.SYNTAX);
		}
		return new RandomCountArgs(count, c.argc() == 4);
	}

}

package dev.larder.engine.command;

/**
 * SINTERCARD's arguments {@code numkeys key... [LIMIT limit]}, all read before any key is
 * looked up (t_set.c's sinterCardCommand; ZINTERCARD, unlike it, type-checks its keys
 * before reading LIMIT: see {@link ZSetOpArgs}).
 *
 * @param numKeys how many keys follow numkeys
 * @param limit stop counting there (0: no limit)
 */
record SInterCardArgs(int numKeys, long limit) {

	static SInterCardArgs parse(CommandContext c) {
		long numkeys = Args.parseLong(c.arg(1), "ERR numkeys should be greater than 0");
		if (numkeys <= 0) {
			throw new ReplyException("ERR numkeys should be greater than 0");
		}
		if (numkeys > c.argc() - 2) {
			throw new ReplyException("ERR Number of keys can't be greater than number of args");
		}
		long limit = 0;
		for (int i = 2 + (int) numkeys; i < c.argc(); i++) {
			if (Args.is(c.arg(i), "limit") && i + 1 < c.argc()) {
				limit = Args.parsePositiveLong(c.arg(++i), "ERR LIMIT can't be negative");
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return new SInterCardArgs((int) numkeys, limit);
	}

}

package dev.larder.engine.command;

import dev.larder.engine.keyspace.Database;

/**
 * COPY's options {@code [DB destination-db] [REPLACE]}, read in order as db.c's
 * copyCommand does: a bad or out-of-range DB index is reported where it stands.
 *
 * @param target the destination database (the current one without DB)
 * @param replace whether an existing destination key is overwritten
 */
record CopyArgs(Database target, boolean replace) {

	static CopyArgs parse(CommandContext c) {
		Database target = c.db();
		boolean replace = false;
		for (int j = 3; j < c.argc(); j++) {
			int additional = c.argc() - j - 1;
			if (Args.is(c.arg(j), "replace")) {
				replace = true;
			}
			else if (Args.is(c.arg(j), "db") && additional >= 1) {
				int id = Args.parseInt(c.arg(j + 1));
				if (id < 0 || id >= c.core().keyspace().databaseCount()) {
					throw new ReplyException(Errors.DB_OUT_OF_RANGE);
				}
				target = c.core().keyspace().db(id);
				j++;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return new CopyArgs(target, replace);
	}

}

package dev.larder.engine.command;

import dev.larder.engine.keyspace.KeyEntry;

/**
 * SET's options {@code [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL]} and GETEX's
 * {@code [EX s|PX ms|EXAT s|PXAT ms|PERSIST]}, read as t_string.c's
 * parseExtendedStringArgumentsOrReply does: conflicting options are a syntax error,
 * repeating one is not. The expire value itself is read later, by {@link #expireAt}, when
 * Redis reads it: SET before the key lookup, GETEX only once the key is found.
 */
final class SetArgs {

	static final int NX = 1;

	static final int XX = 1 << 1;

	static final int GET = 1 << 2;

	static final int KEEPTTL = 1 << 3;

	static final int PERSIST = 1 << 4;

	static final int EX = 1 << 5;

	static final int PX = 1 << 6;

	static final int EXAT = 1 << 7;

	static final int PXAT = 1 << 8;

	private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;

	/** No options: shared, so a plain SET allocates nothing for its arguments. */
	static final SetArgs NONE = new SetArgs(0, -1);

	/** SETNX's fixed option. */
	static final SetArgs ONLY_IF_ABSENT = new SetArgs(NX, -1);

	private final int flags;

	/** Index of the expire option's value, -1 without one. */
	private final int expireIdx;

	private SetArgs(int flags, int expireIdx) {
		this.flags = flags;
		this.expireIdx = expireIdx;
	}

	/** SET key value [options]. */
	static SetArgs parseSet(CommandContext c) {
		return c.argc() == 3 ? NONE : parse(c, 3, true);
	}

	/** GETEX key [options]. */
	static SetArgs parseGetEx(CommandContext c) {
		return parse(c, 2, false);
	}

	private static SetArgs parse(CommandContext c, int from, boolean forSet) {
		int flags = 0;
		int expireIdx = -1;
		for (int j = from; j < c.argc(); j++) {
			byte[] opt = c.arg(j);
			boolean hasNext = j < c.argc() - 1;
			int expire = expireOption(opt);
			if (forSet && Args.is(opt, "nx") && (flags & XX) == 0) {
				flags |= NX;
			}
			else if (forSet && Args.is(opt, "xx") && (flags & NX) == 0) {
				flags |= XX;
			}
			else if (forSet && Args.is(opt, "get")) {
				flags |= GET;
			}
			else if (forSet && Args.is(opt, "keepttl") && (flags & (PERSIST | ANY_EXPIRE)) == 0) {
				flags |= KEEPTTL;
			}
			else if (!forSet && Args.is(opt, "persist") && (flags & (KEEPTTL | ANY_EXPIRE)) == 0) {
				flags |= PERSIST;
			}
			else if (hasNext && expire != 0 && (flags & (KEEPTTL | PERSIST | (ANY_EXPIRE & ~expire))) == 0) {
				flags |= expire;
				expireIdx = ++j;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return new SetArgs(flags, expireIdx);
	}

	private static int expireOption(byte[] opt) {
		if (Args.is(opt, "ex")) {
			return EX;
		}
		else if (Args.is(opt, "px")) {
			return PX;
		}
		else if (Args.is(opt, "exat")) {
			return EXAT;
		}
		else if (Args.is(opt, "pxat")) {
			return PXAT;
		}
		return 0;
	}

	boolean nx() {
		return (flags & NX) != 0;
	}

	boolean xx() {
		return (flags & XX) != 0;
	}

	boolean get() {
		return (flags & GET) != 0;
	}

	boolean keepTtl() {
		return (flags & KEEPTTL) != 0;
	}

	boolean persist() {
		return (flags & PERSIST) != 0;
	}

	boolean hasExpire() {
		return expireIdx >= 0;
	}

	/** EXAT or PXAT: a time that may already be past. */
	boolean absoluteExpire() {
		return (flags & (EXAT | PXAT)) != 0;
	}

	/**
	 * The expire option's value as an absolute time, {@link KeyEntry#NO_EXPIRY} without
	 * one; {@code command} names the command in the error for a bad value.
	 */
	long expireAt(CommandContext c, String command) {
		if (expireIdx < 0) {
			return KeyEntry.NO_EXPIRY;
		}
		return toAbsoluteMillis(c, flags & ANY_EXPIRE, Args.parseLong(c.arg(expireIdx)), command);
	}

	/**
	 * getExpireMillisecondsOrReply for one of EX, PX, EXAT, PXAT: positive, no overflow,
	 * relative forms added to now.
	 */
	static long toAbsoluteMillis(CommandContext c, int unit, long raw, String command) {
		boolean seconds = (unit & (EX | EXAT)) != 0;
		if (raw <= 0 || seconds && raw > Long.MAX_VALUE / 1000) {
			throw new ReplyException(Errors.invalidExpire(command));
		}
		long ms = seconds ? raw * 1000 : raw;
		if ((unit & (EX | PX)) != 0) {
			ms += c.now();
		}
		if (ms <= 0) {
			throw new ReplyException(Errors.invalidExpire(command));
		}
		return ms;
	}

}

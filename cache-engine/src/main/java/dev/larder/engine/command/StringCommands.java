package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.StringCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The string family, following t_string.c, including its order of checks (it decides
 * which error wins).
 */
final class StringCommands {

	private static final int NX = 1;

	private static final int XX = 1 << 1;

	private static final int GET = 1 << 2;

	private static final int KEEPTTL = 1 << 3;

	private static final int PERSIST = 1 << 4;

	private static final int EX = 1 << 5;

	private static final int PX = 1 << 6;

	private static final int EXAT = 1 << 7;

	private static final int PXAT = 1 << 8;

	private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;

	private StringCommands() {
	}

	static void register(CommandTable t) {
		t.bind(StringCommandSpecs.GET, StringCommands::get);
		t.bind(StringCommandSpecs.SET, StringCommands::set);
		t.bind(StringCommandSpecs.SETNX, StringCommands::setnx);
		t.bind(StringCommandSpecs.SETEX, c -> setWithExpire(c, EX, "setex"));
		t.bind(StringCommandSpecs.PSETEX, c -> setWithExpire(c, PX, "psetex"));
		t.bind(StringCommandSpecs.MGET, StringCommands::mget);
		t.bind(StringCommandSpecs.MSET, StringCommands::mset);
		t.bind(StringCommandSpecs.MSETNX, StringCommands::msetnx);
		t.bind(StringCommandSpecs.GETSET, StringCommands::getset);
		t.bind(StringCommandSpecs.GETDEL, StringCommands::getdel);
		t.bind(StringCommandSpecs.GETEX, StringCommands::getex);
		t.bind(StringCommandSpecs.APPEND, StringCommands::append);
		t.bind(StringCommandSpecs.STRLEN, StringCommands::strlen);
		t.bind(StringCommandSpecs.INCR, c -> incrBy(c, 1));
		t.bind(StringCommandSpecs.DECR, c -> incrBy(c, -1));
		t.bind(StringCommandSpecs.INCRBY, c -> incrBy(c, Args.parseLong(c.arg(2))));
		t.bind(StringCommandSpecs.DECRBY, StringCommands::decrby);
		t.bind(StringCommandSpecs.INCRBYFLOAT, StringCommands::incrbyfloat);
		t.bind(StringCommandSpecs.GETRANGE, StringCommands::getrange);
		t.bind(StringCommandSpecs.SETRANGE, StringCommands::setrange);
	}

	private static Reply get(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		return e == null ? Reply.NULL : Reply.bulk((byte[]) e.value());
	}

	/** SET key value [NX|XX] [GET] [EX|PX|EXAT|PXAT|KEEPTTL]. */
	private static Reply set(CommandContext c) {
		long[] expire = new long[1];
		int flags = parseExtended(c, 3, true, expire);
		long when = (flags & ANY_EXPIRE) != 0
				? toAbsoluteMillis(c, flags, Args.parseLong(c.arg((int) expire[0])), "set") : KeyEntry.NO_EXPIRY;
		return doSet(c, c.arg(1), c.arg(2), flags, when, Reply.OK, Reply.NULL);
	}

	private static Reply setnx(CommandContext c) {
		return doSet(c, c.arg(1), c.arg(2), NX, KeyEntry.NO_EXPIRY, Reply.integer(1), Reply.integer(0));
	}

	private static Reply setWithExpire(CommandContext c, int unitFlag, String name) {
		long when = toAbsoluteMillis(c, unitFlag, Args.parseLong(c.arg(2)), name);
		return doSet(c, c.arg(1), c.arg(3), unitFlag, when, Reply.OK, Reply.NULL);
	}

	/** setGenericCommand. */
	private static Reply doSet(CommandContext c, byte[] key, byte[] value, int flags, long when, Reply okReply,
			Reply abortReply) {
		Database db = c.db();
		Reply old = null;
		KeyEntry existing;
		if ((flags & GET) != 0) {
			existing = c.lookupRead(key, ValueType.STRING);
			old = existing == null ? Reply.NULL : Reply.bulk((byte[]) existing.value());
		}
		else {
			existing = db.lookup(key);
		}
		if ((flags & NX) != 0 && existing != null || (flags & XX) != 0 && existing == null) {
			return old != null ? old : abortReply;
		}
		KeyEntry e;
		if ((flags & KEEPTTL) != 0 && existing != null) {
			db.replaceValue(existing, value);
			e = existing;
		}
		else {
			e = db.put(key, value);
		}
		if (when != KeyEntry.NO_EXPIRY) {
			db.expireAt(e, when);
		}
		return old != null ? old : okReply;
	}

	/**
	 * parseExtendedStringArgumentsOrReply: SET accepts NX XX GET KEEPTTL, GETEX accepts
	 * PERSIST, both the four expire forms. Conflicting options are a syntax error;
	 * repeating one is not.
	 */
	private static int parseExtended(CommandContext c, int from, boolean forSet, long[] expire) {
		int flags = 0;
		for (int j = from; j < c.argc(); j++) {
			byte[] opt = c.arg(j);
			boolean hasNext = j < c.argc() - 1;
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
			else if (hasNext && expireOption(opt) != 0
					&& (flags & (KEEPTTL | PERSIST | (ANY_EXPIRE & ~expireOption(opt)))) == 0) {
				flags |= expireOption(opt);
				expire[0] = j + 1; // index of the value; parsed later, in Redis's order
				j++;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		return flags;
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

	/**
	 * getExpireMillisecondsOrReply: positive, no overflow, relative forms added to now.
	 */
	private static long toAbsoluteMillis(CommandContext c, int flags, long raw, String name) {
		boolean seconds = (flags & (EX | EXAT)) != 0;
		if (raw <= 0 || seconds && raw > Long.MAX_VALUE / 1000) {
			throw new ReplyException(Errors.invalidExpire(name));
		}
		long ms = seconds ? raw * 1000 : raw;
		if ((flags & (EX | PX)) != 0) {
			ms += c.now();
		}
		if (ms <= 0) {
			throw new ReplyException(Errors.invalidExpire(name));
		}
		return ms;
	}

	private static Reply mget(CommandContext c) {
		Database db = c.db();
		List<Reply> out = new ArrayList<>(c.argc() - 1);
		for (int i = 1; i < c.argc(); i++) {
			KeyEntry e = db.lookupRead(c.arg(i));
			out.add(e != null && e.value() instanceof byte[] v ? Reply.bulk(v) : Reply.NULL);
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply mset(CommandContext c) {
		if (c.argc() % 2 == 0) {
			return Reply.error(Errors.wrongArity("mset"));
		}
		Database db = c.db();
		for (int i = 1; i < c.argc(); i += 2) {
			db.put(c.arg(i), c.arg(i + 1));
		}
		return Reply.OK;
	}

	private static Reply msetnx(CommandContext c) {
		if (c.argc() % 2 == 0) {
			return Reply.error(Errors.wrongArity("msetnx"));
		}
		Database db = c.db();
		for (int i = 1; i < c.argc(); i += 2) {
			if (db.lookup(c.arg(i)) != null) {
				return Reply.integer(0);
			}
		}
		for (int i = 1; i < c.argc(); i += 2) {
			db.put(c.arg(i), c.arg(i + 1));
		}
		return Reply.integer(1);
	}

	private static Reply getset(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		Reply old = e == null ? Reply.NULL : Reply.bulk((byte[]) e.value());
		c.db().put(c.arg(1), c.arg(2));
		return old;
	}

	private static Reply getdel(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.NULL;
		}
		c.db().remove(e);
		return Reply.bulk((byte[]) e.value());
	}

	/**
	 * GETEX: syntax first, then a missing key answers null before the expire value is
	 * even parsed.
	 */
	private static Reply getex(CommandContext c) {
		long[] expire = new long[1];
		int flags = parseExtended(c, 2, false, expire);
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.NULL;
		}
		long when = 0;
		if ((flags & ANY_EXPIRE) != 0) {
			when = toAbsoluteMillis(c, flags, Args.parseLong(c.arg((int) expire[0])), "getex");
		}
		Reply value = Reply.bulk((byte[]) e.value());
		Database db = c.db();
		if ((flags & (EXAT | PXAT)) != 0 && when <= c.now()) {
			db.remove(e);
		}
		else if ((flags & PERSIST) != 0) {
			db.persist(e);
		}
		else if ((flags & ANY_EXPIRE) != 0) {
			db.expireAt(e, when);
		}
		return value;
	}

	private static Reply append(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.STRING);
		byte[] suffix = c.arg(2);
		if (e == null) {
			c.db().add(c.arg(1), suffix);
			return Reply.integer(suffix.length);
		}
		byte[] old = (byte[]) e.value();
		Args.checkStringLength(c, old.length, suffix.length);
		byte[] joined = Arrays.copyOf(old, old.length + suffix.length);
		System.arraycopy(suffix, 0, joined, old.length, suffix.length);
		c.db().replaceValue(e, joined);
		return Reply.integer(joined.length);
	}

	private static Reply strlen(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		return Reply.integer(e == null ? 0 : ((byte[]) e.value()).length);
	}

	private static Reply decrby(CommandContext c) {
		long decrement = Args.parseLong(c.arg(2));
		if (decrement == Long.MIN_VALUE) {
			return Reply.error(Errors.DECR_OVERFLOW);
		}
		return incrBy(c, -decrement);
	}

	/**
	 * incrDecrCommand: the key's value must itself be a 64-bit integer; overflow is
	 * refused, never wrapped.
	 */
	private static Reply incrBy(CommandContext c, long increment) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.STRING);
		long value = 0;
		if (e != null) {
			long[] out = new long[1];
			if (!Bytes.parseLong((byte[]) e.value(), out)) {
				return Reply.error(Errors.NOT_INTEGER);
			}
			value = out[0];
		}
		long result = value + increment;
		if (((value ^ result) & (increment ^ result)) < 0) {
			return Reply.error(Errors.OVERFLOW);
		}
		byte[] text = Bytes.fromLong(result);
		if (e == null) {
			c.db().add(c.arg(1), text);
		}
		else {
			c.db().replaceValue(e, text);
		}
		return Reply.integer(result);
	}

	private static Reply incrbyfloat(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.STRING);
		BigDecimal value = e == null ? BigDecimal.ZERO : LongDoubles.parse((byte[]) e.value());
		BigDecimal increment = value == null ? null : LongDoubles.parse(c.arg(2));
		if (value == null || increment == null) {
			return Reply.error(Errors.NOT_FLOAT);
		}
		BigDecimal sum = LongDoubles.add(value, increment);
		if (sum == null || LongDoubles.isInfinite(sum)) {
			return Reply.error(Errors.NAN_OR_INFINITY);
		}
		byte[] text = LongDoubles.format(sum);
		if (e == null) {
			c.db().add(c.arg(1), text);
		}
		else {
			c.db().replaceValue(e, text);
		}
		return Reply.bulk(text);
	}

	/**
	 * Redis 7.0's GETRANGE index arithmetic, quirks included (e.g. "abc" 0 -100 gives
	 * "a").
	 */
	private static Reply getrange(CommandContext c) {
		long start = Args.parseLong(c.arg(2));
		long end = Args.parseLong(c.arg(3));
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.bulk(Bytes.EMPTY);
		}
		byte[] s = (byte[]) e.value();
		long len = s.length;
		if (start < 0 && end < 0 && start > end) {
			return Reply.bulk(Bytes.EMPTY);
		}
		if (start < 0) {
			start = len + start;
		}
		if (end < 0) {
			end = len + end;
		}
		if (start < 0) {
			start = 0;
		}
		if (end < 0) {
			end = 0;
		}
		if (end >= len) {
			end = len - 1;
		}
		if (start > end || len == 0) {
			return Reply.bulk(Bytes.EMPTY);
		}
		return Reply.bulk(Arrays.copyOfRange(s, (int) start, (int) end + 1));
	}

	private static Reply setrange(CommandContext c) {
		long offset = Args.parseLong(c.arg(2));
		if (offset < 0) {
			return Reply.error(Errors.OFFSET_OUT_OF_RANGE);
		}
		byte[] patch = c.arg(3);
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.STRING);
		if (e == null) {
			if (patch.length == 0) {
				return Reply.integer(0);
			}
			Args.checkStringLength(c, offset, patch.length);
			byte[] value = new byte[(int) offset + patch.length];
			System.arraycopy(patch, 0, value, (int) offset, patch.length);
			c.db().add(c.arg(1), value);
			return Reply.integer(value.length);
		}
		byte[] old = (byte[]) e.value();
		if (patch.length == 0) {
			return Reply.integer(old.length);
		}
		Args.checkStringLength(c, offset, patch.length);
		byte[] value = Arrays.copyOf(old, (int) Math.max(old.length, offset + patch.length));
		System.arraycopy(patch, 0, value, (int) offset, patch.length);
		c.db().replaceValue(e, value);
		return Reply.integer(value.length);
	}

}

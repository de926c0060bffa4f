package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.StringCommandSpecs;
import dev.larder.engine.events.KeyChanges;
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

	/** SETEX's and PSETEX's units, as register passes them to setWithExpire. */
	private static final int EX = SetArgs.EX;

	private static final int PX = SetArgs.PX;

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
		t.bind(StringCommandSpecs.SUBSTR, StringCommands::getrange);
		t.bind(StringCommandSpecs.LCS, LcsCommand::lcs);
	}

	private static Reply get(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		return e == null ? Reply.NULL : Reply.bulk(e.asString());
	}

	/**
	 * SET key value [NX|XX] [GET] [EX|PX|EXAT|PXAT|KEEPTTL]: options, expire value, key.
	 */
	private static Reply set(CommandContext c) {
		SetArgs a = SetArgs.parseSet(c);
		long when = a.expireAt(c, "set");
		return doSet(c, c.arg(1), c.arg(2), a, when, Reply.OK, Reply.NULL);
	}

	private static Reply setnx(CommandContext c) {
		return doSet(c, c.arg(1), c.arg(2), SetArgs.ONLY_IF_ABSENT, KeyEntry.NO_EXPIRY, Reply.integer(1),
				Reply.integer(0));
	}

	private static Reply setWithExpire(CommandContext c, int unitFlag, String name) {
		long when = SetArgs.toAbsoluteMillis(c, unitFlag, Args.parseLong(c.arg(2)), name);
		return doSet(c, c.arg(1), c.arg(3), SetArgs.NONE, when, Reply.OK, Reply.NULL);
	}

	/** setGenericCommand. */
	private static Reply doSet(CommandContext c, byte[] key, byte[] value, SetArgs a, long when, Reply okReply,
			Reply abortReply) {
		Database db = c.db();
		Reply old = null;
		KeyEntry existing;
		if (a.get()) {
			existing = c.lookupRead(key, ValueType.STRING);
			old = existing == null ? Reply.NULL : Reply.bulk(existing.asString());
		}
		else {
			existing = db.lookup(key);
		}
		if (a.nx() && existing != null || a.xx() && existing == null) {
			return old != null ? old : abortReply;
		}
		if (a.keepTtl() && existing != null) {
			db.replaceValue(existing, value);
		}
		else {
			db.put(key, value, when);
		}
		c.modified(key);
		c.notify(KeyChanges.NOTIFY_STRING, "set", key);
		if (when != KeyEntry.NO_EXPIRY) {
			c.notify(KeyChanges.NOTIFY_GENERIC, "expire", key);
		}
		return old != null ? old : okReply;
	}

	private static Reply mget(CommandContext c) {
		Database db = c.db();
		List<Reply> out = new ArrayList<>(c.argc() - 1);
		for (int i = 1; i < c.argc(); i++) {
			KeyEntry e = db.lookupRead(c.arg(i));
			out.add(e != null && ValueType.of(e.value()) == ValueType.STRING ? Reply.bulk(e.asString()) : Reply.NULL);
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
			c.modified(c.arg(i));
			c.notify(KeyChanges.NOTIFY_STRING, "set", c.arg(i));
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
			c.modified(c.arg(i));
			c.notify(KeyChanges.NOTIFY_STRING, "set", c.arg(i));
		}
		return Reply.integer(1);
	}

	private static Reply getset(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		Reply old = e == null ? Reply.NULL : Reply.bulk(e.asString());
		c.db().put(c.arg(1), c.arg(2));
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STRING, "set", c.arg(1));
		return old;
	}

	private static Reply getdel(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.NULL;
		}
		c.db().remove(e);
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
		return Reply.bulk(e.asString());
	}

	/**
	 * GETEX: syntax first, then a missing key answers null before the expire value is
	 * even parsed.
	 */
	private static Reply getex(CommandContext c) {
		SetArgs a = SetArgs.parseGetEx(c);
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.NULL;
		}
		long when = a.expireAt(c, "getex");
		Reply value = Reply.bulk(e.asString());
		Database db = c.db();
		if (a.absoluteExpire() && when <= c.now()) {
			db.remove(e);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
		}
		else if (a.persist()) {
			if (e.hasExpiry()) {
				db.persist(e);
				c.modified(c.arg(1));
				c.notify(KeyChanges.NOTIFY_GENERIC, "persist", c.arg(1));
			}
		}
		else if (a.hasExpire()) {
			db.expireAt(e, when);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_GENERIC, "expire", c.arg(1));
		}
		return value;
	}

	private static Reply append(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.STRING);
		byte[] suffix = c.arg(2);
		if (e == null) {
			c.db().add(c.arg(1), suffix);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_STRING, "append", c.arg(1));
			return Reply.integer(suffix.length);
		}
		byte[] old = e.stringUnderLock(); // copied into the new value
		Args.checkStringLength(c, old.length, suffix.length);
		byte[] joined = Arrays.copyOf(old, old.length + suffix.length);
		System.arraycopy(suffix, 0, joined, old.length, suffix.length);
		c.db().replaceValueRaw(e, joined);
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STRING, "append", c.arg(1));
		return Reply.integer(joined.length);
	}

	private static Reply strlen(CommandContext c) {
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		return Reply.integer(e == null ? 0 : e.stringUnderLock().length);
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
			if (!Bytes.parseLong(e.asString(), out)) {
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
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STRING, "incrby", c.arg(1));
		return Reply.integer(result);
	}

	private static Reply incrbyfloat(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.STRING);
		BigDecimal value = e == null ? BigDecimal.ZERO : LongDoubles.parse(e.asString());
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
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STRING, "incrbyfloat", c.arg(1));
		return Reply.bulk(text);
	}

	/**
	 * Redis 7.0's GETRANGE index arithmetic, quirks included (e.g. "abc" 0 -100 gives
	 * "a"); SUBSTR is the same command under its old name.
	 */
	private static Reply getrange(CommandContext c) {
		long start = Args.parseLong(c.arg(2));
		long end = Args.parseLong(c.arg(3));
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.STRING);
		if (e == null) {
			return Reply.bulk(Bytes.EMPTY);
		}
		byte[] s = e.stringUnderLock(); // the reply gets a copy of the range
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
			c.db().addRaw(c.arg(1), value);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_STRING, "setrange", c.arg(1));
			return Reply.integer(value.length);
		}
		byte[] old = e.stringUnderLock(); // copied into the new value
		if (patch.length == 0) {
			return Reply.integer(old.length);
		}
		Args.checkStringLength(c, offset, patch.length);
		byte[] value = Arrays.copyOf(old, (int) Math.max(old.length, offset + patch.length));
		System.arraycopy(patch, 0, value, (int) offset, patch.length);
		c.db().replaceValueRaw(e, value);
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STRING, "setrange", c.arg(1));
		return Reply.integer(value.length);
	}

}

package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.SetCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.EncodingLimits;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The set family (t_set.c). RESP3 replies of whole sets are sets ({@code ~}), as in Redis
 * 7.0.
 */
final class SetCommands {

	private SetCommands() {
	}

	static void register(CommandTable t) {
		t.bind(SetCommandSpecs.SADD, SetCommands::sadd);
		t.bind(SetCommandSpecs.SREM, SetCommands::srem);
		t.bind(SetCommandSpecs.SMEMBERS,
				c -> new Reply.SetReply(bulks(members(set(c.lookupRead(c.arg(1), ValueType.SET))))));
		t.bind(SetCommandSpecs.SISMEMBER, SetCommands::sismember);
		t.bind(SetCommandSpecs.SMISMEMBER, SetCommands::smismember);
		t.bind(SetCommandSpecs.SCARD, SetCommands::scard);
		t.bind(SetCommandSpecs.SPOP, SetCommands::spop);
		t.bind(SetCommandSpecs.SRANDMEMBER, SetCommands::srandmember);
		t.bind(SetCommandSpecs.SMOVE, SetCommands::smove);
		t.bind(SetCommandSpecs.SINTER, c -> algebra(c, 1, Op.INTER, false));
		t.bind(SetCommandSpecs.SUNION, c -> algebra(c, 1, Op.UNION, false));
		t.bind(SetCommandSpecs.SDIFF, c -> algebra(c, 1, Op.DIFF, false));
		t.bind(SetCommandSpecs.SINTERSTORE, c -> algebra(c, 2, Op.INTER, true));
		t.bind(SetCommandSpecs.SUNIONSTORE, c -> algebra(c, 2, Op.UNION, true));
		t.bind(SetCommandSpecs.SDIFFSTORE, c -> algebra(c, 2, Op.DIFF, true));
		t.bind(SetCommandSpecs.SINTERCARD, SetCommands::sintercard);
		t.bind(SetCommandSpecs.SSCAN, SetCommands::sscan);
	}

	enum Op {

		INTER, UNION, DIFF

	}

	/** The key's value, or null when the key is absent. */
	private static @Nullable SetValue set(@Nullable KeyEntry e) {
		return e == null ? null : e.asSet();
	}

	private static List<byte[]> members(@Nullable SetValue s) {
		return s == null ? List.of() : s.members();
	}

	private static List<Reply> bulks(List<byte[]> items) {
		List<Reply> out = new ArrayList<>(items.size());
		for (byte[] b : items) {
			out.add(Reply.bulk(b));
		}
		return out;
	}

	private static Reply sadd(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.SET);
		SetValue s = set(e);
		if (s == null) {
			s = new SetValue(c.core().encodingLimits());
			c.db().add(c.arg(1), s);
		}
		long added = 0;
		for (int i = 2; i < c.argc(); i++) {
			if (s.add(c.arg(i))) {
				added++;
			}
		}
		if (added > 0) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_SET, "sadd", c.arg(1));
		}
		return Reply.integer(added);
	}

	private static Reply srem(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.SET);
		if (e == null) {
			return Reply.integer(0);
		}
		SetValue s = e.asSet();
		long removed = 0;
		for (int i = 2; i < c.argc(); i++) {
			if (s.remove(c.arg(i))) {
				removed++;
				if (s.isEmpty()) {
					c.db().remove(e);
					break;
				}
			}
		}
		if (removed > 0) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_SET, "srem", c.arg(1));
			if (s.isEmpty()) {
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
		}
		return Reply.integer(removed);
	}

	private static Reply sismember(CommandContext c) {
		SetValue s = set(c.lookupRead(c.arg(1), ValueType.SET));
		return Reply.integer(s != null && s.contains(c.arg(2)) ? 1 : 0);
	}

	private static Reply smismember(CommandContext c) {
		SetValue s = set(c.lookupRead(c.arg(1), ValueType.SET));
		List<Reply> out = new ArrayList<>(c.argc() - 2);
		for (int i = 2; i < c.argc(); i++) {
			out.add(Reply.integer(s != null && s.contains(c.arg(i)) ? 1 : 0));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply scard(CommandContext c) {
		SetValue s = set(c.lookupRead(c.arg(1), ValueType.SET));
		return Reply.integer(s == null ? 0 : s.size());
	}

	private static Reply spop(CommandContext c) {
		if (c.argc() > 3) {
			return Reply.error(Errors.SYNTAX);
		}
		long count = -1;
		if (c.argc() == 3) {
			count = Args.parsePositiveLong(c.arg(2), "ERR value is out of range, must be positive");
		}
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.SET);
		if (e == null) {
			return count < 0 ? Reply.NULL : new Reply.SetReply(List.of());
		}
		SetValue s = e.asSet();
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		if (count < 0) {
			byte[] m = s.random(rnd);
			s.remove(m);
			c.notify(KeyChanges.NOTIFY_SET, "spop", c.arg(1));
			if (s.isEmpty()) {
				c.db().remove(e);
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
			c.modified(c.arg(1));
			return Reply.bulk(m);
		}
		if (count == 0) {
			return new Reply.SetReply(List.of());
		}
		c.notify(KeyChanges.NOTIFY_SET, "spop", c.arg(1));
		List<Reply> out = new ArrayList<>();
		for (long i = 0; i < count && !s.isEmpty(); i++) {
			byte[] m = s.random(rnd);
			s.remove(m);
			out.add(Reply.bulk(m));
		}
		if (s.isEmpty()) {
			c.db().remove(e);
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
		}
		c.modified(c.arg(1));
		return new Reply.SetReply(out);
	}

	private static Reply srandmember(CommandContext c) {
		if (c.argc() > 3) {
			return Reply.error(Errors.SYNTAX);
		}
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		if (c.argc() == 2) {
			SetValue s = set(c.lookupRead(c.arg(1), ValueType.SET));
			return s == null ? Reply.NULL : Reply.bulk(s.random(rnd));
		}
		long count = Args.parseLong(c.arg(2));
		if (count == Long.MIN_VALUE) {
			return Reply.error(RandomCountArgs.RANGE_ERROR);
		}
		SetValue s = set(c.lookupRead(c.arg(1), ValueType.SET));
		if (s == null || count == 0) {
			return Reply.EMPTY_ARRAY;
		}
		List<Reply> out = new ArrayList<>();
		if (count < 0) {
			for (long i = 0; i < -count; i++) {
				out.add(Reply.bulk(s.random(rnd)));
			}
			return new Reply.ArrayReply(out);
		}
		List<byte[]> all = new ArrayList<>(s.members());
		if (count < all.size()) {
			Collections.shuffle(all, rnd);
			all = all.subList(0, (int) count);
		}
		return new Reply.ArrayReply(bulks(all));
	}

	private static Reply smove(CommandContext c) {
		KeyEntry src = c.db().lookup(c.arg(1));
		KeyEntry dst = c.db().lookup(c.arg(2));
		if (src == null) {
			return Reply.integer(0);
		}
		if (ValueType.of(src.value()) != ValueType.SET || dst != null && ValueType.of(dst.value()) != ValueType.SET) {
			return Reply.error(Errors.WRONGTYPE);
		}
		SetValue from = src.asSet();
		if (src == dst) {
			return Reply.integer(from.contains(c.arg(3)) ? 1 : 0);
		}
		if (!from.remove(c.arg(3))) {
			return Reply.integer(0);
		}
		c.notify(KeyChanges.NOTIFY_SET, "srem", c.arg(1));
		if (from.isEmpty()) {
			c.db().remove(src);
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
		}
		SetValue to = set(dst);
		if (to == null) {
			to = new SetValue(c.core().encodingLimits());
			c.db().add(c.arg(2), to);
		}
		c.modified(c.arg(1));
		if (to.add(c.arg(3))) {
			c.modified(c.arg(2));
			c.notify(KeyChanges.NOTIFY_SET, "sadd", c.arg(2));
		}
		return Reply.integer(1);
	}

	/** Type-checks every source first, as Redis does, then computes. */
	static List<byte[]> compute(CommandContext c, int from, int to, Op op) {
		List<SetValue> sets = new ArrayList<>();
		for (int i = from; i < to; i++) {
			sets.add(set(c.lookupRead(c.arg(i), ValueType.SET)));
		}
		return switch (op) {
			case INTER -> inter(sets);
			case UNION -> union(sets, c.core().encodingLimits());
			case DIFF -> diff(sets);
		};
	}

	/**
	 * Walks the smallest set, as sinterGenericCommand does; empty if any set is missing.
	 */
	private static List<byte[]> inter(List<SetValue> sets) {
		List<byte[]> out = new ArrayList<>();
		if (sets.contains(null)) {
			return out;
		}
		SetValue smallest = sets.get(0);
		for (SetValue s : sets) {
			if (s.size() < smallest.size()) {
				smallest = s;
			}
		}
		for (byte[] m : smallest.members()) {
			boolean all = true;
			for (SetValue s : sets) {
				if (s != smallest && !s.contains(m)) {
					all = false;
					break;
				}
			}
			if (all) {
				out.add(m);
			}
		}
		return out;
	}

	/**
	 * Through a set, as sunionDiffGenericCommand builds one, so the reply is in that
	 * set's order: ascending while it is an intset within {@code limits}.
	 */
	private static List<byte[]> union(List<SetValue> sets, EncodingLimits limits) {
		SetValue acc = new SetValue(limits);
		for (SetValue s : sets) {
			if (s != null) {
				s.forEach(acc::add);
			}
		}
		return new ArrayList<>(acc.members());
	}

	private static List<byte[]> diff(List<SetValue> sets) {
		List<byte[]> out = new ArrayList<>();
		SetValue first = sets.get(0);
		if (first == null) {
			return out;
		}
		for (byte[] m : first.members()) {
			boolean elsewhere = false;
			for (int i = 1; i < sets.size(); i++) {
				if (sets.get(i) != null && sets.get(i).contains(m)) {
					elsewhere = true;
					break;
				}
			}
			if (!elsewhere) {
				out.add(m);
			}
		}
		return out;
	}

	private static Reply algebra(CommandContext c, int from, Op op, boolean store) {
		List<byte[]> result = compute(c, from, c.argc(), op);
		if (!store) {
			return new Reply.SetReply(bulks(result));
		}
		if (!result.isEmpty()) {
			SetValue s = new SetValue(c.core().encodingLimits());
			result.forEach(s::add);
			c.db().overwrite(c.arg(1), s);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_SET, storeEvent(op), c.arg(1));
		}
		else if (c.db().delete(c.arg(1))) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
		}
		return Reply.integer(result.size());
	}

	private static String storeEvent(Op op) {
		return switch (op) {
			case INTER -> "sinterstore";
			case UNION -> "sunionstore";
			case DIFF -> "sdiffstore";
		};
	}

	private static Reply sintercard(CommandContext c) {
		SInterCardArgs a = SInterCardArgs.parse(c);
		long n = compute(c, 2, 2 + a.numKeys(), Op.INTER).size();
		return Reply.integer(a.limit() > 0 ? Math.min(n, a.limit()) : n);
	}

	private static Reply sscan(CommandContext c) {
		long cursor = ScanArgs.parseCursor(c.arg(2));
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.SET);
		if (e == null) {
			return Reply.array(Reply.bulk("0"), Reply.EMPTY_ARRAY);
		}
		ScanArgs a = ScanArgs.parse(c, 3, false);
		SetValue s = e.asSet();
		List<byte[]> found = new ArrayList<>();
		long next = 0;
		if (s.isIntset()) {
			found.addAll(s.members());
		}
		else {
			long maxIterations = a.count * 10;
			next = cursor;
			do {
				next = s.scan(next, found::add);
			}
			while (next != 0 && maxIterations-- > 0 && found.size() < a.count);
		}
		List<Reply> out = new ArrayList<>();
		for (byte[] m : found) {
			if (a.matches(m)) {
				out.add(Reply.bulk(m));
			}
		}
		return Reply.array(Reply.bulk(ScanArgs.formatCursor(next)), new Reply.ArrayReply(out));
	}

}

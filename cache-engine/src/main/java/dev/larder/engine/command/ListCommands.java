package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ListCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ListValue;
import dev.larder.engine.keyspace.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The list family (t_list.c), including the blocking pops. Commands with a numkeys
 * argument declare keys 1..last so the executor locks every shard they may touch (a
 * superset: option words hash to shards too).
 */
final class ListCommands {

	private static final String MUST_BE_POSITIVE = "ERR value is out of range, must be positive";

	private ListCommands() {
	}

	static void register(CommandTable t) {
		t.bind(ListCommandSpecs.LPUSH, c -> push(c, true, false));
		t.bind(ListCommandSpecs.RPUSH, c -> push(c, false, false));
		t.bind(ListCommandSpecs.LPUSHX, c -> push(c, true, true));
		t.bind(ListCommandSpecs.RPUSHX, c -> push(c, false, true));
		t.bind(ListCommandSpecs.LPOP, c -> pop(c, true));
		t.bind(ListCommandSpecs.RPOP, c -> pop(c, false));
		t.bind(ListCommandSpecs.LLEN, ListCommands::llen);
		t.bind(ListCommandSpecs.LRANGE, ListCommands::lrange);
		t.bind(ListCommandSpecs.LINDEX, ListCommands::lindex);
		t.bind(ListCommandSpecs.LSET, ListCommands::lset);
		t.bind(ListCommandSpecs.LREM, ListCommands::lrem);
		t.bind(ListCommandSpecs.LTRIM, ListCommands::ltrim);
		t.bind(ListCommandSpecs.LINSERT, ListCommands::linsert);
		t.bind(ListCommandSpecs.LPOS, ListCommands::lpos);
		t.bind(ListCommandSpecs.LMOVE, c -> lmove(c, 3, -1));
		t.bind(ListCommandSpecs.RPOPLPUSH, c -> move(c, false, true, -1));
		t.bind(ListCommandSpecs.LMPOP, c -> lmpop(c, 1, -1));
		t.bind(ListCommandSpecs.BLPOP, c -> bpop(c, true));
		t.bind(ListCommandSpecs.BRPOP, c -> bpop(c, false));
		t.bind(ListCommandSpecs.BLMOVE, c -> lmove(c, 3, 5));
		t.bind(ListCommandSpecs.BRPOPLPUSH, c -> move(c, false, true, c.timeoutDeadline(c.arg(3))));
		t.bind(ListCommandSpecs.BLMPOP, c -> lmpop(c, 2, 1));
	}

	/** The key's value, or null when the key is absent. */
	private static @Nullable ListValue list(@Nullable KeyEntry e) {
		return e == null ? null : e.asList();
	}

	private static Reply push(CommandContext c, boolean left, boolean onlyIfExists) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.LIST);
		ListValue l = list(e);
		if (l == null) {
			if (onlyIfExists) {
				return Reply.integer(0);
			}
			l = new ListValue();
			c.db().add(c.arg(1), l);
		}
		for (int i = 2; i < c.argc(); i++) {
			if (left) {
				l.addFirst(c.arg(i));
			}
			else {
				l.addLast(c.arg(i));
			}
		}
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_LIST, left ? "lpush" : "rpush", c.arg(1));
		return Reply.integer(l.size());
	}

	private static Reply pop(CommandContext c, boolean left) {
		if (c.argc() > 3) {
			return Reply.error(Errors.wrongArity(left ? "lpop" : "rpop"));
		}
		long count = -1;
		if (c.argc() == 3) {
			count = Args.parsePositiveLong(c.arg(2), MUST_BE_POSITIVE);
		}
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.LIST);
		if (e == null) {
			return count < 0 ? Reply.NULL : Reply.NULL_ARRAY;
		}
		if (count == 0) {
			return Reply.EMPTY_ARRAY;
		}
		ListValue l = e.asList();
		if (count < 0) {
			byte[] v = left ? l.removeFirst() : l.removeLast();
			elementsRemoved(c, e, c.arg(1), left);
			return Reply.bulk(v);
		}
		List<Reply> out = popMany(l, left, count);
		elementsRemoved(c, e, c.arg(1), left);
		return new Reply.ArrayReply(out);
	}

	private static List<Reply> popMany(ListValue l, boolean left, long count) {
		int n = (int) Math.min(count, l.size());
		List<Reply> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(Reply.bulk(left ? l.removeFirst() : l.removeLast()));
		}
		return out;
	}

	/** listElementsRemoved: the pop's event, the key's deletion if it is now empty. */
	private static void elementsRemoved(CommandContext c, KeyEntry e, byte[] key, boolean left) {
		c.notify(KeyChanges.NOTIFY_LIST, left ? "lpop" : "rpop", key);
		deleted(c, e, key);
		c.modified(key);
	}

	/** Deletes the key of a list left empty, with its "del" event. */
	private static void deleted(CommandContext c, KeyEntry e, byte[] key) {
		if (e.asList().isEmpty()) {
			c.db().remove(e);
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", key);
		}
	}

	private static Reply llen(CommandContext c) {
		ListValue l = list(c.lookupRead(c.arg(1), ValueType.LIST));
		return Reply.integer(l == null ? 0 : l.size());
	}

	private static Reply lrange(CommandContext c) {
		long start = Args.parseLong(c.arg(2));
		long end = Args.parseLong(c.arg(3));
		ListValue l = list(c.lookupRead(c.arg(1), ValueType.LIST));
		if (l == null) {
			return Reply.EMPTY_ARRAY;
		}
		int size = l.size();
		if (start < 0) {
			start = size + start;
		}
		if (end < 0) {
			end = size + end;
		}
		if (start < 0) {
			start = 0;
		}
		if (start > end || start >= size) {
			return Reply.EMPTY_ARRAY;
		}
		if (end >= size) {
			end = size - 1;
		}
		List<Reply> out = new ArrayList<>((int) (end - start + 1));
		for (long i = start; i <= end; i++) {
			out.add(Reply.bulk(l.get((int) i)));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply lindex(CommandContext c) {
		ListValue l = list(c.lookupRead(c.arg(1), ValueType.LIST));
		if (l == null) {
			return Reply.NULL;
		}
		long index = Args.parseLong(c.arg(2));
		if (index < 0) {
			index += l.size();
		}
		return index < 0 || index >= l.size() ? Reply.NULL : Reply.bulk(l.get((int) index));
	}

	private static Reply lset(CommandContext c) {
		KeyEntry e = c.db().lookup(c.arg(1));
		if (e == null) {
			return Reply.error(Errors.NO_SUCH_KEY);
		}
		if (ValueType.of(e.value()) != ValueType.LIST) {
			return Reply.error(Errors.WRONGTYPE);
		}
		long index = Args.parseLong(c.arg(2));
		ListValue l = e.asList();
		if (index < 0) {
			index += l.size();
		}
		if (index < 0 || index >= l.size()) {
			return Reply.error("ERR index out of range");
		}
		l.set((int) index, c.arg(3));
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_LIST, "lset", c.arg(1));
		return Reply.OK;
	}

	private static Reply lrem(CommandContext c) {
		long toRemove = Args.parseLong(c.arg(2));
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.LIST);
		if (e == null) {
			return Reply.integer(0);
		}
		ListValue l = e.asList();
		byte[] v = c.arg(3);
		long removed = 0;
		if (toRemove >= 0) {
			for (int i = 0; i < l.size() && (toRemove == 0 || removed < toRemove);) {
				if (Arrays.equals(l.get(i), v)) {
					l.removeAt(i);
					removed++;
				}
				else {
					i++;
				}
			}
		}
		else {
			for (int i = l.size() - 1; i >= 0 && removed < -toRemove; i--) {
				if (Arrays.equals(l.get(i), v)) {
					l.removeAt(i);
					removed++;
				}
			}
		}
		if (removed > 0) {
			c.notify(KeyChanges.NOTIFY_LIST, "lrem", c.arg(1));
		}
		deleted(c, e, c.arg(1));
		if (removed > 0) {
			c.modified(c.arg(1));
		}
		return Reply.integer(removed);
	}

	private static Reply ltrim(CommandContext c) {
		long start = Args.parseLong(c.arg(2));
		long end = Args.parseLong(c.arg(3));
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.LIST);
		if (e == null) {
			return Reply.OK;
		}
		ListValue l = e.asList();
		int size = l.size();
		if (start < 0) {
			start = size + start;
		}
		if (end < 0) {
			end = size + end;
		}
		if (start < 0) {
			start = 0;
		}
		if (start > end || start >= size) {
			l.clear();
		}
		else {
			if (end >= size) {
				end = size - 1;
			}
			l.trim((int) start, (int) end);
		}
		c.notify(KeyChanges.NOTIFY_LIST, "ltrim", c.arg(1));
		deleted(c, e, c.arg(1));
		c.modified(c.arg(1));
		return Reply.OK;
	}

	private static Reply linsert(CommandContext c) {
		boolean after;
		if (Args.is(c.arg(2), "after")) {
			after = true;
		}
		else if (Args.is(c.arg(2), "before")) {
			after = false;
		}
		else {
			return Reply.error(Errors.SYNTAX);
		}
		ListValue l = list(c.lookupWrite(c.arg(1), ValueType.LIST));
		if (l == null) {
			return Reply.integer(0);
		}
		for (int i = 0; i < l.size(); i++) {
			if (Arrays.equals(l.get(i), c.arg(3))) {
				l.insert(after ? i + 1 : i, c.arg(4));
				c.modified(c.arg(1));
				c.notify(KeyChanges.NOTIFY_LIST, "linsert", c.arg(1));
				return Reply.integer(l.size());
			}
		}
		return Reply.integer(-1);
	}

	/** LPOS key element [options]: options first, then the key. */
	private static Reply lpos(CommandContext c) {
		LPosArgs a = LPosArgs.parse(c);
		ListValue l = list(c.lookupRead(c.arg(1), ValueType.LIST));
		if (l == null) {
			return a.many() ? Reply.EMPTY_ARRAY : Reply.NULL;
		}
		boolean forward = a.rank() > 0;
		long skip = a.skip();
		List<Reply> out = new ArrayList<>();
		int size = l.size();
		for (int n = 0; n < size && (a.maxlen() == 0 || n < a.maxlen()); n++) {
			int i = forward ? n : size - 1 - n;
			if (Arrays.equals(l.get(i), c.arg(2))) {
				if (skip > 0) {
					skip--;
					continue;
				}
				out.add(Reply.integer(i));
				if (!a.many() || a.limit() > 0 && out.size() == a.limit()) {
					break;
				}
			}
		}
		if (!a.many()) {
			return out.isEmpty() ? Reply.NULL : out.get(0);
		}
		return new Reply.ArrayReply(out);
	}

	/**
	 * LMOVE / BLMOVE: wherefrom and whereto at {@code at} and {@code at + 1}, then
	 * BLMOVE's timeout at {@code timeoutAt} (-1: non-blocking), in blmoveCommand's order.
	 */
	private static Reply lmove(CommandContext c, int at, int timeoutAt) {
		ListEnd from = ListEnd.parse(c.arg(at));
		ListEnd to = ListEnd.parse(c.arg(at + 1));
		long deadline = timeoutAt < 0 ? -1 : c.timeoutDeadline(c.arg(timeoutAt));
		return move(c, from == ListEnd.LEFT, to == ListEnd.LEFT, deadline);
	}

	/** The pop-push of LMOVE and friends; deadline -1 means non-blocking. */
	private static Reply move(CommandContext c, boolean fromLeft, boolean toLeft, long deadline) {
		KeyEntry src = c.lookupWrite(c.arg(1), ValueType.LIST);
		if (src == null) {
			// Redis answers a null bulk when it cannot block, but the null array when a
			// blocked BLMOVE times out.
			return deadline < 0 || !c.canBlock() ? Reply.NULL : c.block(List.of(c.arg(1)), deadline, Reply.NULL_ARRAY);
		}
		KeyEntry dst = c.lookupWrite(c.arg(2), ValueType.LIST);
		ListValue from = src.asList();
		byte[] v = fromLeft ? from.removeFirst() : from.removeLast();
		ListValue to = list(dst);
		if (to == null) {
			to = from.isEmpty() && Arrays.equals(c.arg(1), c.arg(2)) ? from : new ListValue();
			if (to != from) {
				c.db().add(c.arg(2), to);
			}
		}
		if (toLeft) {
			to.addFirst(v);
		}
		else {
			to.addLast(v);
		}
		c.modified(c.arg(2));
		c.notify(KeyChanges.NOTIFY_LIST, toLeft ? "lpush" : "rpush", c.arg(2));
		c.notify(KeyChanges.NOTIFY_LIST, fromLeft ? "lpop" : "rpop", c.arg(1));
		KeyEntry again = c.db().lookup(c.arg(1));
		if (again != null) {
			deleted(c, again, c.arg(1));
		}
		c.modified(c.arg(1));
		return Reply.bulk(v);
	}

	private static Reply bpop(CommandContext c, boolean left) {
		long deadline = c.timeoutDeadline(c.arg(c.argc() - 1));
		List<byte[]> keys = new ArrayList<>();
		for (int i = 1; i < c.argc() - 1; i++) {
			KeyEntry e = c.lookupWrite(c.arg(i), ValueType.LIST);
			if (e != null) {
				ListValue l = e.asList();
				byte[] v = left ? l.removeFirst() : l.removeLast();
				elementsRemoved(c, e, c.arg(i), left);
				return Reply.array(Reply.bulk(c.arg(i)), Reply.bulk(v));
			}
			keys.add(c.arg(i));
		}
		return c.block(keys, deadline, Reply.NULL_ARRAY);
	}

	/**
	 * LMPOP numkeys key... LEFT|RIGHT [COUNT n]; BLMPOP has the timeout first (numkeys at
	 * {@code at}, the timeout at {@code timeoutAt}, -1 for LMPOP) but reads it last, as
	 * lmpopGenericCommand does.
	 */
	private static Reply lmpop(CommandContext c, int at, int timeoutAt) {
		MultiPopArgs args = MultiPopArgs.parse(c, at, "left", "right");
		long deadline = timeoutAt < 0 ? -1 : c.timeoutDeadline(c.arg(timeoutAt));
		boolean left = !args.fromSecondEnd();
		long count = args.count();
		List<byte[]> keys = new ArrayList<>();
		for (int i = args.firstKey(); i < args.endKey(); i++) {
			KeyEntry e = c.lookupWrite(c.arg(i), ValueType.LIST);
			if (e != null) {
				List<Reply> popped = popMany(e.asList(), left, count);
				elementsRemoved(c, e, c.arg(i), left);
				return Reply.array(Reply.bulk(c.arg(i)), new Reply.ArrayReply(popped));
			}
			keys.add(c.arg(i));
		}
		return deadline < 0 ? Reply.NULL_ARRAY : c.block(keys, deadline, Reply.NULL_ARRAY);
	}

}

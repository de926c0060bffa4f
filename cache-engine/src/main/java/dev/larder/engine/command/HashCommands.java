package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.HashCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.HashValue;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The hash family (t_hash.c), with Redis's check order and RESP3 shapes (HGETALL is a
 * map).
 */
final class HashCommands {

	private HashCommands() {
	}

	static void register(CommandTable t) {
		t.bind(HashCommandSpecs.HSET, c -> hset(c, "hset"));
		t.bind(HashCommandSpecs.HMSET, c -> hset(c, "hmset"));
		t.bind(HashCommandSpecs.HSETNX, HashCommands::hsetnx);
		t.bind(HashCommandSpecs.HGET, HashCommands::hget);
		t.bind(HashCommandSpecs.HMGET, HashCommands::hmget);
		t.bind(HashCommandSpecs.HGETALL, c -> all(c, true, true));
		t.bind(HashCommandSpecs.HKEYS, c -> all(c, true, false));
		t.bind(HashCommandSpecs.HVALS, c -> all(c, false, true));
		t.bind(HashCommandSpecs.HDEL, HashCommands::hdel);
		t.bind(HashCommandSpecs.HEXISTS, HashCommands::hexists);
		t.bind(HashCommandSpecs.HLEN, HashCommands::hlen);
		t.bind(HashCommandSpecs.HSTRLEN, HashCommands::hstrlen);
		t.bind(HashCommandSpecs.HINCRBY, HashCommands::hincrby);
		t.bind(HashCommandSpecs.HINCRBYFLOAT, HashCommands::hincrbyfloat);
		t.bind(HashCommandSpecs.HRANDFIELD, HashCommands::hrandfield);
		t.bind(HashCommandSpecs.HSCAN, HashCommands::hscan);
	}

	/** The key's value, or null when the key is absent. */
	private static @Nullable HashValue hash(@Nullable KeyEntry e) {
		return e == null ? null : e.asHash();
	}

	/** hashTypeLookupWriteOrCreate. */
	private static HashValue writable(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.HASH);
		if (e != null) {
			return e.asHash();
		}
		HashValue h = new HashValue(c.core().encodingLimits());
		c.db().add(c.arg(1), h);
		return h;
	}

	private static Reply hset(CommandContext c, String name) {
		if (c.argc() % 2 == 1) {
			return Reply.error(Errors.wrongArity(name));
		}
		HashValue h = writable(c);
		long created = 0;
		for (int i = 2; i < c.argc(); i += 2) {
			if (h.put(c.arg(i), c.arg(i + 1))) {
				created++;
			}
		}
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_HASH, "hset", c.arg(1));
		return name.equals("hset") ? Reply.integer(created) : Reply.OK;
	}

	private static Reply hsetnx(CommandContext c) {
		HashValue h = writable(c);
		if (h.get(c.arg(2)) != null) {
			return Reply.integer(0);
		}
		h.put(c.arg(2), c.arg(3));
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_HASH, "hset", c.arg(1));
		return Reply.integer(1);
	}

	private static Reply hget(CommandContext c) {
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		return h == null ? Reply.NULL : Reply.bulkOrNull(h.get(c.arg(2)));
	}

	private static Reply hmget(CommandContext c) {
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		List<Reply> out = new ArrayList<>(c.argc() - 2);
		for (int i = 2; i < c.argc(); i++) {
			out.add(h == null ? Reply.NULL : Reply.bulkOrNull(h.get(c.arg(i))));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply all(CommandContext c, boolean fields, boolean values) {
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		List<Reply> out = new ArrayList<>(h == null ? 0 : h.size() * (fields && values ? 2 : 1));
		if (h != null) {
			h.forEach((f, v) -> {
				if (fields) {
					out.add(Reply.bulk(f));
				}
				if (values) {
					out.add(Reply.bulk(v));
				}
			});
		}
		return fields && values ? new Reply.MapReply(out) : new Reply.ArrayReply(out);
	}

	private static Reply hdel(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.HASH);
		if (e == null) {
			return Reply.integer(0);
		}
		HashValue h = e.asHash();
		long deleted = 0;
		for (int i = 2; i < c.argc(); i++) {
			if (h.remove(c.arg(i))) {
				deleted++;
				if (h.isEmpty()) {
					c.db().remove(e);
					break;
				}
			}
		}
		if (deleted > 0) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_HASH, "hdel", c.arg(1));
			if (h.isEmpty()) {
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
		}
		return Reply.integer(deleted);
	}

	private static Reply hexists(CommandContext c) {
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		return Reply.integer(h != null && h.get(c.arg(2)) != null ? 1 : 0);
	}

	private static Reply hlen(CommandContext c) {
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		return Reply.integer(h == null ? 0 : h.size());
	}

	private static Reply hstrlen(CommandContext c) {
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		byte[] v = h == null ? null : h.get(c.arg(2));
		return Reply.integer(v == null ? 0 : v.length);
	}

	private static Reply hincrby(CommandContext c) {
		long increment = Args.parseLong(c.arg(3));
		HashValue h = writable(c);
		byte[] current = h.get(c.arg(2));
		long value = 0;
		if (current != null) {
			long[] out = new long[1];
			if (!Bytes.parseLong(current, out)) {
				return Reply.error(Errors.HASH_NOT_INTEGER);
			}
			value = out[0];
		}
		long result = value + increment;
		if (((value ^ result) & (increment ^ result)) < 0) {
			return Reply.error(Errors.OVERFLOW);
		}
		h.put(c.arg(2), Bytes.fromLong(result));
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_HASH, "hincrby", c.arg(1));
		return Reply.integer(result);
	}

	private static Reply hincrbyfloat(CommandContext c) {
		BigDecimal increment = LongDoubles.parse(c.arg(3));
		if (increment == null) {
			return Reply.error(Errors.NOT_FLOAT);
		}
		if (LongDoubles.isInfinite(increment)) {
			return Reply.error("ERR value is NaN or Infinity");
		}
		HashValue h = writable(c);
		byte[] current = h.get(c.arg(2));
		BigDecimal value = current == null ? BigDecimal.ZERO : LongDoubles.parse(current);
		if (value == null) {
			return Reply.error(Errors.HASH_NOT_FLOAT);
		}
		BigDecimal sum = LongDoubles.add(value, increment);
		if (sum == null || LongDoubles.isInfinite(sum)) {
			return Reply.error(Errors.NAN_OR_INFINITY);
		}
		byte[] text = LongDoubles.format(sum);
		h.put(c.arg(2), text);
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_HASH, "hincrbyfloat", c.arg(1));
		return Reply.bulk(text);
	}

	private static Reply hrandfield(CommandContext c) {
		if (c.argc() >= 3) {
			RandomCountArgs a = RandomCountArgs.parse(c, "withvalues");
			return hrandfieldWithCount(c, a.count(), a.withValues());
		}
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		if (h == null) {
			return Reply.NULL;
		}
		return Reply.bulk(h.randomPair(ThreadLocalRandom.current())[0]);
	}

	/**
	 * Negative counts repeat fields; positive counts return distinct fields, the whole
	 * hash if it is smaller.
	 */
	private static Reply hrandfieldWithCount(CommandContext c, long requested, boolean withValues) {
		boolean unique = requested >= 0;
		long count = Math.abs(requested);
		HashValue h = hash(c.lookupRead(c.arg(1), ValueType.HASH));
		if (h == null || count == 0) {
			return Reply.EMPTY_ARRAY;
		}
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		List<byte[][]> picked = new ArrayList<>();
		if (!unique || count == 1) {
			for (long i = 0; i < count; i++) {
				picked.add(h.randomPair(rnd));
			}
		}
		else {
			List<byte[]> flat = h.flatten();
			List<byte[][]> pairs = new ArrayList<>(flat.size() / 2);
			for (int i = 0; i < flat.size(); i += 2) {
				pairs.add(new byte[][] { flat.get(i), flat.get(i + 1) });
			}
			if (count < pairs.size()) {
				java.util.Collections.shuffle(pairs, rnd);
				pairs = pairs.subList(0, (int) count);
			}
			picked.addAll(pairs);
		}
		List<Reply> out = new ArrayList<>();
		for (byte[][] pair : picked) {
			if (withValues && c.resp3()) {
				out.add(Reply.array(Reply.bulk(pair[0]), Reply.bulk(pair[1])));
			}
			else {
				out.add(Reply.bulk(pair[0]));
				if (withValues) {
					out.add(Reply.bulk(pair[1]));
				}
			}
		}
		return new Reply.ArrayReply(out);
	}

	/** Compact hashes come back whole with cursor 0, as Redis does for listpacks. */
	private static Reply hscan(CommandContext c) {
		long cursor = ScanArgs.parseCursor(c.arg(2));
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.HASH);
		if (e == null) {
			return Reply.array(Reply.bulk("0"), Reply.EMPTY_ARRAY);
		}
		ScanArgs a = ScanArgs.parse(c, 3, false);
		HashValue h = e.asHash();
		List<byte[]> found = new ArrayList<>();
		long next = 0;
		if (h.isCompact()) {
			h.forEach((f, v) -> {
				found.add(f);
				found.add(v);
			});
		}
		else {
			long maxIterations = a.count * 10;
			next = cursor;
			do {
				next = h.scan(next, (f, v) -> {
					found.add(f);
					found.add(v);
				});
			}
			while (next != 0 && maxIterations-- > 0 && found.size() / 2 < a.count);
		}
		List<Reply> out = new ArrayList<>(found.size());
		for (int i = 0; i < found.size(); i += 2) {
			if (a.matches(found.get(i))) {
				out.add(Reply.bulk(found.get(i)));
				out.add(Reply.bulk(found.get(i + 1)));
			}
		}
		return Reply.array(Reply.bulk(ScanArgs.formatCursor(next)), new Reply.ArrayReply(out));
	}

}

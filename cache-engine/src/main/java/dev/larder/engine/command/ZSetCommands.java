package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.SortedSetCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.EncodingLimits;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import dev.larder.engine.keyspace.ZSetValue;
import dev.larder.engine.keyspace.ZSetValue.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The sorted-set family (t_zset.c) with Redis 7.0's parsing order, errors and reply
 * shapes: scores are doubles in replies (bulk strings in RESP2, {@code ,} in RESP3,
 * printed with %.17g), WITHSCORES ranges are flat in RESP2 and member/score pairs in
 * RESP3.
 */
final class ZSetCommands {

	static final String NAN_SCORE = "ERR resulting score is not a number (NaN)";

	private static final int AUTO = 0;

	private static final int RANK = 1;

	private static final int SCORE = 2;

	private static final int LEX = 3;

	private ZSetCommands() {
	}

	static void register(CommandTable t) {
		t.bind(SortedSetCommandSpecs.ZADD, ZSetCommands::zadd);
		t.bind(SortedSetCommandSpecs.ZINCRBY, ZSetCommands::zincrby);
		t.bind(SortedSetCommandSpecs.ZSCORE, ZSetCommands::zscore);
		t.bind(SortedSetCommandSpecs.ZMSCORE, ZSetCommands::zmscore);
		t.bind(SortedSetCommandSpecs.ZRANK, c -> zrank(c, false));
		t.bind(SortedSetCommandSpecs.ZREVRANK, c -> zrank(c, true));
		t.bind(SortedSetCommandSpecs.ZCARD, ZSetCommands::zcard);
		t.bind(SortedSetCommandSpecs.ZCOUNT, ZSetCommands::zcount);
		t.bind(SortedSetCommandSpecs.ZLEXCOUNT, ZSetCommands::zlexcount);
		t.bind(SortedSetCommandSpecs.ZRANGE, c -> zrange(c, 1, AUTO, false, false));
		t.bind(SortedSetCommandSpecs.ZRANGESTORE, c -> zrange(c, 2, AUTO, false, true));
		t.bind(SortedSetCommandSpecs.ZREVRANGE, c -> zrange(c, 1, RANK, true, false));
		t.bind(SortedSetCommandSpecs.ZRANGEBYSCORE, c -> zrange(c, 1, SCORE, false, false));
		t.bind(SortedSetCommandSpecs.ZREVRANGEBYSCORE, c -> zrange(c, 1, SCORE, true, false));
		t.bind(SortedSetCommandSpecs.ZRANGEBYLEX, c -> zrange(c, 1, LEX, false, false));
		t.bind(SortedSetCommandSpecs.ZREVRANGEBYLEX, c -> zrange(c, 1, LEX, true, false));
		t.bind(SortedSetCommandSpecs.ZREM, ZSetCommands::zrem);
		t.bind(SortedSetCommandSpecs.ZREMRANGEBYRANK, c -> zremrange(c, ZRangeArgs.By.RANK));
		t.bind(SortedSetCommandSpecs.ZREMRANGEBYSCORE, c -> zremrange(c, ZRangeArgs.By.SCORE));
		t.bind(SortedSetCommandSpecs.ZREMRANGEBYLEX, c -> zremrange(c, ZRangeArgs.By.LEX));
		t.bind(SortedSetCommandSpecs.ZPOPMIN, c -> zpop(c, false));
		t.bind(SortedSetCommandSpecs.ZPOPMAX, c -> zpop(c, true));
		t.bind(SortedSetCommandSpecs.ZMPOP, c -> zmpop(c, 1, -1));
		t.bind(SortedSetCommandSpecs.BZPOPMIN, c -> bzpop(c, false));
		t.bind(SortedSetCommandSpecs.BZPOPMAX, c -> bzpop(c, true));
		t.bind(SortedSetCommandSpecs.BZMPOP, c -> zmpop(c, 2, 1));
		t.bind(SortedSetCommandSpecs.ZUNION, c -> setop(c, 1, SetCommands.Op.UNION, false));
		t.bind(SortedSetCommandSpecs.ZINTER, c -> setop(c, 1, SetCommands.Op.INTER, false));
		t.bind(SortedSetCommandSpecs.ZDIFF, c -> setop(c, 1, SetCommands.Op.DIFF, false));
		t.bind(SortedSetCommandSpecs.ZUNIONSTORE, c -> setop(c, 2, SetCommands.Op.UNION, true));
		t.bind(SortedSetCommandSpecs.ZINTERSTORE, c -> setop(c, 2, SetCommands.Op.INTER, true));
		t.bind(SortedSetCommandSpecs.ZDIFFSTORE, c -> setop(c, 2, SetCommands.Op.DIFF, true));
		t.bind(SortedSetCommandSpecs.ZINTERCARD, ZSetCommands::zintercard);
		t.bind(SortedSetCommandSpecs.ZRANDMEMBER, ZSetCommands::zrandmember);
		t.bind(SortedSetCommandSpecs.ZSCAN, ZSetCommands::zscan);
	}

	/** The key's value, or null when the key is absent. */
	private static @Nullable ZSetValue zset(@Nullable KeyEntry e) {
		return e == null ? null : e.asZSet();
	}

	static Reply score(double d) {
		return new Reply.DoubleReply(d);
	}

	/** string2d, as ZADD and ZINCRBY read a score. */
	static double parseScore(byte[] b) {
		Double d = Scores.parse(b);
		if (d == null) {
			throw new ReplyException(Errors.NOT_FLOAT);
		}
		return d;
	}

	/** zaddGenericCommand: every argument is checked before the key is looked up. */
	static Reply zadd(CommandContext c) {
		ZAddArgs a = ZAddArgs.parse(c);
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		ZSetValue z = zset(e);
		if (z == null) {
			if (a.xx()) {
				return a.incr() ? Reply.NULL : Reply.integer(0);
			}
			z = new ZSetValue(c.core().encodingLimits());
			c.db().add(c.arg(1), z);
		}
		long added = 0;
		long updated = 0;
		Double incrResult = null;
		for (int j = 0; j < a.pairs(); j++) {
			byte[] member = a.member(c, j);
			Node n = z.get(member);
			if (n == null) {
				if (!a.xx()) {
					z.insert(member, a.score(j));
					added++;
					incrResult = a.score(j);
				}
				continue;
			}
			if (a.nx()) {
				continue;
			}
			double cur = n.score();
			double next = a.newScore(cur, j);
			if (a.keepsCurrent(cur, next)) {
				continue;
			}
			if (next != cur) {
				z.updateScore(n, next);
				updated++;
			}
			incrResult = next;
		}
		if (added > 0 || updated > 0) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_ZSET, a.incr() ? "zincr" : "zadd", c.arg(1));
		}
		if (a.incr()) {
			return incrResult == null ? Reply.NULL : score(incrResult);
		}
		return Reply.integer(a.ch() ? added + updated : added);
	}

	private static Reply zincrby(CommandContext c) {
		double by = parseScore(c.arg(2));
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		ZSetValue z = zset(e);
		if (z == null) {
			z = new ZSetValue(c.core().encodingLimits());
			c.db().add(c.arg(1), z);
		}
		Node n = z.get(c.arg(3));
		if (n == null) {
			z.insert(c.arg(3), by);
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_ZSET, "zincr", c.arg(1));
			return score(by);
		}
		double next = n.score() + by;
		if (Double.isNaN(next)) {
			return Reply.error(NAN_SCORE);
		}
		boolean changed = next != n.score();
		z.updateScore(n, next);
		if (changed) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_ZSET, "zincr", c.arg(1));
		}
		return score(next);
	}

	private static Reply zscore(CommandContext c) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		Double s = z == null ? null : z.score(c.arg(2));
		return s == null ? Reply.NULL : score(s);
	}

	private static Reply zmscore(CommandContext c) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		List<Reply> out = new ArrayList<>();
		for (int i = 2; i < c.argc(); i++) {
			Double s = z == null ? null : z.score(c.arg(i));
			out.add(s == null ? Reply.NULL : score(s));
		}
		return new Reply.ArrayReply(out);
	}

	/** ZRANK / ZREVRANK key member. */
	private static Reply zrank(CommandContext c, boolean reverse) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		Node n = z == null ? null : z.get(c.arg(2));
		if (z == null || n == null) {
			return Reply.NULL;
		}
		long rank = z.rank(n);
		if (reverse) {
			rank = z.size() - 1 - rank;
		}
		return Reply.integer(rank);
	}

	private static Reply zcard(CommandContext c) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		return Reply.integer(z == null ? 0 : z.size());
	}

	private static Reply zcount(CommandContext c) {
		ScoreRange r = ScoreRange.parse(c.arg(2), c.arg(3));
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		if (z == null) {
			return Reply.integer(0);
		}
		Node first = r.first(z);
		if (first == null) {
			return Reply.integer(0);
		}
		Node last = Objects.requireNonNull(r.last(z), "a range with a first node has a last");
		return Reply.integer(z.rank(last) - z.rank(first) + 1);
	}

	private static Reply zlexcount(CommandContext c) {
		LexRange r = LexRange.parse(c.arg(2), c.arg(3));
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		if (z == null) {
			return Reply.integer(0);
		}
		Node first = r.first(z);
		if (first == null) {
			return Reply.integer(0);
		}
		if (z.isListpack()) {
			long count = 0;
			for (Node n = first; n != null && r.belowMax(n.member()); n = n.next()) {
				count++;
			}
			return Reply.integer(count);
		}
		Node last = r.last(z);
		return Reply.integer(last == null ? z.size() - z.rank(first) : z.rank(last) - z.rank(first) + 1);
	}

	/**
	 * Members (and scores) as a range reply: flat in RESP2, pairs in RESP3 when with
	 * scores.
	 */
	static Reply rangeReply(CommandContext c, List<Node> nodes, boolean withScores) {
		List<Reply> out = new ArrayList<>(nodes.size() * (withScores && !c.resp3() ? 2 : 1));
		for (Node n : nodes) {
			if (!withScores) {
				out.add(Reply.bulk(n.member()));
			}
			else if (c.resp3()) {
				out.add(Reply.array(Reply.bulk(n.member()), score(n.score())));
			}
			else {
				out.add(Reply.bulk(n.member()));
				out.add(score(n.score()));
			}
		}
		return new Reply.ArrayReply(out);
	}

	/** The range kind register passed: null for AUTO (ZRANGE and ZRANGESTORE). */
	private static ZRangeArgs.@Nullable By by(int type) {
		return switch (type) {
			case RANK -> ZRangeArgs.By.RANK;
			case SCORE -> ZRangeArgs.By.SCORE;
			case LEX -> ZRangeArgs.By.LEX;
			default -> null;
		};
	}

	/** zrangeGenericCommand: ZRANGE, ZRANGESTORE and the legacy range commands. */
	private static Reply zrange(CommandContext c, int keyIdx, int presetType, boolean presetRev, boolean store) {
		ZRangeArgs a = ZRangeArgs.parse(c, keyIdx, by(presetType), presetRev, store);
		ZSetValue z = zset(c.lookupRead(c.arg(keyIdx), ValueType.ZSET));
		List<Node> nodes = z == null ? new ArrayList<>() : collect(z, a);
		if (store) {
			storeRange(c, nodes, a.by() == ZRangeArgs.By.RANK);
			return Reply.integer(nodes.size());
		}
		return rangeReply(c, nodes, a.withScores());
	}

	/**
	 * As zrangeResultBeginStore: a rank range's length is known up front and picks the
	 * encoding; a score or lex range starts as a listpack and converts as it grows.
	 */
	private static void storeRange(CommandContext c, List<Node> nodes, boolean byRank) {
		if (nodes.isEmpty()) {
			if (c.db().delete(c.arg(1))) {
				c.modified(c.arg(1));
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
			return;
		}
		EncodingLimits limits = c.core().encodingLimits();
		ZSetValue dst = byRank && nodes.size() > limits.zsetMaxListpackEntries() ? ZSetValue.inSkiplistEncoding(limits)
				: new ZSetValue(limits);
		for (Node n : nodes) {
			dst.insert(n.member(), n.score());
		}
		c.db().overwrite(c.arg(1), dst);
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_ZSET, "zrangestore", c.arg(1));
	}

	/** The nodes in range, in the range's direction, after LIMIT's offset and count. */
	private static List<Node> collect(ZSetValue z, ZRangeArgs a) {
		List<Node> out = new ArrayList<>();
		NodeRange r = a.range();
		if (r == null) {
			collectByRank(z, a.start(), a.end(), a.rev(), out);
			return out;
		}
		long offset = a.offset();
		long limit = a.limit();
		if (offset > 0 && offset >= z.size()) {
			return out;
		}
		boolean rev = a.rev();
		Node n = rev ? r.last(z) : r.first(z);
		while (n != null && offset-- != 0) {
			n = rev ? n.prev() : n.next();
		}
		while (n != null && limit-- != 0) {
			if (rev ? !r.aboveMin(n) : !r.belowMax(n)) {
				break;
			}
			out.add(n);
			n = rev ? n.prev() : n.next();
		}
		return out;
	}

	private static void collectByRank(ZSetValue z, long start, long end, boolean rev, List<Node> out) {
		long size = z.size();
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
			return;
		}
		if (end >= size) {
			end = size - 1;
		}
		long len = end - start + 1;
		Node n = rev ? z.byRank(size - 1 - start) : z.byRank(start);
		for (long i = 0; i < len && n != null; i++) {
			out.add(n);
			n = rev ? n.prev() : n.next();
		}
	}

	private static Reply zrem(CommandContext c) {
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		if (e == null) {
			return Reply.integer(0);
		}
		ZSetValue z = e.asZSet();
		long removed = 0;
		for (int i = 2; i < c.argc(); i++) {
			if (z.remove(c.arg(i))) {
				removed++;
				if (z.isEmpty()) {
					c.db().remove(e);
					break;
				}
			}
		}
		if (removed > 0) {
			c.notify(KeyChanges.NOTIFY_ZSET, "zrem", c.arg(1));
			if (z.isEmpty()) {
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
			c.modified(c.arg(1));
		}
		return Reply.integer(removed);
	}

	private static Reply zremrange(CommandContext c, ZRangeArgs.By by) {
		ZRangeArgs a = ZRangeArgs.bounds(by, c.arg(2), c.arg(3));
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		if (e == null) {
			return Reply.integer(0);
		}
		ZSetValue z = e.asZSet();
		List<Node> victims = collect(z, a);
		for (Node n : victims) {
			z.remove(n.member());
		}
		if (z.isEmpty()) {
			c.db().remove(e);
		}
		if (!victims.isEmpty()) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_ZSET, removeRangeEvent(by), c.arg(1));
			if (z.isEmpty()) {
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
		}
		return Reply.integer(victims.size());
	}

	private static String removeRangeEvent(ZRangeArgs.By by) {
		return switch (by) {
			case RANK -> "zremrangebyrank";
			case SCORE -> "zremrangebyscore";
			case LEX -> "zremrangebylex";
		};
	}

	private static List<Node> popNodes(ZSetValue z, boolean max, long count) {
		List<Node> out = new ArrayList<>();
		for (long i = 0; i < count; i++) {
			Node n = max ? z.last() : z.first();
			if (n == null) {
				break; // the set is empty
			}
			z.remove(n.member());
			out.add(n);
		}
		return out;
	}

	/** genericZpopCommand's end: the pop's event, the key's deletion if now empty. */
	private static void popped(CommandContext c, KeyEntry e, byte[] key, boolean max) {
		c.notify(KeyChanges.NOTIFY_ZSET, max ? "zpopmax" : "zpopmin", key);
		if (e.asZSet().isEmpty()) {
			c.db().remove(e);
			c.notify(KeyChanges.NOTIFY_GENERIC, "del", key);
		}
		c.modified(key);
	}

	private static Reply zpop(CommandContext c, boolean max) {
		if (c.argc() > 3) {
			return Reply.error(Errors.SYNTAX);
		}
		long count = 1;
		boolean hasCount = c.argc() == 3;
		if (hasCount) {
			count = Args.parsePositiveLong(c.arg(2), "ERR value is out of range, must be positive");
		}
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		if (e == null || count == 0) {
			return Reply.EMPTY_ARRAY;
		}
		ZSetValue z = e.asZSet();
		List<Node> popped = popNodes(z, max, count);
		popped(c, e, c.arg(1), max);
		if (!hasCount) {
			Node n = popped.get(0);
			return Reply.array(Reply.bulk(n.member()), score(n.score()));
		}
		return rangeReply(c, popped, true);
	}

	private static Reply bzpop(CommandContext c, boolean max) {
		long deadline = c.timeoutDeadline(c.arg(c.argc() - 1));
		List<byte[]> keys = new ArrayList<>();
		for (int i = 1; i < c.argc() - 1; i++) {
			KeyEntry e = c.lookupWrite(c.arg(i), ValueType.ZSET);
			if (e != null) {
				ZSetValue z = e.asZSet();
				Node n = popNodes(z, max, 1).get(0);
				popped(c, e, c.arg(i), max);
				return Reply.array(Reply.bulk(c.arg(i)), Reply.bulk(n.member()), score(n.score()));
			}
			keys.add(c.arg(i));
		}
		return c.block(keys, deadline, Reply.NULL_ARRAY);
	}

	/**
	 * ZMPOP numkeys key... MIN|MAX [COUNT n]; BZMPOP has the timeout first (numkeys at
	 * {@code at}, the timeout at {@code timeoutAt}, -1 for ZMPOP) but reads it last, as
	 * zmpopGenericCommand does.
	 */
	private static Reply zmpop(CommandContext c, int at, int timeoutAt) {
		MultiPopArgs args = MultiPopArgs.parse(c, at, "min", "max");
		long deadline = timeoutAt < 0 ? -1 : c.timeoutDeadline(c.arg(timeoutAt));
		boolean max = args.fromSecondEnd();
		long count = args.count();
		List<byte[]> keys = new ArrayList<>();
		for (int i = args.firstKey(); i < args.endKey(); i++) {
			KeyEntry e = c.lookupWrite(c.arg(i), ValueType.ZSET);
			if (e != null) {
				ZSetValue z = e.asZSet();
				List<Node> popped = popNodes(z, max, count);
				popped(c, e, c.arg(i), max);
				List<Reply> pairs = new ArrayList<>(popped.size());
				for (Node n : popped) {
					pairs.add(Reply.array(Reply.bulk(n.member()), score(n.score())));
				}
				return Reply.array(Reply.bulk(c.arg(i)), new Reply.ArrayReply(pairs));
			}
			keys.add(c.arg(i));
		}
		return deadline < 0 ? Reply.NULL_ARRAY : c.block(keys, deadline, Reply.NULL_ARRAY);
	}

	/**
	 * A source of ZUNION and friends: a sorted set, a plain set (every score 1), or
	 * missing.
	 */
	private static @Nullable ZSetValue source(CommandContext c, byte[] key) {
		KeyEntry e = c.db().lookupRead(key);
		if (e == null) {
			return null;
		}
		ValueType type = ValueType.of(e.value());
		if (type == ValueType.ZSET) {
			return e.asZSet();
		}
		if (type == ValueType.SET) {
			ZSetValue z = new ZSetValue(c.core().encodingLimits());
			e.asSet().forEach(m -> z.insert(m, 1.0));
			return z;
		}
		throw new ReplyException(Errors.WRONGTYPE);
	}

	/** The inputs of ZUNION and friends, type-checked in order. */
	private static List<ZSetValue> sources(CommandContext c, int from, int count) {
		List<ZSetValue> src = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			src.add(source(c, c.arg(from + i)));
		}
		return src;
	}

	/**
	 * zunionInterDiffGenericCommand: numkeys, then the inputs' types, then the options
	 * (see {@link ZSetOpArgs} for why in that order).
	 */
	private static Reply setop(CommandContext c, int numkeysIdx, SetCommands.Op op, boolean store) {
		int n = ZSetOpArgs.numKeys(c, numkeysIdx);
		List<ZSetValue> src = sources(c, numkeysIdx + 1, n);
		ZSetOpArgs a = ZSetOpArgs.parse(c, numkeysIdx, n, op, store);
		ZSetValue result = switch (op) {
			case UNION -> union(src, a, c.core().encodingLimits());
			case INTER -> inter(src, a, c.core().encodingLimits());
			case DIFF -> diff(src, c.core().encodingLimits());
		};
		if (store) {
			if (!result.isEmpty()) {
				c.db().overwrite(c.arg(1), result.convertToListpackIfSmall());
				c.modified(c.arg(1));
				c.notify(KeyChanges.NOTIFY_ZSET, storeEvent(op), c.arg(1));
			}
			else if (c.db().delete(c.arg(1))) {
				c.modified(c.arg(1));
				c.notify(KeyChanges.NOTIFY_GENERIC, "del", c.arg(1));
			}
			return Reply.integer(result.size());
		}
		List<Node> nodes = new ArrayList<>(result.size());
		result.forEach(nodes::add);
		return rangeReply(c, nodes, a.withScores());
	}

	private static String storeEvent(SetCommands.Op op) {
		return switch (op) {
			case UNION -> "zunionstore";
			case INTER -> "zinterstore";
			case DIFF -> "zdiffstore";
		};
	}

	private static ZSetValue union(List<ZSetValue> src, ZSetOpArgs a, EncodingLimits limits) {
		ZSetValue result = ZSetValue.inSkiplistEncoding(limits);
		for (int i : bySize(src)) {
			ZSetValue s = src.get(i);
			if (s == null) {
				continue;
			}
			s.forEach(node -> {
				double v = a.weighted(i, node.score());
				Node existing = result.get(node.member());
				if (existing == null) {
					result.insert(node.member(), v);
				}
				else {
					result.updateScore(existing, a.aggregate().apply(existing.score(), v));
				}
			});
		}
		return result;
	}

	private static ZSetValue inter(List<ZSetValue> src, ZSetOpArgs a, EncodingLimits limits) {
		ZSetValue result = ZSetValue.inSkiplistEncoding(limits);
		if (src.contains(null)) {
			return result;
		}
		int[] order = bySize(src);
		src.get(order[0]).forEach(node -> {
			double v = a.weighted(order[0], node.score());
			for (int k = 1; k < order.length; k++) {
				Double other = src.get(order[k]).score(node.member());
				if (other == null) {
					return;
				}
				v = a.aggregate().apply(v, a.weighted(order[k], other));
			}
			result.insert(node.member(), v);
		});
		return result;
	}

	/**
	 * The first input's members found in no other input, with their scores unweighted.
	 */
	private static ZSetValue diff(List<ZSetValue> src, EncodingLimits limits) {
		ZSetValue result = ZSetValue.inSkiplistEncoding(limits);
		ZSetValue first = src.get(0);
		if (first == null) {
			return result;
		}
		first.forEach(node -> {
			for (int i = 1; i < src.size(); i++) {
				if (src.get(i) != null && src.get(i).get(node.member()) != null) {
					return;
				}
			}
			result.insert(node.member(), node.score());
		});
		return result;
	}

	/**
	 * The inputs' indexes from the smallest set to the largest (a missing key counts as
	 * empty), ties in the given order: Redis combines the inputs of a union or
	 * intersection in that order, and the order shows where infinities meet (inf + -inf
	 * becomes 0) and in the sign of a zero.
	 */
	private static int[] bySize(List<ZSetValue> src) {
		return IntStream.range(0, src.size())
			.boxed()
			.sorted(Comparator.comparingInt(i -> src.get(i) == null ? 0 : src.get(i).size()))
			.mapToInt(Integer::intValue)
			.toArray();
	}

	/** ZINTERCARD: zunionInterDiffGenericCommand's order, counting instead of storing. */
	private static Reply zintercard(CommandContext c) {
		int n = ZSetOpArgs.numKeys(c, 1);
		List<ZSetValue> src = sources(c, 2, n);
		long limit = ZSetOpArgs.parseInterCard(c, n).limit();
		if (src.contains(null)) {
			return Reply.integer(0);
		}
		long[] count = { 0 };
		src.get(0).forEach(node -> {
			for (int i = 1; i < src.size(); i++) {
				if (src.get(i).get(node.member()) == null) {
					return;
				}
			}
			count[0]++;
		});
		return Reply.integer(limit > 0 ? Math.min(count[0], limit) : count[0]);
	}

	private static Reply zrandmember(CommandContext c) {
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		if (c.argc() == 2) {
			ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
			return z == null ? Reply.NULL : Reply.bulk(z.random(rnd).member());
		}
		RandomCountArgs a = RandomCountArgs.parse(c, "withscores");
		long count = a.count();
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		if (z == null || count == 0) {
			return Reply.EMPTY_ARRAY;
		}
		List<Node> picked = new ArrayList<>();
		if (count < 0) {
			for (long i = 0; i < -count; i++) {
				picked.add(z.random(rnd));
			}
		}
		else {
			z.forEach(picked::add);
			if (count < picked.size()) {
				Collections.shuffle(picked, rnd);
				picked = picked.subList(0, (int) count);
			}
		}
		return rangeReply(c, picked, a.withValues());
	}

	private static Reply zscan(CommandContext c) {
		long cursor = ScanArgs.parseCursor(c.arg(2));
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.ZSET);
		if (e == null) {
			return Reply.array(Reply.bulk("0"), Reply.EMPTY_ARRAY);
		}
		ScanArgs a = ScanArgs.parse(c, 3, false);
		ZSetValue z = e.asZSet();
		List<Node> found = new ArrayList<>();
		long next = 0;
		if (z.isListpack()) {
			z.forEach(found::add);
		}
		else {
			long maxIterations = a.count * 10;
			next = cursor;
			do {
				next = z.scan(next, found::add);
			}
			while (next != 0 && maxIterations-- > 0 && found.size() < a.count);
		}
		List<Reply> out = new ArrayList<>();
		for (Node n : found) {
			if (a.matches(n.member())) {
				out.add(Reply.bulk(n.member()));
				out.add(Reply.bulk(Scores.d2string(n.score())));
			}
		}
		return Reply.array(Reply.bulk(ScanArgs.formatCursor(next)), new Reply.ArrayReply(out));
	}

}

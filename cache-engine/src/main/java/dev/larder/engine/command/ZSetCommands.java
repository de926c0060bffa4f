package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.LaterRedisCommandSpecs;
import dev.larder.engine.command.spec.SortedSetCommandSpecs;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.SetValue;
import dev.larder.engine.keyspace.ValueType;
import dev.larder.engine.keyspace.ZSetValue;
import dev.larder.engine.keyspace.ZSetValue.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The sorted-set family (t_zset.c) with Redis 7.0's parsing order, errors and reply
 * shapes: scores are doubles in replies (bulk strings in RESP2, {@code ,} in RESP3,
 * printed with %.17g), WITHSCORES ranges are flat in RESP2 and member/score pairs in
 * RESP3.
 */
final class ZSetCommands {

	private static final String NOT_FLOAT_RANGE = "ERR min or max is not a float";

	private static final String NOT_LEX_RANGE = "ERR min or max not valid string range item";

	private static final String NAN_SCORE = "ERR resulting score is not a number (NaN)";

	private static final String RANGE_ERROR = "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";

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
		t.bind(LaterRedisCommandSpecs.ZRANK, c -> zrank(c, false));
		t.bind(LaterRedisCommandSpecs.ZREVRANK, c -> zrank(c, true));
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
		t.bind(SortedSetCommandSpecs.ZREMRANGEBYRANK, c -> zremrange(c, RANK));
		t.bind(SortedSetCommandSpecs.ZREMRANGEBYSCORE, c -> zremrange(c, SCORE));
		t.bind(SortedSetCommandSpecs.ZREMRANGEBYLEX, c -> zremrange(c, LEX));
		t.bind(SortedSetCommandSpecs.ZPOPMIN, c -> zpop(c, false));
		t.bind(SortedSetCommandSpecs.ZPOPMAX, c -> zpop(c, true));
		t.bind(SortedSetCommandSpecs.ZMPOP, c -> zmpop(c, 1, -1));
		t.bind(SortedSetCommandSpecs.BZPOPMIN, c -> bzpop(c, false));
		t.bind(SortedSetCommandSpecs.BZPOPMAX, c -> bzpop(c, true));
		t.bind(SortedSetCommandSpecs.BZMPOP, c -> zmpop(c, 2, c.timeoutDeadline(c.arg(1))));
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

	private static ZSetValue zset(KeyEntry e) {
		return e == null ? null : (ZSetValue) e.value();
	}

	static Reply score(double d) {
		return new Reply.DoubleReply(d);
	}

	private static double parseScore(byte[] b) {
		Double d = Scores.parse(b);
		if (d == null) {
			throw new ReplyException(Errors.NOT_FLOAT);
		}
		return d;
	}

	private static Reply zadd(CommandContext c) {
		boolean nx = false;
		boolean xx = false;
		boolean gt = false;
		boolean lt = false;
		boolean ch = false;
		boolean incr = false;
		int i = 2;
		for (; i < c.argc(); i++) {
			byte[] a = c.arg(i);
			if (Args.is(a, "nx")) {
				nx = true;
			}
			else if (Args.is(a, "xx")) {
				xx = true;
			}
			else if (Args.is(a, "gt")) {
				gt = true;
			}
			else if (Args.is(a, "lt")) {
				lt = true;
			}
			else if (Args.is(a, "ch")) {
				ch = true;
			}
			else if (Args.is(a, "incr")) {
				incr = true;
			}
			else {
				break;
			}
		}
		int elements = c.argc() - i;
		if (elements % 2 != 0 || elements == 0) {
			return Reply.error(Errors.SYNTAX);
		}
		elements /= 2;
		if (nx && xx) {
			return Reply.error("ERR XX and NX options at the same time are not compatible");
		}
		if (gt && nx || lt && nx || gt && lt) {
			return Reply.error("ERR GT, LT, and/or NX options at the same time are not compatible");
		}
		if (incr && elements > 1) {
			return Reply.error("ERR INCR option supports a single increment-element pair");
		}
		double[] scores = new double[elements];
		for (int j = 0; j < elements; j++) {
			scores[j] = parseScore(c.arg(i + j * 2));
		}
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		ZSetValue z = zset(e);
		if (z == null) {
			if (xx) {
				return incr ? Reply.NULL : Reply.integer(0);
			}
			z = new ZSetValue();
			c.db().add(c.arg(1), z);
		}
		long added = 0;
		long updated = 0;
		Double incrResult = null;
		for (int j = 0; j < elements; j++) {
			byte[] member = c.arg(i + j * 2 + 1);
			double s = scores[j];
			Node n = z.get(member);
			if (n != null) {
				if (nx) {
					continue;
				}
				double cur = n.score();
				double next = incr ? cur + s : s;
				if (incr && Double.isNaN(next)) {
					return Reply.error(NAN_SCORE);
				}
				if (lt && next >= cur || gt && next <= cur) {
					continue;
				}
				if (next != cur) {
					z.updateScore(n, next);
					updated++;
				}
				incrResult = next;
			}
			else {
				if (xx) {
					continue;
				}
				z.insert(member, s);
				added++;
				incrResult = s;
			}
		}
		if (incr) {
			return incrResult == null ? Reply.NULL : score(incrResult);
		}
		return Reply.integer(ch ? added + updated : added);
	}

	private static Reply zincrby(CommandContext c) {
		double by = parseScore(c.arg(2));
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		ZSetValue z = zset(e);
		if (z == null) {
			z = new ZSetValue();
			c.db().add(c.arg(1), z);
		}
		Node n = z.get(c.arg(3));
		if (n == null) {
			z.insert(c.arg(3), by);
			return score(by);
		}
		double next = n.score() + by;
		if (Double.isNaN(next)) {
			return Reply.error(NAN_SCORE);
		}
		z.updateScore(n, next);
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

	/** ZRANK key member [WITHSCORE] (WITHSCORE is Redis 7.2's). */
	private static Reply zrank(CommandContext c, boolean reverse) {
		if (c.argc() > 4) {
			return Reply.error(Errors.wrongArity(reverse ? "zrevrank" : "zrank"));
		}
		boolean withScore = false;
		if (c.argc() == 4) {
			if (!Args.is(c.arg(3), "withscore")) {
				return Reply.error(Errors.SYNTAX);
			}
			withScore = true;
		}
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		Node n = z == null ? null : z.get(c.arg(2));
		if (n == null) {
			return withScore ? Reply.NULL_ARRAY : Reply.NULL;
		}
		long rank = z.rank(n);
		if (reverse) {
			rank = z.size() - 1 - rank;
		}
		return withScore ? Reply.array(Reply.integer(rank), score(n.score())) : Reply.integer(rank);
	}

	private static Reply zcard(CommandContext c) {
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		return Reply.integer(z == null ? 0 : z.size());
	}

	/** A parsed score range (zrangespec). */
	record ScoreRange(double min, double max, boolean minEx, boolean maxEx) {
		boolean empty() {
			return min > max || min == max && (minEx || maxEx);
		}

		boolean aboveMin(double v) {
			return minEx ? v > min : v >= min;
		}

		boolean belowMax(double v) {
			return maxEx ? v < max : v <= max;
		}
	}

	/**
	 * A parsed lex range; null bounds are "-" (min) and "+" (max); minInf/maxInf cover
	 * "+" as min, "-" as max.
	 */
	record LexRange(byte[] min, byte[] max, boolean minEx, boolean maxEx, int minInf, int maxInf) {
		boolean empty() {
			if (minInf > 0 || maxInf < 0) {
				return true;
			}
			if (min == null || max == null) {
				return false;
			}
			int cmp = java.util.Arrays.compareUnsigned(min, max);
			return cmp > 0 || cmp == 0 && (minEx || maxEx);
		}

		boolean aboveMin(byte[] v) {
			if (minInf < 0 || min == null) {
				return true;
			}
			int cmp = java.util.Arrays.compareUnsigned(v, min);
			return minEx ? cmp > 0 : cmp >= 0;
		}

		boolean belowMax(byte[] v) {
			if (maxInf > 0 || max == null) {
				return true;
			}
			int cmp = java.util.Arrays.compareUnsigned(v, max);
			return maxEx ? cmp < 0 : cmp <= 0;
		}
	}

	private static double[] parseBound(byte[] b) {
		String s = new String(b, StandardCharsets.ISO_8859_1);
		boolean ex = s.startsWith("(");
		Double d = Scores.parseBound(ex ? s.substring(1) : s);
		if (d == null || d.isNaN()) {
			return null;
		}
		return new double[] { d, ex ? 1 : 0 };
	}

	static ScoreRange scoreRange(byte[] min, byte[] max) {
		double[] a = parseBound(min);
		double[] b = parseBound(max);
		if (a == null || b == null) {
			throw new ReplyException(NOT_FLOAT_RANGE);
		}
		return new ScoreRange(a[0], b[0], a[1] == 1, b[1] == 1);
	}

	static LexRange lexRange(byte[] min, byte[] max) {
		Object[] a = lexBound(min);
		Object[] b = lexBound(max);
		if (a == null || b == null) {
			throw new ReplyException(NOT_LEX_RANGE);
		}
		int minInf = (Integer) a[2];
		int maxInf = (Integer) b[2];
		return new LexRange(minInf == 0 ? (byte[]) a[0] : null, maxInf == 0 ? (byte[]) b[0] : null, (Boolean) a[1],
				(Boolean) b[1], minInf, maxInf);
	}

	/**
	 * {bytes, exclusive, inf} with inf -1 for "-", +1 for "+", 0 otherwise; null when
	 * invalid.
	 */
	private static Object[] lexBound(byte[] b) {
		if (b.length == 0) {
			return null;
		}
		switch (b[0]) {
			case '+' -> {
				return b.length == 1 ? new Object[] { null, false, 1 } : null;
			}
			case '-' -> {
				return b.length == 1 ? new Object[] { null, false, -1 } : null;
			}
			case '(' -> {
				return new Object[] { java.util.Arrays.copyOfRange(b, 1, b.length), true, 0 };
			}
			case '[' -> {
				return new Object[] { java.util.Arrays.copyOfRange(b, 1, b.length), false, 0 };
			}
			default -> {
				return null;
			}
		}
	}

	private static Node firstInRange(ZSetValue z, ScoreRange r) {
		if (r.empty()) {
			return null;
		}
		Node n = z.firstAtLeast(r.min(), r.minEx());
		return n != null && r.belowMax(n.score()) ? n : null;
	}

	private static Node lastInRange(ZSetValue z, ScoreRange r) {
		if (r.empty()) {
			return null;
		}
		Node n = z.lastAtMost(r.max(), r.maxEx());
		return n != null && r.aboveMin(n.score()) ? n : null;
	}

	/**
	 * zslIsInLexRange / zzlIsInLexRange: the range is non-empty and overlaps [first,
	 * last].
	 */
	private static boolean inLexRange(ZSetValue z, LexRange r) {
		if (r.empty() || z.isEmpty()) {
			return false;
		}
		return r.aboveMin(z.last().member()) && r.belowMax(z.first().member());
	}

	/**
	 * First node in a lex range. Lex ranges assume equal scores; with mixed scores
	 * Redis's answer depends on the encoding (a linear listpack scan or a skip-list
	 * walk), and so does this one (a linear scan or a binary search of the tree).
	 */
	private static Node firstInLex(ZSetValue z, LexRange r) {
		if (!inLexRange(z, r)) {
			return null;
		}
		Node n;
		if (z.isListpack()) {
			n = z.first();
			while (n != null && !r.aboveMin(n.member())) {
				n = n.next();
			}
		}
		else {
			n = z.firstMemberWhere(r::aboveMin);
		}
		return n != null && r.belowMax(n.member()) ? n : null;
	}

	private static Node lastInLex(ZSetValue z, LexRange r) {
		if (!inLexRange(z, r)) {
			return null;
		}
		Node n;
		if (z.isListpack()) {
			n = z.last();
			while (n != null && !r.belowMax(n.member())) {
				n = n.prev();
			}
		}
		else {
			n = z.lastMemberWhere(r::belowMax);
		}
		return n != null && r.aboveMin(n.member()) ? n : null;
	}

	private static Reply zcount(CommandContext c) {
		ScoreRange r = scoreRange(c.arg(2), c.arg(3));
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		if (z == null) {
			return Reply.integer(0);
		}
		Node first = firstInRange(z, r);
		if (first == null) {
			return Reply.integer(0);
		}
		Node last = lastInRange(z, r);
		return Reply.integer(z.rank(last) - z.rank(first) + 1);
	}

	private static Reply zlexcount(CommandContext c) {
		LexRange r = lexRange(c.arg(2), c.arg(3));
		ZSetValue z = zset(c.lookupRead(c.arg(1), ValueType.ZSET));
		if (z == null) {
			return Reply.integer(0);
		}
		Node first = firstInLex(z, r);
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
		Node last = lastInLex(z, r);
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

	/** zrangeGenericCommand: ZRANGE, ZRANGESTORE and the legacy range commands. */
	private static Reply zrange(CommandContext c, int keyIdx, int presetType, boolean presetRev, boolean store) {
		int type = presetType;
		boolean rev = presetRev;
		boolean revAuto = !presetRev && presetType == AUTO;
		boolean withScores = false;
		long offset = 0;
		long limit = -1;
		for (int j = keyIdx + 3; j < c.argc(); j++) {
			int left = c.argc() - j - 1;
			byte[] a = c.arg(j);
			if (!store && Args.is(a, "withscores")) {
				withScores = true;
			}
			else if (Args.is(a, "limit") && left >= 2) {
				offset = Args.parseLong(c.arg(j + 1));
				limit = Args.parseLong(c.arg(j + 2));
				j += 2;
			}
			else if (revAuto && !rev && Args.is(a, "rev")) {
				rev = true;
			}
			else if (type == AUTO && Args.is(a, "bylex")) {
				type = LEX;
			}
			else if (type == AUTO && Args.is(a, "byscore")) {
				type = SCORE;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		if (type == AUTO) {
			type = RANK;
		}
		if (limit != -1 && type == RANK) {
			return Reply
				.error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or " + "BYLEX");
		}
		if (withScores && type == LEX) {
			return Reply.error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
		}
		int minIdx = keyIdx + 1;
		int maxIdx = keyIdx + 2;
		if (rev && type != RANK) {
			minIdx = keyIdx + 2;
			maxIdx = keyIdx + 1;
		}
		List<Node> nodes = new ArrayList<>();
		long start = 0;
		long end = 0;
		ScoreRange sr = null;
		LexRange lr = null;
		switch (type) {
			case RANK -> {
				start = Args.parseLong(c.arg(minIdx));
				end = Args.parseLong(c.arg(maxIdx));
			}
			case SCORE -> sr = scoreRange(c.arg(minIdx), c.arg(maxIdx));
			default -> lr = lexRange(c.arg(minIdx), c.arg(maxIdx));
		}
		ZSetValue z = zset(c.lookupRead(c.arg(keyIdx), ValueType.ZSET));
		if (z != null) {
			switch (type) {
				case RANK -> collectByRank(z, start, end, rev, nodes);
				case SCORE -> {
					if (offset <= 0 || offset < z.size()) {
						Node n = rev ? lastInRange(z, sr) : firstInRange(z, sr);
						while (n != null && offset-- != 0) {
							n = rev ? n.prev() : n.next();
						}
						while (n != null && limit-- != 0) {
							if (rev ? !sr.aboveMin(n.score()) : !sr.belowMax(n.score())) {
								break;
							}
							nodes.add(n);
							n = rev ? n.prev() : n.next();
						}
					}
				}
				default -> {
					if (offset <= 0 || offset < z.size()) {
						Node n = rev ? lastInLex(z, lr) : firstInLex(z, lr);
						while (n != null && offset-- != 0) {
							n = rev ? n.prev() : n.next();
						}
						while (n != null && limit-- != 0) {
							if (rev ? !lr.aboveMin(n.member()) : !lr.belowMax(n.member())) {
								break;
							}
							nodes.add(n);
							n = rev ? n.prev() : n.next();
						}
					}
				}
			}
		}
		if (store) {
			c.db().delete(c.arg(1));
			if (!nodes.isEmpty()) {
				// As zrangeResultBeginStore: a rank range's length is known up front and
				// picks the encoding;
				// a score or lex range starts as a listpack and converts as it grows.
				ZSetValue dst = type == RANK && nodes.size() > ZSetValue.MAX_LISTPACK_ENTRIES
						? ZSetValue.inSkiplistEncoding() : new ZSetValue();
				for (Node n : nodes) {
					dst.insert(n.member(), n.score());
				}
				c.db().add(c.arg(1), dst);
			}
			return Reply.integer(nodes.size());
		}
		return rangeReply(c, nodes, withScores);
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
		ZSetValue z = zset(e);
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
		return Reply.integer(removed);
	}

	private static Reply zremrange(CommandContext c, int type) {
		long start = 0;
		long end = 0;
		ScoreRange sr = null;
		LexRange lr = null;
		switch (type) {
			case RANK -> {
				start = Args.parseLong(c.arg(2));
				end = Args.parseLong(c.arg(3));
			}
			case SCORE -> sr = scoreRange(c.arg(2), c.arg(3));
			default -> lr = lexRange(c.arg(2), c.arg(3));
		}
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		if (e == null) {
			return Reply.integer(0);
		}
		ZSetValue z = zset(e);
		List<Node> victims = new ArrayList<>();
		switch (type) {
			case RANK -> collectByRank(z, start, end, false, victims);
			case SCORE -> {
				for (Node n = firstInRange(z, sr); n != null && sr.belowMax(n.score()); n = n.next()) {
					victims.add(n);
				}
			}
			default -> {
				for (Node n = firstInLex(z, lr); n != null && lr.belowMax(n.member()); n = n.next()) {
					victims.add(n);
				}
			}
		}
		for (Node n : victims) {
			z.remove(n.member());
		}
		if (z.isEmpty()) {
			c.db().remove(e);
		}
		return Reply.integer(victims.size());
	}

	private static List<Node> popNodes(ZSetValue z, boolean max, long count) {
		List<Node> out = new ArrayList<>();
		for (long i = 0; i < count && !z.isEmpty(); i++) {
			Node n = max ? z.last() : z.first();
			z.remove(n.member());
			out.add(n);
		}
		return out;
	}

	private static Reply zpop(CommandContext c, boolean max) {
		if (c.argc() > 3) {
			return Reply.error(Errors.SYNTAX);
		}
		long count = 1;
		boolean hasCount = c.argc() == 3;
		if (hasCount) {
			count = Args.parseLong(c.arg(2), "ERR value is out of range, must be positive");
			if (count < 0) {
				return Reply.error("ERR value is out of range, must be positive");
			}
		}
		KeyEntry e = c.lookupWrite(c.arg(1), ValueType.ZSET);
		if (e == null || count == 0) {
			return Reply.EMPTY_ARRAY;
		}
		ZSetValue z = zset(e);
		List<Node> popped = popNodes(z, max, count);
		if (z.isEmpty()) {
			c.db().remove(e);
		}
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
				ZSetValue z = zset(e);
				Node n = popNodes(z, max, 1).get(0);
				if (z.isEmpty()) {
					c.db().remove(e);
				}
				return Reply.array(Reply.bulk(c.arg(i)), Reply.bulk(n.member()), score(n.score()));
			}
			keys.add(c.arg(i));
		}
		return c.block(keys, deadline, Reply.NULL_ARRAY);
	}

	/**
	 * ZMPOP numkeys key... MIN|MAX [COUNT n]; BZMPOP has the timeout first (numkeys at
	 * {@code at}).
	 */
	private static Reply zmpop(CommandContext c, int at, long deadline) {
		MultiPopArgs args = MultiPopArgs.parse(c, at, "min", "max");
		boolean max = args.fromSecondEnd();
		long count = args.count();
		List<byte[]> keys = new ArrayList<>();
		for (int i = args.firstKey(); i < args.endKey(); i++) {
			KeyEntry e = c.lookupWrite(c.arg(i), ValueType.ZSET);
			if (e != null) {
				ZSetValue z = zset(e);
				List<Node> popped = popNodes(z, max, count);
				if (z.isEmpty()) {
					c.db().remove(e);
				}
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
	private static ZSetValue source(CommandContext c, byte[] key) {
		KeyEntry e = c.db().lookupRead(key);
		if (e == null) {
			return null;
		}
		Object v = e.value();
		if (v instanceof ZSetValue z) {
			return z;
		}
		if (v instanceof SetValue s) {
			ZSetValue z = new ZSetValue();
			s.forEach(m -> z.insert(m, 1.0));
			return z;
		}
		throw new ReplyException(Errors.WRONGTYPE);
	}

	private static Reply setop(CommandContext c, int numkeysIdx, SetCommands.Op op, boolean store) {
		long setnum = Args.parseLong(c.arg(numkeysIdx));
		String name = Args.lower(c.arg(0));
		if (setnum < 1) {
			return Reply.error("ERR at least 1 input key is needed for '" + name + "' command");
		}
		if (setnum > c.argc() - (numkeysIdx + 1)) {
			return Reply.error(Errors.SYNTAX);
		}
		int n = (int) setnum;
		List<ZSetValue> src = new ArrayList<>(n);
		int j = numkeysIdx + 1;
		for (int i = 0; i < n; i++, j++) {
			src.add(source(c, c.arg(j)));
		}
		double[] weights = new double[n];
		java.util.Arrays.fill(weights, 1.0);
		int aggregate = 0; // 0 sum, 1 min, 2 max
		boolean withScores = false;
		int remaining = c.argc() - j;
		while (remaining > 0) {
			if (op != SetCommands.Op.DIFF && remaining >= n + 1 && Args.is(c.arg(j), "weights")) {
				j++;
				remaining--;
				for (int i = 0; i < n; i++, j++, remaining--) {
					Double w = Scores.parse(c.arg(j));
					if (w == null) {
						return Reply.error("ERR weight value is not a float");
					}
					weights[i] = w;
				}
			}
			else if (op != SetCommands.Op.DIFF && remaining >= 2 && Args.is(c.arg(j), "aggregate")) {
				j++;
				byte[] a = c.arg(j);
				if (Args.is(a, "sum")) {
					aggregate = 0;
				}
				else if (Args.is(a, "min")) {
					aggregate = 1;
				}
				else if (Args.is(a, "max")) {
					aggregate = 2;
				}
				else {
					return Reply.error(Errors.SYNTAX);
				}
				j++;
				remaining -= 2;
			}
			else if (!store && Args.is(c.arg(j), "withscores")) {
				j++;
				remaining--;
				withScores = true;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		ZSetValue result = ZSetValue.inSkiplistEncoding();
		switch (op) {
			case UNION -> {
				for (int i : bySize(src)) {
					ZSetValue s = src.get(i);
					if (s == null) {
						continue;
					}
					final double w = weights[i];
					final int agg = aggregate;
					s.forEach(node -> {
						double v = weighted(w, node.score());
						Node existing = result.get(node.member());
						if (existing == null) {
							result.insert(node.member(), v);
						}
						else {
							result.updateScore(existing, aggregate(agg, existing.score(), v));
						}
					});
				}
			}
			case INTER -> {
				if (!src.contains(null)) {
					int[] order = bySize(src);
					final int agg = aggregate;
					src.get(order[0]).forEach(node -> {
						double v = weighted(weights[order[0]], node.score());
						for (int k = 1; k < n; k++) {
							Double other = src.get(order[k]).score(node.member());
							if (other == null) {
								return;
							}
							v = aggregate(agg, v, weighted(weights[order[k]], other));
						}
						result.insert(node.member(), v);
					});
				}
			}
			default -> {
				ZSetValue first = src.get(0);
				if (first != null) {
					first.forEach(node -> {
						for (int i = 1; i < n; i++) {
							if (src.get(i) != null && src.get(i).get(node.member()) != null) {
								return;
							}
						}
						result.insert(node.member(), node.score());
					});
				}
			}
		}
		if (store) {
			c.db().delete(c.arg(1));
			if (!result.isEmpty()) {
				c.db().add(c.arg(1), result.convertToListpackIfSmall());
			}
			return Reply.integer(result.size());
		}
		List<Node> nodes = new ArrayList<>(result.size());
		result.forEach(nodes::add);
		return rangeReply(c, nodes, withScores);
	}

	private static double weighted(double weight, double score) {
		double v = weight * score;
		return Double.isNaN(v) ? 0 : v;
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

	/**
	 * zunionInterAggregate: the comparisons are C's, so of two equal scores (0 and -0)
	 * MIN and MAX keep the one already there, where Math.min and Math.max would prefer a
	 * sign.
	 */
	private static double aggregate(int agg, double target, double val) {
		switch (agg) {
			case 1 -> {
				return val < target ? val : target;
			}
			case 2 -> {
				return val > target ? val : target;
			}
			default -> {
				double s = target + val;
				return Double.isNaN(s) ? 0.0 : s;
			}
		}
	}

	private static Reply zintercard(CommandContext c) {
		long numkeys = Args.parseLong(c.arg(1));
		if (numkeys < 1) {
			return Reply.error("ERR at least 1 input key is needed for 'zintercard' command");
		}
		if (numkeys > c.argc() - 2) {
			return Reply.error(Errors.SYNTAX);
		}
		List<ZSetValue> src = new ArrayList<>();
		for (int i = 2; i < 2 + numkeys; i++) {
			src.add(source(c, c.arg(i)));
		}
		long limit = 0;
		for (int i = 2 + (int) numkeys; i < c.argc(); i++) {
			if (Args.is(c.arg(i), "limit") && i + 1 < c.argc()) {
				limit = Args.parseLong(c.arg(++i), "ERR LIMIT can't be negative");
				if (limit < 0) {
					return Reply.error("ERR LIMIT can't be negative");
				}
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
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
		long count = Args.parseLong(c.arg(2));
		if (count == Long.MIN_VALUE) {
			return Reply.error(RANGE_ERROR);
		}
		if (c.argc() > 4 || c.argc() == 4 && !Args.is(c.arg(3), "withscores")) {
			return Reply.error(Errors.SYNTAX);
		}
		boolean withScores = c.argc() == 4;
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
		return rangeReply(c, picked, withScores);
	}

	private static Reply zscan(CommandContext c) {
		long cursor = ScanArgs.parseCursor(c.arg(2));
		KeyEntry e = c.lookupRead(c.arg(1), ValueType.ZSET);
		if (e == null) {
			return Reply.array(Reply.bulk("0"), Reply.EMPTY_ARRAY);
		}
		ScanArgs a = ScanArgs.parse(c, 3, false);
		ZSetValue z = zset(e);
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

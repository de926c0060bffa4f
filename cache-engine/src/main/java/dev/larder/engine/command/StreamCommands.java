package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.StreamCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.StreamId;
import dev.larder.engine.keyspace.StreamValue;
import dev.larder.engine.keyspace.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;

/**
 * The stream family: a port of t_stream.c of Redis 7.0.15 (BSD-licensed), with its
 * argument parsing order, error strings, keyspace events and RESP3 shapes.
 */
final class StreamCommands {

	private StreamCommands() {
	}

	static void register(CommandTable t) {
		t.bind(StreamCommandSpecs.XADD, StreamCommands::xadd);
		t.bind(StreamCommandSpecs.XLEN, StreamCommands::xlen);
		t.bind(StreamCommandSpecs.XRANGE, c -> xrange(c, false));
		t.bind(StreamCommandSpecs.XREVRANGE, c -> xrange(c, true));
		t.bind(StreamCommandSpecs.XDEL, StreamCommands::xdel);
		t.bind(StreamCommandSpecs.XTRIM, StreamCommands::xtrim);
		t.bind(StreamCommandSpecs.XSETID, StreamCommands::xsetid);
		t.bindContainer(StreamCommandSpecs.XINFO);
		t.bind(StreamCommandSpecs.XINFO_STREAM, StreamCommands::xinfoStream);
		t.bind(StreamCommandSpecs.XINFO_GROUPS, StreamCommands::xinfoGroups);
		t.bind(StreamCommandSpecs.XINFO_CONSUMERS, StreamCommands::xinfoConsumers);
		t.bind(StreamCommandSpecs.XINFO_HELP,
				c -> ConnectionCommands.help("XINFO", "CONSUMERS <key> <groupname>",
						"    Show consumers of <groupname>.", "GROUPS <key>", "    Show the stream consumer groups.",
						"STREAM <key> [FULL [COUNT <count>]", "    Show information about the stream."));
		t.bind(StreamCommandSpecs.XREAD, c -> StreamReads.xread(c, false));
		t.bind(StreamCommandSpecs.XREADGROUP, c -> StreamReads.xread(c, true));
		StreamGroupCommands.register(t);
	}

	/** The stream at {@code key} for reading, or null. */
	static @Nullable StreamValue read(CommandContext c, byte[] key) {
		KeyEntry e = c.lookupRead(key, ValueType.STREAM);
		return e == null ? null : e.asStream();
	}

	/** The stream at {@code key} for writing, or null. */
	static @Nullable StreamValue write(CommandContext c, byte[] key) {
		KeyEntry e = c.lookupWrite(key, ValueType.STREAM);
		return e == null ? null : e.asStream();
	}

	/** An entry as Redis emits it: its ID, then its fields and values. */
	static Reply entry(StreamId id, byte[][] fieldsAndValues) {
		List<Reply> fv = new ArrayList<>(fieldsAndValues.length);
		for (byte[] b : fieldsAndValues) {
			fv.add(Reply.bulk(b));
		}
		return Reply.array(Reply.bulk(id.bytes()), new Reply.ArrayReply(fv));
	}

	static Reply id(StreamId id) {
		return Reply.bulk(id.bytes());
	}

	/** The trimming options XADD and XTRIM share (streamAddTrimArgs). */
	static final class TrimArgs {

		boolean maxLenStrategy;

		boolean minIdStrategy;

		long maxLen = -1;

		StreamId minId = StreamId.MIN;

		boolean approx;

		long limit;

		boolean noMkStream;

		StreamIds.@Nullable Parsed id;

		boolean any() {
			return maxLenStrategy || minIdStrategy;
		}

	}

	/**
	 * streamParseAddOrTrimArgsOrReply: returns the index of XADD's ID argument (or of
	 * XTRIM's end).
	 */
	static int parseTrimArgs(CommandContext c, TrimArgs a, boolean xadd) {
		boolean limitGiven = false;
		int i = 2;
		for (; i < c.argc(); i++) {
			int moreArgs = c.argc() - 1 - i;
			byte[] opt = c.arg(i);
			if (xadd && opt.length >= 1 && opt[0] == '*' && (opt.length == 1 || opt[1] == 0)) {
				break;
			}
			else if (Args.is(opt, "maxlen") && moreArgs > 0) {
				if (a.any()) {
					throw new ReplyException(
							"ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
				}
				a.approx = false;
				byte[] next = c.arg(i + 1);
				if (moreArgs >= 2 && isChar(next, '~')) {
					a.approx = true;
					i++;
				}
				else if (moreArgs >= 2 && isChar(next, '=')) {
					i++;
				}
				a.maxLen = Args.parseLong(c.arg(i + 1));
				if (a.maxLen < 0) {
					throw new ReplyException("ERR The MAXLEN argument must be >= 0.");
				}
				i++;
				a.maxLenStrategy = true;
			}
			else if (Args.is(opt, "minid") && moreArgs > 0) {
				if (a.any()) {
					throw new ReplyException(
							"ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
				}
				a.approx = false;
				byte[] next = c.arg(i + 1);
				if (moreArgs >= 2 && isChar(next, '~')) {
					a.approx = true;
					i++;
				}
				else if (moreArgs >= 2 && isChar(next, '=')) {
					i++;
				}
				a.minId = StreamIds.strict(c.arg(i + 1), 0);
				i++;
				a.minIdStrategy = true;
			}
			else if (Args.is(opt, "limit") && moreArgs > 0) {
				a.limit = Args.parseLong(c.arg(i + 1));
				if (a.limit < 0) {
					throw new ReplyException("ERR The LIMIT argument must be >= 0.");
				}
				limitGiven = true;
				i++;
			}
			else if (xadd && Args.is(opt, "nomkstream")) {
				a.noMkStream = true;
			}
			else if (xadd) {
				a.id = StreamIds.strictForXadd(opt);
				break;
			}
			else {
				throw new ReplyException(Errors.SYNTAX);
			}
		}
		if (a.limit != 0 && !a.any()) {
			throw new ReplyException("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
		}
		if (!xadd && !a.any()) {
			throw new ReplyException("ERR syntax error, XTRIM must be called with a trimming strategy");
		}
		if (limitGiven) {
			if (!a.approx) {
				throw new ReplyException("ERR syntax error, LIMIT cannot be used without the special ~ option");
			}
		}
		else if (a.approx) {
			a.limit = 100 * c.core().encodingLimits().streamNodeMaxEntries();
			if (a.limit <= 0 || a.limit > 1_000_000) {
				a.limit = 10_000;
			}
		}
		else {
			a.limit = 0;
		}
		return i;
	}

	private static boolean isChar(byte[] b, char ch) {
		return b.length >= 1 && b[0] == ch && (b.length == 1 || b[1] == 0);
	}

	static long trim(StreamValue s, TrimArgs a) {
		return s.trim(a.maxLen, a.minIdStrategy ? a.minId : null, a.approx, a.limit);
	}

	private static Reply xadd(CommandContext c) {
		TrimArgs a = new TrimArgs();
		int idPos = parseTrimArgs(c, a, true);
		int fieldPos = idPos + 1;
		int pairs = c.argc() - fieldPos;
		if (pairs < 2 || pairs % 2 == 1) {
			return Reply.error(Errors.wrongArity("xadd"));
		}
		StreamIds.Parsed given = a.id;
		if (given != null && given.seqGiven() && given.id().isZero()) {
			return Reply.error("ERR The ID specified in XADD must be greater than 0-0");
		}
		StreamValue s = write(c, c.arg(1));
		if (s == null) {
			if (a.noMkStream) {
				return Reply.NULL;
			}
			s = new StreamValue();
			c.db().add(c.arg(1), s);
		}
		StreamId last = s.lastId();
		if (last.equals(StreamId.MAX)) {
			return Reply.error("ERR The stream has exhausted the last possible ID, unable to add more items");
		}
		StreamId id;
		if (given != null) {
			if (given.seqGiven()) {
				id = given.id();
			}
			else if (last.ms() == given.id().ms()) {
				if (last.seq() == -1L) {
					// Redis 7.0 reports this overflow with a stale errno
					return Reply.error("ERR Elements are too large to be stored");
				}
				id = new StreamId(last.ms(), last.seq() + 1);
			}
			else {
				id = given.id();
			}
		}
		else {
			long ms = c.now();
			// streamNextID: past the last ID's sequence, the next millisecond
			id = Long.compareUnsigned(ms, last.ms()) > 0 ? new StreamId(ms, 0)
					: java.util.Objects.requireNonNull(last.incr(), "the last ID is not the largest");
		}
		if (id.compareTo(last) <= 0) {
			return Reply.error("ERR The ID specified in XADD is equal or smaller than the target stream top item");
		}
		byte[][] fv = new byte[pairs][];
		for (int i = 0; i < pairs; i++) {
			fv[i] = c.arg(fieldPos + i);
		}
		s.append(id, fv, c.core().encodingLimits());
		c.modified(c.arg(1));
		c.notify(KeyChanges.NOTIFY_STREAM, "xadd", c.arg(1));
		if (a.any() && trim(s, a) > 0) {
			c.notify(KeyChanges.NOTIFY_STREAM, "xtrim", c.arg(1));
		}
		return id(id);
	}

	private static Reply xlen(CommandContext c) {
		StreamValue s = read(c, c.arg(1));
		return Reply.integer(s == null ? 0 : s.length());
	}

	private static Reply xrange(CommandContext c, boolean rev) {
		byte[] startArg = rev ? c.arg(3) : c.arg(2);
		byte[] endArg = rev ? c.arg(2) : c.arg(3);
		StreamId start = StreamIds.interval(startArg, 0, true);
		StreamId end = StreamIds.interval(endArg, -1L, false);
		long count = -1;
		for (int j = 4; j < c.argc(); j++) {
			int additional = c.argc() - j - 1;
			if (Args.is(c.arg(j), "count") && additional >= 1) {
				count = Args.parseLong(c.arg(j + 1));
				if (count < 0) {
					count = 0;
				}
				j++;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		StreamValue s = read(c, c.arg(1));
		if (s == null) {
			return Reply.EMPTY_ARRAY;
		}
		if (count == 0) {
			return Reply.NULL_ARRAY;
		}
		return range(s, start, end, count, rev);
	}

	/**
	 * streamReplyWithRange without a group: entries from start to end, count (-1 or 0:
	 * all).
	 */
	static Reply.ArrayReply range(StreamValue s, StreamId start, StreamId end, long count, boolean rev) {
		List<Reply> out = new ArrayList<>();
		if (start.compareTo(end) > 0) {
			return new Reply.ArrayReply(out);
		}
		NavigableMap<StreamId, byte[][]> sub = s.entries().subMap(start, true, end, true);
		for (Map.Entry<StreamId, byte[][]> e : (rev ? sub.descendingMap() : sub).entrySet()) {
			if (count > 0 && out.size() >= count) {
				break;
			}
			out.add(entry(e.getKey(), e.getValue()));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply xdel(CommandContext c) {
		StreamValue s = write(c, c.arg(1));
		if (s == null) {
			return Reply.integer(0);
		}
		StreamId[] ids = new StreamId[c.argc() - 2];
		for (int j = 2; j < c.argc(); j++) {
			ids[j - 2] = StreamIds.strict(c.arg(j), 0);
		}
		long deleted = 0;
		for (StreamId id : ids) {
			if (s.delete(id)) {
				deleted++;
			}
		}
		if (deleted > 0) {
			c.modified(c.arg(1));
			c.notify(KeyChanges.NOTIFY_STREAM, "xdel", c.arg(1));
		}
		return Reply.integer(deleted);
	}

	private static Reply xtrim(CommandContext c) {
		TrimArgs a = new TrimArgs();
		parseTrimArgs(c, a, false);
		StreamValue s = write(c, c.arg(1));
		if (s == null) {
			return Reply.integer(0);
		}
		long deleted = trim(s, a);
		if (deleted > 0) {
			c.notify(KeyChanges.NOTIFY_STREAM, "xtrim", c.arg(1));
			c.modified(c.arg(1));
		}
		return Reply.integer(deleted);
	}

	private static Reply xsetid(CommandContext c) {
		StreamId id = StreamIds.strict(c.arg(2), 0);
		StreamId maxXdel = StreamId.MIN;
		long entriesAdded = -1;
		int i = 3;
		while (i < c.argc()) {
			int moreArgs = c.argc() - 1 - i;
			byte[] opt = c.arg(i);
			if (Args.is(opt, "entriesadded") && moreArgs > 0) {
				entriesAdded = Args.parseLong(c.arg(i + 1));
				if (entriesAdded < 0) {
					return Reply.error("ERR entries_added must be positive");
				}
				i += 2;
			}
			else if (Args.is(opt, "maxdeletedid") && moreArgs > 0) {
				maxXdel = StreamIds.strict(c.arg(i + 1), 0);
				if (id.compareTo(maxXdel) < 0) {
					return Reply
						.error("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
				}
				i += 2;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		StreamValue s = write(c, c.arg(1));
		if (s == null) {
			return Reply.error(Errors.NO_SUCH_KEY);
		}
		if (s.length() > 0) {
			StreamId maxId = s.entries().lastKey();
			if (id.compareTo(maxId) < 0) {
				return Reply.error("ERR The ID specified in XSETID is smaller than the target stream top item");
			}
			if (entriesAdded != -1 && s.length() > entriesAdded) {
				return Reply
					.error("ERR The entries_added specified in XSETID is smaller than the target stream length");
			}
		}
		s.setIds(id, entriesAdded != -1 ? entriesAdded : s.entriesAdded(),
				!maxXdel.isZero() ? maxXdel : s.maxDeletedId());
		// Redis 7.0 signals no key change here (WATCH is not touched)
		c.notify(KeyChanges.NOTIFY_STREAM, "xsetid", c.arg(1));
		return Reply.OK;
	}

	private static StreamValue infoStream(CommandContext c) {
		StreamValue s = read(c, c.arg(2));
		if (s == null) {
			throw new ReplyException(Errors.NO_SUCH_KEY);
		}
		return s;
	}

	/**
	 * XINFO STREAM. radix-tree-keys is the number of nodes the engine models, as Redis
	 * counts its listpacks; radix-tree-nodes, the inner nodes of Redis's rax, is not
	 * modelled: the engine reports one node per key plus the root.
	 */
	private static Reply xinfoStream(CommandContext c) {
		StreamValue s = infoStream(c);
		int argc = c.argc() - 3;
		boolean full = true;
		long count = 10;
		if (argc == 0) {
			full = false;
		}
		else {
			if (argc != 1 && argc != 3) {
				return Reply.error(syntax(c));
			}
			if (!Args.is(c.arg(3), "full")) {
				return Reply.error(syntax(c));
			}
			if (argc == 3) {
				if (!Args.is(c.arg(4), "count")) {
					return Reply.error(syntax(c));
				}
				count = Args.parseLong(c.arg(5));
				if (count < 0) {
					count = 10;
				}
			}
		}
		List<Reply> m = new ArrayList<>();
		m.add(Reply.bulk("length"));
		m.add(Reply.integer(s.length()));
		m.add(Reply.bulk("radix-tree-keys"));
		m.add(Reply.integer(s.nodeCount()));
		m.add(Reply.bulk("radix-tree-nodes"));
		m.add(Reply.integer(s.nodeCount() + 1L));
		m.add(Reply.bulk("last-generated-id"));
		m.add(id(s.lastId()));
		m.add(Reply.bulk("max-deleted-entry-id"));
		m.add(id(s.maxDeletedId()));
		m.add(Reply.bulk("entries-added"));
		m.add(Reply.integer(s.entriesAdded()));
		m.add(Reply.bulk("recorded-first-entry-id"));
		m.add(id(s.firstId()));
		if (!full) {
			m.add(Reply.bulk("groups"));
			m.add(Reply.integer(s.groups().size()));
			Map.Entry<StreamId, byte[][]> first = s.entries().firstEntry();
			Map.Entry<StreamId, byte[][]> last = s.entries().lastEntry();
			m.add(Reply.bulk("first-entry"));
			m.add(first == null ? Reply.NULL : entry(first.getKey(), first.getValue()));
			m.add(Reply.bulk("last-entry"));
			m.add(last == null ? Reply.NULL : entry(last.getKey(), last.getValue()));
			return new Reply.MapReply(m);
		}
		m.add(Reply.bulk("entries"));
		m.add(range(s, StreamId.MIN, StreamId.MAX, count, false));
		m.add(Reply.bulk("groups"));
		List<Reply> groups = new ArrayList<>();
		for (StreamValue.Group g : s.groups().values()) {
			List<Reply> gm = new ArrayList<>();
			gm.add(Reply.bulk("name"));
			gm.add(Reply.bulk(g.name()));
			gm.add(Reply.bulk("last-delivered-id"));
			gm.add(id(g.lastId()));
			gm.add(Reply.bulk("entries-read"));
			gm.add(entriesRead(g));
			gm.add(Reply.bulk("lag"));
			gm.add(lag(s, g));
			gm.add(Reply.bulk("pel-count"));
			gm.add(Reply.integer(g.pel().size()));
			gm.add(Reply.bulk("pending"));
			List<Reply> pending = new ArrayList<>();
			for (Map.Entry<StreamId, StreamValue.Nack> e : g.pel().entrySet()) {
				if (count != 0 && pending.size() >= count) {
					break;
				}
				StreamValue.Nack n = e.getValue();
				pending.add(Reply.array(id(e.getKey()), Reply.bulk(n.consumer().name()),
						Reply.integer(n.deliveryTime()), Reply.integer(n.deliveryCount())));
			}
			gm.add(new Reply.ArrayReply(pending));
			gm.add(Reply.bulk("consumers"));
			List<Reply> consumers = new ArrayList<>();
			for (StreamValue.Consumer cons : g.consumers().values()) {
				List<Reply> cm = new ArrayList<>();
				cm.add(Reply.bulk("name"));
				cm.add(Reply.bulk(cons.name()));
				cm.add(Reply.bulk("seen-time"));
				cm.add(Reply.integer(cons.seenTime()));
				cm.add(Reply.bulk("pel-count"));
				cm.add(Reply.integer(cons.pel().size()));
				cm.add(Reply.bulk("pending"));
				List<Reply> cp = new ArrayList<>();
				for (Map.Entry<StreamId, StreamValue.Nack> e : cons.pel().entrySet()) {
					if (count != 0 && cp.size() >= count) {
						break;
					}
					StreamValue.Nack n = e.getValue();
					cp.add(Reply.array(id(e.getKey()), Reply.integer(n.deliveryTime()),
							Reply.integer(n.deliveryCount())));
				}
				cm.add(new Reply.ArrayReply(cp));
				consumers.add(new Reply.MapReply(cm));
			}
			gm.add(new Reply.ArrayReply(consumers));
			groups.add(new Reply.MapReply(gm));
		}
		m.add(new Reply.ArrayReply(groups));
		return new Reply.MapReply(m);
	}

	/** addReplySubcommandSyntaxError. */
	static String syntax(CommandContext c) {
		return Errors.sanitize("ERR unknown subcommand or wrong number of arguments for '" + Bytes.string(c.arg(1))
				+ "'. Try " + Bytes.string(c.arg(0)).toUpperCase(java.util.Locale.ROOT) + " HELP.");
	}

	static Reply entriesRead(StreamValue.Group g) {
		return g.entriesRead() != StreamValue.INVALID_ENTRIES_READ ? Reply.integer(g.entriesRead()) : Reply.NULL;
	}

	/** streamReplyWithCGLag. */
	static Reply lag(StreamValue s, StreamValue.Group g) {
		if (s.entriesAdded() == 0) {
			return Reply.integer(0);
		}
		if (g.entriesRead() != StreamValue.INVALID_ENTRIES_READ && !s.hasTombstonesFrom(g.lastId())) {
			return Reply.integer(s.entriesAdded() - g.entriesRead());
		}
		long read = s.estimateDistanceFromFirstEverEntry(g.lastId());
		return read != StreamValue.INVALID_ENTRIES_READ ? Reply.integer(s.entriesAdded() - read) : Reply.NULL;
	}

	private static Reply xinfoGroups(CommandContext c) {
		StreamValue s = infoStream(c);
		List<Reply> out = new ArrayList<>();
		for (StreamValue.Group g : s.groups().values()) {
			List<Reply> m = new ArrayList<>();
			m.add(Reply.bulk("name"));
			m.add(Reply.bulk(g.name()));
			m.add(Reply.bulk("consumers"));
			m.add(Reply.integer(g.consumers().size()));
			m.add(Reply.bulk("pending"));
			m.add(Reply.integer(g.pel().size()));
			m.add(Reply.bulk("last-delivered-id"));
			m.add(id(g.lastId()));
			m.add(Reply.bulk("entries-read"));
			m.add(entriesRead(g));
			m.add(Reply.bulk("lag"));
			m.add(lag(s, g));
			out.add(new Reply.MapReply(m));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply xinfoConsumers(CommandContext c) {
		StreamValue s = infoStream(c);
		StreamValue.Group g = s.group(c.arg(3));
		if (g == null) {
			return Reply.error(Errors.sanitize("NOGROUP No such consumer group '" + Bytes.string(c.arg(3))
					+ "' for key name '" + Bytes.string(c.arg(2)) + "'"));
		}
		long now = c.now();
		List<Reply> out = new ArrayList<>();
		for (StreamValue.Consumer cons : g.consumers().values()) {
			long idle = now - cons.seenTime();
			out.add(new Reply.MapReply(List.of(Reply.bulk("name"), Reply.bulk(cons.name()), Reply.bulk("pending"),
					Reply.integer(cons.pel().size()), Reply.bulk("idle"), Reply.integer(Math.max(0, idle)))));
		}
		return new Reply.ArrayReply(out);
	}

}

package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.StreamId;
import dev.larder.engine.keyspace.StreamValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * XREAD and XREADGROUP, a port of t_stream.c's xreadCommand (Redis 7.0.15, BSD-licensed)
 * and of blocked.c's serving of clients blocked on streams. A blocked read parks, as the
 * list pops do, with its arguments rewritten the way Redis stores them in the blocked
 * client: {@code $} resolved to the stream's last ID at the time of the call and a COUNT
 * of 1000 when none was given, so that re-running it once a writer touches a key serves
 * what arrived after the call.
 */
final class StreamReads {

	/** What a client blocked in XREADGROUP gets when its group is destroyed. */
	private static final String GROUP_GONE = "NOGROUP the consumer group this client was blocked on no longer exists";

	/**
	 * What a client blocked in XREADGROUP gets when its stream is deleted or replaced.
	 */
	private static final String KEY_GONE = "UNBLOCKED the stream key no longer exists";

	private StreamReads() {
	}

	/** True while a parked read is re-run after a write (not for MULTI or scripts). */
	private static boolean rerun(CommandContext c) {
		return c.session().noBlock() && c.core().blocking().waiterOf(c.session()) != null;
	}

	/**
	 * True for the error that unblocks a client blocked in XREADGROUP (its group is
	 * gone), where other errors of a re-run leave it blocked.
	 */
	static boolean endsTheWait(Reply r) {
		return r instanceof Reply.ErrorReply e && (e.message().equals(GROUP_GONE) || e.message().equals(KEY_GONE));
	}

	static Reply xread(CommandContext c, boolean xreadgroup) {
		long timeout = -1;
		long count = 0;
		int streamsArg = 0;
		int streamsCount = 0;
		boolean noack = false;
		byte @Nullable [] groupName = null;
		byte @Nullable [] consumerName = null;
		int blockArg = -1;
		for (int i = 1; i < c.argc(); i++) {
			int moreArgs = c.argc() - i - 1;
			byte[] o = c.arg(i);
			if (Args.is(o, "block") && moreArgs > 0) {
				if (c.session().script()) {
					return Reply.error(
							"ERR " + Bytes.string(c.arg(0)) + " command is not allowed with BLOCK option from scripts");
				}
				i++;
				blockArg = i;
				timeout = timeoutMillis(c, c.arg(i));
			}
			else if (Args.is(o, "count") && moreArgs > 0) {
				i++;
				count = Args.parseLong(c.arg(i));
				if (count < 0) {
					count = 0;
				}
			}
			else if (Args.is(o, "streams") && moreArgs > 0) {
				streamsArg = i + 1;
				streamsCount = c.argc() - streamsArg;
				if (streamsCount % 2 != 0) {
					String symbol = xreadgroup ? ">" : "$";
					return Reply.error("ERR Unbalanced " + Bytes.string(c.arg(0))
							+ " list of streams: for each stream key an ID or '" + symbol + "' must be specified.");
				}
				streamsCount /= 2;
				break;
			}
			else if (Args.is(o, "group") && moreArgs >= 2) {
				if (!xreadgroup) {
					return Reply
						.error("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
				}
				groupName = c.arg(i + 1);
				consumerName = c.arg(i + 2);
				i += 2;
			}
			else if (Args.is(o, "noack")) {
				if (!xreadgroup) {
					return Reply
						.error("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
				}
				noack = true;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
		}
		if (streamsArg == 0) {
			return Reply.error(Errors.SYNTAX);
		}
		if (xreadgroup && groupName == null) {
			return Reply.error("ERR Missing GROUP option for XREADGROUP");
		}
		StreamId[] ids = new StreamId[streamsCount];
		boolean[] newOnly = new boolean[streamsCount];
		StreamValue.Group[] groups = new StreamValue.Group[streamsCount];
		for (int i = streamsArg + streamsCount; i < c.argc(); i++) {
			int idx = i - streamsArg - streamsCount;
			byte[] key = c.arg(i - streamsCount);
			StreamValue s;
			try {
				s = StreamCommands.read(c, key);
			}
			catch (ReplyException ex) {
				if (groupName != null && rerun(c)) {
					return Reply.error(KEY_GONE); // SET replaced the stream
				}
				throw ex;
			}
			if (groupName != null) {
				if (s == null && rerun(c)) {
					return Reply.error(KEY_GONE);
				}
				StreamValue.Group g = s == null ? null : s.group(groupName);
				if (g == null && rerun(c)) {
					// re-run for a client blocked on the group, which XGROUP DESTROY
					// removed
					return Reply.error(GROUP_GONE);
				}
				if (g == null) {
					return Reply.error(Errors.sanitize("NOGROUP No such key '" + Bytes.string(key)
							+ "' or consumer group '" + Bytes.string(groupName) + "' in XREADGROUP with GROUP option"));
				}
				groups[idx] = g;
			}
			byte[] a = c.arg(i);
			if (a.length == 1 && a[0] == '$') {
				if (xreadgroup) {
					return Reply.error("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the "
							+ "history of this consumer by specifying a proper ID, or use the > ID to get new messages. "
							+ "The $ ID would just return an empty result set.");
				}
				ids[idx] = s != null ? s.lastId() : StreamId.MIN;
				continue;
			}
			else if (a.length == 1 && a[0] == '>') {
				if (!xreadgroup) {
					return Reply.error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP "
							+ "<group> <consumer> option.");
				}
				ids[idx] = StreamId.MAX;
				newOnly[idx] = true;
				continue;
			}
			ids[idx] = StreamIds.strict(a, 0);
		}
		List<Reply> out = new ArrayList<>();
		for (int i = 0; i < streamsCount; i++) {
			byte[] key = c.arg(streamsArg + i);
			StreamValue s = StreamCommands.read(c, key);
			if (s == null) {
				continue;
			}
			StreamId gt = ids[i];
			boolean serve = false;
			boolean history = false;
			if (groupName != null) {
				if (!newOnly[i]) {
					serve = true;
					history = true;
				}
				else if (s.length() > 0) {
					StreamId last = groups[i].lastId();
					if (s.entries().lastKey().compareTo(last) > 0) {
						serve = true;
						gt = last;
					}
				}
			}
			else if (s.length() > 0 && s.entries().lastKey().compareTo(gt) > 0) {
				serve = true;
			}
			if (!serve) {
				continue;
			}
			StreamId start = gt.incr();
			Reply entries;
			if (groupName != null) {
				entries = serveGroup(c, key, s, groups[i], java.util.Objects.requireNonNull(consumerName), start, count,
						noack, history);
			}
			else {
				entries = start == null ? Reply.EMPTY_ARRAY
						: StreamCommands.range(s, start, StreamId.MAX, count, false);
			}
			if (c.resp3()) {
				out.add(Reply.bulk(key));
				out.add(entries);
			}
			else {
				out.add(Reply.array(Reply.bulk(key), entries));
			}
		}
		if (!out.isEmpty()) {
			return c.resp3() ? new Reply.MapReply(out) : new Reply.ArrayReply(out);
		}
		if (timeout != -1) {
			if (!c.canBlock()) {
				return Reply.NULL_ARRAY;
			}
			List<byte[]> keys = new ArrayList<>(streamsCount);
			for (int i = 0; i < streamsCount; i++) {
				keys.add(c.arg(streamsArg + i));
			}
			return c.block(keys, timeout, Reply.NULL_ARRAY, parkedArgs(c, xreadgroup, groupName, consumerName, noack,
					count == 0 ? 1000 : count, blockArg, keys, ids, newOnly));
		}
		return Reply.NULL_ARRAY;
	}

	/** The command a blocked read re-runs: the same read, with IDs resolved. */
	private static byte[][] parkedArgs(CommandContext c, boolean xreadgroup, byte @Nullable [] groupName,
			byte @Nullable [] consumerName, boolean noack, long count, int blockArg, List<byte[]> keys, StreamId[] ids,
			boolean[] newOnly) {
		List<byte[]> a = new ArrayList<>();
		a.add(c.arg(0));
		if (xreadgroup) {
			a.add(ascii("GROUP"));
			a.add(java.util.Objects.requireNonNull(groupName));
			a.add(java.util.Objects.requireNonNull(consumerName));
			if (noack) {
				a.add(ascii("NOACK"));
			}
		}
		a.add(ascii("COUNT"));
		a.add(ascii(Long.toString(count)));
		a.add(ascii("BLOCK"));
		a.add(c.arg(blockArg));
		a.add(ascii("STREAMS"));
		a.addAll(keys);
		for (int i = 0; i < ids.length; i++) {
			a.add(newOnly[i] ? ascii(">") : ids[i].bytes());
		}
		return a.toArray(new byte[0][]);
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/** getTimeoutFromObjectOrReply in milliseconds: an absolute deadline, 0 for ever. */
	private static long timeoutMillis(CommandContext c, byte[] arg) {
		long tval = Args.parseLong(arg, "ERR timeout is not an integer or out of range");
		if (tval < 0) {
			throw new ReplyException("ERR timeout is negative");
		}
		if (tval > 0) {
			if (tval > Long.MAX_VALUE - c.now()) {
				// Redis 7.0 has no range check here: the deadline wraps and the client
				// waits as if for ever
				return 0;
			}
			tval += c.now();
		}
		return tval;
	}

	/** streamReplyWithRange for a group: new entries, or the consumer's history. */
	private static Reply serveGroup(CommandContext c, byte[] key, StreamValue s, StreamValue.Group g, byte[] name,
			@Nullable StreamId start, long count, boolean noack, boolean history) {
		long now = c.now();
		StreamValue.Consumer consumer = consumer(c, key, g, name);
		consumer.seen(now);
		List<Reply> out = new ArrayList<>();
		if (start == null) {
			return new Reply.ArrayReply(out);
		}
		if (history) {
			for (Map.Entry<StreamId, StreamValue.Nack> e : consumer.pel().tailMap(start, true).entrySet()) {
				if (count != 0 && out.size() >= count) {
					break;
				}
				byte[][] fv = s.entries().get(e.getKey());
				if (fv == null) {
					out.add(Reply.array(StreamCommands.id(e.getKey()), Reply.NULL_ARRAY));
				}
				else {
					out.add(StreamCommands.entry(e.getKey(), fv));
					e.getValue().deliveryTime(now);
					e.getValue().deliveryCount(e.getValue().deliveryCount() + 1);
				}
			}
			return new Reply.ArrayReply(out);
		}
		for (Map.Entry<StreamId, byte[][]> e : s.entries().tailMap(start, true).entrySet()) {
			if (count != 0 && out.size() >= count) {
				break;
			}
			StreamId id = e.getKey();
			if (id.compareTo(g.lastId()) > 0) {
				if (g.entriesRead() != StreamValue.INVALID_ENTRIES_READ && !s.hasTombstonesFrom(id)) {
					g.entriesRead(g.entriesRead() + 1);
				}
				else if (s.entriesAdded() != 0) {
					g.entriesRead(s.estimateDistanceFromFirstEverEntry(id));
				}
				g.lastId(id);
			}
			out.add(StreamCommands.entry(id, e.getValue()));
			if (!noack) {
				StreamValue.Nack n = g.pel().get(id);
				if (n == null) {
					g.addPending(id, consumer, now, 1);
				}
				else {
					g.transfer(id, n, consumer);
					n.deliveryTime(now);
					n.deliveryCount(1);
				}
			}
		}
		return new Reply.ArrayReply(out);
	}

	/**
	 * streamLookupConsumer, creating the consumer (with its keyspace event) when it is
	 * missing.
	 */
	static StreamValue.Consumer consumer(CommandContext c, byte[] key, StreamValue.Group g, byte[] name) {
		StreamValue.Consumer consumer = g.consumer(name);
		if (consumer == null) {
			consumer = java.util.Objects.requireNonNull(g.createConsumer(name, c.now()));
			c.notify(KeyChanges.NOTIFY_STREAM, "xgroup-createconsumer", key);
		}
		else {
			consumer.seen(c.now());
		}
		return consumer;
	}

}

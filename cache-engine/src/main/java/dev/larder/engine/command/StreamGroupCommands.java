package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.StreamCommandSpecs;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.StreamId;
import dev.larder.engine.keyspace.StreamValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Consumer groups: XGROUP, XACK, XPENDING, XCLAIM and XAUTOCLAIM, a port of t_stream.c of
 * Redis 7.0.15 (BSD-licensed).
 */
final class StreamGroupCommands {

	private static final String NOT_EXISTS = "ERR The XGROUP subcommand requires the key to exist. "
			+ "Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.";

	private StreamGroupCommands() {
	}

	static void register(CommandTable t) {
		t.bindContainer(StreamCommandSpecs.XGROUP);
		t.bind(StreamCommandSpecs.XGROUP_CREATE, c -> xgroup(c, "create"));
		t.bind(StreamCommandSpecs.XGROUP_SETID, c -> xgroup(c, "setid"));
		t.bind(StreamCommandSpecs.XGROUP_DESTROY, c -> xgroup(c, "destroy"));
		t.bind(StreamCommandSpecs.XGROUP_CREATECONSUMER, c -> xgroup(c, "createconsumer"));
		t.bind(StreamCommandSpecs.XGROUP_DELCONSUMER, c -> xgroup(c, "delconsumer"));
		t.bind(StreamCommandSpecs.XGROUP_HELP,
				c -> ConnectionCommands.help("XGROUP", "CREATE <key> <groupname> <id|$> [option]",
						"    Create a new consumer group. Options are:", "    * MKSTREAM",
						"      Create the empty stream if it does not exist.", "    * ENTRIESREAD entries_read",
						"      Set the group's entries_read counter (internal use).",
						"CREATECONSUMER <key> <groupname> <consumer>",
						"    Create a new consumer in the specified group.", "DELCONSUMER <key> <groupname> <consumer>",
						"    Remove the specified consumer.", "DESTROY <key> <groupname>",
						"    Remove the specified group.", "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
						"    Set the current group ID and entries_read counter."));
		t.bind(StreamCommandSpecs.XACK, StreamGroupCommands::xack);
		t.bind(StreamCommandSpecs.XPENDING, StreamGroupCommands::xpending);
		t.bind(StreamCommandSpecs.XCLAIM, StreamGroupCommands::xclaim);
		t.bind(StreamCommandSpecs.XAUTOCLAIM, StreamGroupCommands::xautoclaim);
	}

	private static ReplyException noGroup(byte[] key, byte[] group) {
		return new ReplyException(Errors.sanitize(
				"NOGROUP No such key '" + Bytes.string(key) + "' or consumer group '" + Bytes.string(group) + "'"));
	}

	private static long entriesReadArg(byte[] arg) {
		long v = Args.parseLong(arg);
		if (v < 0 && v != StreamValue.INVALID_ENTRIES_READ) {
			throw new ReplyException("ERR value for ENTRIESREAD must be positive or -1");
		}
		return v;
	}

	/** xgroupCommand after the table's dispatch and arity check. */
	private static Reply xgroup(CommandContext c, String opt) {
		boolean mkstream = false;
		long entriesRead = StreamValue.INVALID_ENTRIES_READ;
		if (opt.equals("create")) {
			int i = 5;
			while (i < c.argc()) {
				if (Args.is(c.arg(i), "mkstream")) {
					mkstream = true;
					i++;
				}
				else if (Args.is(c.arg(i), "entriesread") && i + 1 < c.argc()) {
					entriesRead = entriesReadArg(c.arg(i + 1));
					i += 2;
				}
				else {
					return Reply.error(StreamCommands.syntax(c));
				}
			}
		}
		else if (opt.equals("setid")) {
			if (c.argc() == 7 && Args.is(c.arg(5), "entriesread")) {
				entriesRead = entriesReadArg(c.arg(6));
			}
			else if (c.argc() != 5) {
				return Reply.error(StreamCommands.syntax(c));
			}
		}
		byte[] key = c.arg(2);
		StreamValue s = StreamCommands.write(c, key);
		byte[] groupName = c.arg(3);
		StreamValue.Group g = null;
		if (!mkstream) {
			if (s == null) {
				return Reply.error(NOT_EXISTS);
			}
			g = s.group(groupName);
			if (g == null && (opt.equals("setid") || opt.equals("createconsumer") || opt.equals("delconsumer"))) {
				return Reply.error(Errors.sanitize("NOGROUP No such consumer group '" + Bytes.string(groupName)
						+ "' for key name '" + Bytes.string(key) + "'"));
			}
		}
		if (!opt.equals("create")) {
			return existing(c, opt, java.util.Objects.requireNonNull(s), g, key, entriesRead);
		}
		{
			{
				if (c.argc() > 8) {
					return Reply.error(StreamCommands.syntax(c));
				}
				StreamId id;
				if (isDollar(c.arg(4))) {
					id = s != null ? s.lastId() : StreamId.MIN;
				}
				else {
					id = StreamIds.strict(c.arg(4), 0);
				}
				if (s == null) {
					s = new StreamValue();
					c.db().add(key, s);
					c.modified(key);
				}
				if (s.createGroup(groupName, id, entriesRead) == null) {
					return Reply.error("BUSYGROUP Consumer Group name already exists");
				}
				c.notify(KeyChanges.NOTIFY_STREAM, "xgroup-create", key);
				return Reply.OK;
			}
		}
	}

	private static Reply existing(CommandContext c, String opt, StreamValue s, StreamValue.@Nullable Group group,
			byte[] key, long entriesRead) {
		if (opt.equals("destroy")) {
			if (group == null) {
				return Reply.integer(0);
			}
			s.destroyGroup(group);
			c.notify(KeyChanges.NOTIFY_STREAM, "xgroup-destroy", key);
			return Reply.integer(1);
		}
		StreamValue.Group g = java.util.Objects.requireNonNull(group);
		switch (opt) {
			case "setid" -> {
				StreamId id = isDollar(c.arg(4)) ? s.lastId() : StreamIds.parse(c.arg(4), 0);
				g.lastId(id);
				g.entriesRead(entriesRead);
				c.notify(KeyChanges.NOTIFY_STREAM, "xgroup-setid", key);
				return Reply.OK;
			}
			case "createconsumer" -> {
				StreamValue.Consumer created = g.createConsumer(c.arg(4), c.now());
				if (created != null) {
					c.notify(KeyChanges.NOTIFY_STREAM, "xgroup-createconsumer", key);
				}
				return Reply.integer(created != null ? 1 : 0);
			}
			default -> {
				StreamValue.Consumer consumer = g.consumer(c.arg(4));
				long pending = 0;
				if (consumer != null) {
					pending = consumer.pel().size();
					g.deleteConsumer(consumer);
					c.notify(KeyChanges.NOTIFY_STREAM, "xgroup-delconsumer", key);
				}
				return Reply.integer(pending);
			}
		}
	}

	private static boolean isDollar(byte[] b) {
		return b.length == 1 && b[0] == '$';
	}

	private static Reply xack(CommandContext c) {
		StreamValue s = StreamCommands.read(c, c.arg(1));
		StreamValue.Group g = s == null ? null : s.group(c.arg(2));
		if (g == null) {
			return Reply.integer(0);
		}
		StreamId[] ids = new StreamId[c.argc() - 3];
		for (int j = 3; j < c.argc(); j++) {
			ids[j - 3] = StreamIds.strict(c.arg(j), 0);
		}
		long acked = 0;
		for (StreamId id : ids) {
			StreamValue.Nack n = g.pel().get(id);
			if (n != null) {
				g.removePending(id, n);
				acked++;
			}
		}
		return Reply.integer(acked);
	}

	private static Reply xpending(CommandContext c) {
		boolean justInfo = c.argc() == 3;
		if (c.argc() != 3 && (c.argc() < 6 || c.argc() > 9)) {
			return Reply.error(Errors.SYNTAX);
		}
		StreamId start = StreamId.MIN;
		StreamId end = StreamId.MAX;
		long count = 0;
		long minIdle = 0;
		byte[] consumerName = null;
		if (c.argc() >= 6) {
			int startIdx = 3;
			if (Args.is(c.arg(3), "idle")) {
				minIdle = Args.parseLong(c.arg(4));
				if (c.argc() < 8) {
					return Reply.error(Errors.SYNTAX);
				}
				startIdx += 2;
			}
			count = Args.parseLong(c.arg(startIdx + 2));
			if (count < 0) {
				count = 0;
			}
			start = StreamIds.interval(c.arg(startIdx), 0, true);
			end = StreamIds.interval(c.arg(startIdx + 1), -1L, false);
			if (startIdx + 3 < c.argc()) {
				consumerName = c.arg(startIdx + 3);
			}
		}
		StreamValue s = StreamCommands.read(c, c.arg(1));
		StreamValue.Group g = s == null ? null : s.group(c.arg(2));
		if (s == null || g == null) {
			throw noGroup(c.arg(1), c.arg(2));
		}
		if (justInfo) {
			if (g.pel().isEmpty()) {
				return Reply.array(Reply.integer(0), Reply.NULL, Reply.NULL, Reply.NULL_ARRAY);
			}
			List<Reply> consumers = new ArrayList<>();
			for (StreamValue.Consumer cons : g.consumers().values()) {
				if (!cons.pel().isEmpty()) {
					consumers.add(Reply.array(Reply.bulk(cons.name()), Reply.bulk(Long.toString(cons.pel().size()))));
				}
			}
			return Reply.array(Reply.integer(g.pel().size()), StreamCommands.id(g.pel().firstKey()),
					StreamCommands.id(g.pel().lastKey()), new Reply.ArrayReply(consumers));
		}
		java.util.NavigableMap<StreamId, StreamValue.Nack> pel = g.pel();
		if (consumerName != null) {
			StreamValue.Consumer consumer = g.consumer(consumerName);
			if (consumer == null) {
				return Reply.EMPTY_ARRAY;
			}
			pel = consumer.pel();
		}
		long now = c.now();
		List<Reply> out = new ArrayList<>();
		for (Map.Entry<StreamId, StreamValue.Nack> e : pel.tailMap(start, true).entrySet()) {
			if (count == 0 || e.getKey().compareTo(end) > 0) {
				break;
			}
			StreamValue.Nack n = e.getValue();
			if (minIdle != 0 && now - n.deliveryTime() < minIdle) {
				continue;
			}
			count--;
			out.add(Reply.array(StreamCommands.id(e.getKey()), Reply.bulk(n.consumer().name()),
					Reply.integer(Math.max(0, now - n.deliveryTime())), Reply.integer(n.deliveryCount())));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply xclaim(CommandContext c) {
		StreamValue s = StreamCommands.read(c, c.arg(1));
		StreamValue.Group g = s == null ? null : s.group(c.arg(2));
		if (s == null || g == null) {
			throw noGroup(c.arg(1), c.arg(2));
		}
		long minIdle = Args.parseLong(c.arg(4), "ERR Invalid min-idle-time argument for XCLAIM");
		if (minIdle < 0) {
			minIdle = 0;
		}
		List<StreamId> ids = new ArrayList<>();
		int j = 5;
		for (; j < c.argc(); j++) {
			StreamId id = StreamIds.strictOrNull(c.arg(j));
			if (id == null) {
				break;
			}
			ids.add(id);
		}
		long now = c.now();
		long retryCount = -1;
		long deliveryTime = -1;
		boolean force = false;
		boolean justId = false;
		StreamId lastId = StreamId.MIN;
		for (; j < c.argc(); j++) {
			int moreArgs = c.argc() - 1 - j;
			byte[] opt = c.arg(j);
			if (Args.is(opt, "force")) {
				force = true;
			}
			else if (Args.is(opt, "justid")) {
				justId = true;
			}
			else if (Args.is(opt, "idle") && moreArgs > 0) {
				j++;
				deliveryTime = now - Args.parseLong(c.arg(j), "ERR Invalid IDLE option argument for XCLAIM");
			}
			else if (Args.is(opt, "time") && moreArgs > 0) {
				j++;
				deliveryTime = Args.parseLong(c.arg(j), "ERR Invalid TIME option argument for XCLAIM");
			}
			else if (Args.is(opt, "retrycount") && moreArgs > 0) {
				j++;
				retryCount = Args.parseLong(c.arg(j), "ERR Invalid RETRYCOUNT option argument for XCLAIM");
			}
			else if (Args.is(opt, "lastid") && moreArgs > 0) {
				j++;
				lastId = StreamIds.strict(c.arg(j), 0);
			}
			else {
				return Reply.error(Errors.sanitize("ERR Unrecognized XCLAIM option '" + Bytes.string(opt) + "'"));
			}
		}
		if (lastId.compareTo(g.lastId()) > 0) {
			g.lastId(lastId);
		}
		if (deliveryTime != -1) {
			if (deliveryTime < 0 || deliveryTime > now) {
				deliveryTime = now;
			}
		}
		else {
			deliveryTime = now;
		}
		StreamValue.Consumer consumer = null;
		List<Reply> out = new ArrayList<>();
		for (StreamId id : ids) {
			StreamValue.Nack n = g.pel().get(id);
			byte[][] fv = s.entries().get(id);
			if (fv == null) {
				if (n != null) {
					g.removePending(id, n);
				}
				continue;
			}
			boolean forced = false;
			if (force && n == null) {
				forced = true;
			}
			if (n == null && !forced) {
				continue;
			}
			if (n != null && minIdle != 0 && now - n.deliveryTime() < minIdle) {
				continue;
			}
			if (consumer == null) {
				consumer = StreamReads.consumer(c, c.arg(1), g, c.arg(3));
			}
			if (n == null) {
				n = g.addPending(id, consumer, now, 0);
			}
			else if (n.consumer() != consumer) {
				g.transfer(id, n, consumer);
			}
			n.deliveryTime(deliveryTime);
			if (retryCount >= 0) {
				n.deliveryCount(retryCount);
			}
			else if (!justId) {
				n.deliveryCount(n.deliveryCount() + 1);
			}
			out.add(justId ? StreamCommands.id(id) : StreamCommands.entry(id, fv));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply xautoclaim(CommandContext c) {
		long minIdle = Args.parseLong(c.arg(4), "ERR Invalid min-idle-time argument for XAUTOCLAIM");
		if (minIdle < 0) {
			minIdle = 0;
		}
		StreamId start = StreamIds.interval(c.arg(5), 0, true);
		long count = 100;
		boolean justId = false;
		int j = 6;
		while (j < c.argc()) {
			int moreArgs = c.argc() - 1 - j;
			if (Args.is(c.arg(j), "count") && moreArgs > 0) {
				long maxCount = Long.MAX_VALUE / 16;
				Long v = Bytes.parseLong(c.arg(j + 1));
				if (v == null || v < 1 || v > maxCount) {
					return Reply.error("ERR COUNT must be > 0");
				}
				count = v;
				j++;
			}
			else if (Args.is(c.arg(j), "justid")) {
				justId = true;
			}
			else {
				return Reply.error(Errors.SYNTAX);
			}
			j++;
		}
		StreamValue s = StreamCommands.read(c, c.arg(1));
		StreamValue.Group g = s == null ? null : s.group(c.arg(2));
		if (s == null || g == null) {
			throw noGroup(c.arg(1), c.arg(2));
		}
		long attempts = count * 10;
		long now = c.now();
		StreamValue.Consumer consumer = null;
		List<Reply> claimed = new ArrayList<>();
		List<Reply> deleted = new ArrayList<>();
		List<StreamId> keys = new ArrayList<>(g.pel().tailMap(start, true).keySet());
		int k = 0;
		while (attempts-- > 0 && count > 0 && k < keys.size()) {
			StreamId id = keys.get(k++);
			StreamValue.Nack n = java.util.Objects.requireNonNull(g.pel().get(id));
			byte[][] fv = s.entries().get(id);
			if (fv == null) {
				g.removePending(id, n);
				deleted.add(StreamCommands.id(id));
				count--;
				continue;
			}
			if (minIdle != 0 && now - n.deliveryTime() < minIdle) {
				continue;
			}
			if (consumer == null) {
				consumer = StreamReads.consumer(c, c.arg(1), g, c.arg(3));
			}
			if (n.consumer() != consumer) {
				g.transfer(id, n, consumer);
			}
			n.deliveryTime(now);
			if (!justId) {
				n.deliveryCount(n.deliveryCount() + 1);
			}
			claimed.add(justId ? StreamCommands.id(id) : StreamCommands.entry(id, fv));
			count--;
		}
		StreamId next = k < keys.size() ? keys.get(k) : StreamId.MIN;
		return Reply.array(StreamCommands.id(next), new Reply.ArrayReply(claimed), new Reply.ArrayReply(deleted));
	}

}

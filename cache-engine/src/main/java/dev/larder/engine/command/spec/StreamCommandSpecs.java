package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.Arg.unixTime;
import static dev.larder.engine.command.spec.CommandFlag.BLOCKING;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.DELETE;
import static dev.larder.engine.command.spec.KeySpecFlag.INSERT;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The stream commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class StreamCommandSpecs {

	/** {@code XACK key group id [id ...]} */
	public static final CommandSpec XACK = CommandSpec.command("xack")
		.arity(-4)
		.flags(WRITE, FAST)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Marks a pending message as correctly processed, effectively removing it from the pending "
				+ "entries list of the consumer group. Return value of the command is the number of messages "
				+ "successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.")
		.complexity("O(1) for each message ID processed.")
		.arguments(key("key", 0), string("group"), string("id").multiple())
		.build();

	/**
	 * {@code XADD key [NOMKSTREAM] [<MAXLEN | MINID> [= | ~] threshold [LIMIT count]] <* | id> field value [field value ...]}
	 */
	public static final CommandSpec XADD = CommandSpec.command("xadd")
		.arity(-5)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STREAM)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1)
			.range(0)
			.flags(RW, UPDATE)
			.notes("UPDATE instead of INSERT because of the optional trimming feature"))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Appends a new entry to a stream")
		.complexity(
				"O(1) when adding a new entry, O(N) when " + "trimming where N being the number of entries evicted.")
		.history("6.2.0", "Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option.")
		.history("7.0.0", "Added support for the `<ms>-*` explicit ID form.")
		.arguments(key("key", 0), pureToken("nomkstream", "NOMKSTREAM").since("6.2.0").optional(),
				block("trim",
						oneOf("strategy", pureToken("maxlen", "MAXLEN"), pureToken("minid", "MINID").since("6.2.0")),
						oneOf("operator", pureToken("equal", "="), pureToken("approximately", "~")).optional(),
						string("threshold"), integer("count").token("LIMIT").since("6.2.0").optional())
					.optional(),
				oneOf("id_or_auto", pureToken("auto_id", "*"), string("id")),
				block("field_value", string("field"), string("value")).multiple())
		.build();

	/**
	 * {@code XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]}
	 */
	public static final CommandSpec XAUTOCLAIM = CommandSpec.command("xautoclaim")
		.arity(-6)
		.flags(WRITE, FAST)
		.acl(AclCategory.STREAM)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.STREAM)
		.since("6.2.0")
		.summary("Changes (or acquires) ownership of messages in a consumer "
				+ "group, as if the messages were delivered to the specified consumer.")
		.complexity("O(1) if COUNT is small.")
		.history("7.0.0",
				"Added an element to the reply array, containing " + "deleted entries the command cleared from the PEL")
		.arguments(key("key", 0), string("group"), string("consumer"), string("min-idle-time"), string("start"),
				integer("count").token("COUNT").optional(), pureToken("justid", "JUSTID").optional())
		.build();

	/**
	 * {@code XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds] [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID id]}
	 */
	public static final CommandSpec XCLAIM = CommandSpec.command("xclaim")
		.arity(-6)
		.flags(WRITE, FAST)
		.acl(AclCategory.STREAM)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Changes (or acquires) ownership of a message in a consumer "
				+ "group, as if the message was delivered to the specified consumer.")
		.complexity("O(log N) with N being the number of messages in the PEL of the consumer group.")
		.arguments(key("key", 0), string("group"), string("consumer"), string("min-idle-time"), string("id").multiple(),
				integer("ms").token("IDLE").optional(), unixTime("unix-time-milliseconds").token("TIME").optional(),
				integer("count").token("RETRYCOUNT").optional(), pureToken("force", "FORCE").optional(),
				pureToken("justid", "JUSTID").optional(), string("id").token("LASTID").optional())
		.build();

	/** {@code XDEL key id [id ...]} */
	public static final CommandSpec XDEL = CommandSpec.command("xdel")
		.arity(-3)
		.flags(WRITE, FAST)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Removes the specified entries from the stream. Returns the number of items actually "
				+ "deleted, that may be different from the number of IDs passed in case certain IDs do not exist.")
		.complexity("O(1) for each single item to delete in the stream, regardless of the stream size.")
		.arguments(key("key", 0), string("id").multiple())
		.build();

	/**
	 * {@code XGROUP CREATE key groupname <id | $> [MKSTREAM] [ENTRIESREAD entries_read]}
	 */
	public static final CommandSpec XGROUP_CREATE = CommandSpec.subcommand("xgroup", "create")
		.arity(-5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Create a consumer group.")
		.complexity("O(1)")
		.history("7.0.0", "Added the `entries_read` named argument.")
		.arguments(key("key", 0), string("groupname"), oneOf("id", string("id"), pureToken("new_id", "$")),
				pureToken("mkstream", "MKSTREAM").optional(), integer("entries_read").token("ENTRIESREAD").optional())
		.build();

	/** {@code XGROUP CREATECONSUMER key groupname consumername} */
	public static final CommandSpec XGROUP_CREATECONSUMER = CommandSpec.subcommand("xgroup", "createconsumer")
		.arity(5)
		.flags(WRITE, DENYOOM)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RW, INSERT))
		.group(CommandGroup.STREAM)
		.since("6.2.0")
		.summary("Create a consumer in a consumer group.")
		.complexity("O(1)")
		.arguments(key("key", 0), string("groupname"), string("consumername"))
		.build();

	/** {@code XGROUP DELCONSUMER key groupname consumername} */
	public static final CommandSpec XGROUP_DELCONSUMER = CommandSpec.subcommand("xgroup", "delconsumer")
		.arity(5)
		.flags(WRITE)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RW, DELETE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Delete a consumer from a consumer group.")
		.complexity("O(1)")
		.arguments(key("key", 0), string("groupname"), string("consumername"))
		.build();

	/** {@code XGROUP DESTROY key groupname} */
	public static final CommandSpec XGROUP_DESTROY = CommandSpec.subcommand("xgroup", "destroy")
		.arity(4)
		.flags(WRITE)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RW, DELETE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Destroy a consumer group.")
		.complexity("O(N) where N is the number of entries in the group's pending entries list (PEL).")
		.arguments(key("key", 0), string("groupname"))
		.build();

	/** {@code XGROUP HELP} */
	public static final CommandSpec XGROUP_HELP = CommandSpec.subcommand("xgroup", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.STREAM)
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code XGROUP SETID key groupname <id | $> [ENTRIESREAD entries_read]} */
	public static final CommandSpec XGROUP_SETID = CommandSpec.subcommand("xgroup", "setid")
		.arity(-5)
		.flags(WRITE)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RW, UPDATE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Set a consumer group to an arbitrary last delivered ID value.")
		.complexity("O(1)")
		.history("7.0.0", "Added the optional `entries_read` argument.")
		.arguments(key("key", 0), string("groupname"), oneOf("id", string("id"), pureToken("new_id", "$")),
				integer("entries_read").token("ENTRIESREAD").optional())
		.build();

	/** {@code XGROUP} */
	public static final CommandSpec XGROUP = CommandSpec.command("xgroup")
		.arity(-2)
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("A container for consumer groups commands")
		.complexity("Depends on subcommand.")
		.subcommands(XGROUP_CREATE, XGROUP_CREATECONSUMER, XGROUP_DELCONSUMER, XGROUP_DESTROY, XGROUP_HELP,
				XGROUP_SETID)
		.build();

	/** {@code XINFO CONSUMERS key groupname} */
	public static final CommandSpec XINFO_CONSUMERS = CommandSpec.subcommand("xinfo", "consumers")
		.arity(4)
		.flags(READONLY)
		.acl(AclCategory.STREAM)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(2).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("List the consumers in a consumer group")
		.complexity("O(1)")
		.arguments(key("key", 0), string("groupname"))
		.build();

	/** {@code XINFO GROUPS key} */
	public static final CommandSpec XINFO_GROUPS = CommandSpec.subcommand("xinfo", "groups")
		.arity(3)
		.flags(READONLY)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("List the consumer groups of a stream")
		.complexity("O(1)")
		.history("7.0.0", "Added the `entries-read` and `lag` fields")
		.arguments(key("key", 0))
		.build();

	/** {@code XINFO HELP} */
	public static final CommandSpec XINFO_HELP = CommandSpec.subcommand("xinfo", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.STREAM)
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code XINFO STREAM key [FULL [COUNT count]]} */
	public static final CommandSpec XINFO_STREAM = CommandSpec.subcommand("xinfo", "stream")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(2).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Get information about a stream")
		.complexity("O(1)")
		.history("6.0.0", "Added the `FULL` modifier.")
		.history("7.0.0",
				"Added the `max-deleted-entry-id`, `entries-added`, "
						+ "`recorded-first-entry-id`, `entries-read` and `lag` fields")
		.arguments(key("key", 0), block("full", integer("count").token("COUNT").optional()).token("FULL").optional())
		.build();

	/** {@code XINFO} */
	public static final CommandSpec XINFO = CommandSpec.command("xinfo")
		.arity(-2)
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("A container for stream introspection commands")
		.complexity("Depends on subcommand.")
		.subcommands(XINFO_CONSUMERS, XINFO_GROUPS, XINFO_HELP, XINFO_STREAM)
		.build();

	/** {@code XLEN key} */
	public static final CommandSpec XLEN = CommandSpec.command("xlen")
		.arity(2)
		.flags(READONLY, FAST)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(1).range(0).flags(RO))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Return the number of entries in a stream")
		.complexity("O(1)")
		.arguments(key("key", 0))
		.build();

	/** {@code XPENDING key group [[IDLE min-idle-time] start end count [consumer]]} */
	public static final CommandSpec XPENDING = CommandSpec.command("xpending")
		.arity(-3)
		.flags(READONLY)
		.acl(AclCategory.STREAM)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Return information and entries from a stream consumer group "
				+ "pending entries list, that are messages fetched but never acknowledged.")
		.complexity("O(N) with N being the number of elements returned, so asking for a small "
				+ "fixed number of entries per call is O(1). O(M), where M is the total "
				+ "number of entries scanned when used with the IDLE filter. When the command "
				+ "returns just the summary and the list of consumers is small, it runs in "
				+ "O(1) time; otherwise, an additional O(N) time for iterating every consumer.")
		.history("6.2.0", "Added the `IDLE` option and exclusive range intervals.")
		.arguments(key("key", 0), string("group"),
				block("filters", integer("min-idle-time").token("IDLE").since("6.2.0").optional(), string("start"),
						string("end"), integer("count"), string("consumer").optional())
					.optional())
		.build();

	/** {@code XRANGE key start end [COUNT count]} */
	public static final CommandSpec XRANGE = CommandSpec.command("xrange")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Return a range of elements in a stream, with IDs matching the specified IDs interval")
		.complexity("O(N) with N being the number of elements being returned. If N is constant (e.g. "
				+ "always asking for the first 10 elements with COUNT), you can consider it O(1).")
		.history("6.2.0", "Added exclusive ranges.")
		.arguments(key("key", 0), string("start"), string("end"), integer("count").token("COUNT").optional())
		.build();

	/**
	 * {@code XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]}
	 */
	public static final CommandSpec XREAD = CommandSpec.command("xread")
		.arity(-4)
		.flags(READONLY, BLOCKING)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.keyword("STREAMS", 1).range(-1, 1, 2).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Return never seen elements in multiple streams, with IDs greater "
				+ "than the ones reported by the caller for each stream. Can block.")
		.complexity("For each stream mentioned: O(N) with N being the number of elements "
				+ "being returned, it means that XREAD-ing with a fixed COUNT is O(1). "
				+ "Note that when the BLOCK option is used, XADD will pay O(M) time in "
				+ "order to serve the M clients blocked on the stream getting new data.")
		.arguments(integer("count").token("COUNT").optional(), integer("milliseconds").token("BLOCK").optional(),
				block("streams", key("key", 0).multiple(), string("id").multiple()).token("STREAMS"))
		.build();

	/**
	 * {@code XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]}
	 */
	public static final CommandSpec XREADGROUP = CommandSpec.command("xreadgroup")
		.arity(-7)
		.flags(WRITE, BLOCKING)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.keyword("STREAMS", 4).range(-1, 1, 2).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Return new entries from a stream using a consumer group, or access "
				+ "the history of the pending entries for a given consumer. Can block.")
		.complexity("For each stream mentioned: O(M) with M being the number of elements returned. If "
				+ "M is constant (e.g. always asking for the first 10 elements with COUNT), you can "
				+ "consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the "
				+ "O(N) time in order to serve the N clients blocked on the stream getting new data.")
		.arguments(block("group_consumer", string("group"), string("consumer")).token("GROUP"),
				integer("count").token("COUNT").optional(), integer("milliseconds").token("BLOCK").optional(),
				pureToken("noack", "NOACK").optional(),
				block("streams", key("key", 0).multiple(), string("id").multiple()).token("STREAMS"))
		.build();

	/** {@code XREVRANGE key end start [COUNT count]} */
	public static final CommandSpec XREVRANGE = CommandSpec.command("xrevrange")
		.arity(-4)
		.flags(READONLY)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(1).range(0).flags(RO, ACCESS))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Return a range of elements in a stream, with IDs matching the specified IDs "
				+ "interval, in reverse order (from greater to smaller IDs) compared to XRANGE")
		.complexity("O(N) with N being the number of elements returned. If N is constant (e.g. "
				+ "always asking for the first 10 elements with COUNT), you can consider it O(1).")
		.history("6.2.0", "Added exclusive ranges.")
		.arguments(key("key", 0), string("end"), string("start"), integer("count").token("COUNT").optional())
		.build();

	/**
	 * {@code XSETID key last-id [ENTRIESADDED entries_added] [MAXDELETEDID max_deleted_entry_id]}
	 */
	public static final CommandSpec XSETID = CommandSpec.command("xsetid")
		.arity(-3)
		.flags(WRITE, DENYOOM, FAST)
		.acl(AclCategory.STREAM)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, UPDATE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("An internal command for replicating stream values")
		.complexity("O(1)")
		.history("7.0.0", "Added the `entries_added` and `max_deleted_entry_id` arguments.")
		.arguments(key("key", 0), string("last-id"),
				integer("entries_added").token("ENTRIESADDED").since("7.0.0").optional(),
				string("max_deleted_entry_id").token("MAXDELETEDID").since("7.0.0").optional())
		.build();

	/** {@code XTRIM key <MAXLEN | MINID> [= | ~] threshold [LIMIT count]} */
	public static final CommandSpec XTRIM = CommandSpec.command("xtrim")
		.arity(-4)
		.flags(WRITE)
		.acl(AclCategory.STREAM)
		.tips(NONDETERMINISTIC_OUTPUT)
		.keySpecs(KeySpec.index(1).range(0).flags(RW, DELETE))
		.group(CommandGroup.STREAM)
		.since("5.0.0")
		.summary("Trims the stream to (approximately if '~' is passed) a certain size")
		.complexity("O(N), with N being the number of evicted entries. Constant times are "
				+ "very small however, since entries are organized in macro nodes "
				+ "containing multiple entries that can be released with a single deallocation.")
		.history("6.2.0", "Added the `MINID` trimming strategy and the `LIMIT` option.")
		.arguments(key("key", 0),
				block("trim",
						oneOf("strategy", pureToken("maxlen", "MAXLEN"), pureToken("minid", "MINID").since("6.2.0")),
						oneOf("operator", pureToken("equal", "="), pureToken("approximately", "~")).optional(),
						string("threshold"), integer("count").token("LIMIT").since("6.2.0").optional()))
		.build();

	private StreamCommandSpecs() {
	}

}

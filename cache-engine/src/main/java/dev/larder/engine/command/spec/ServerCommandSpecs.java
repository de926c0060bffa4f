package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pattern;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.ADMIN;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.NO_ASYNC_LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NO_MULTI;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT_ORDER;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_ALL_NODES;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_ALL_SHARDS;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_AGG_SUM;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_ALL_SUCCEEDED;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_SPECIAL;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;

/**
 * The server commands the engine implements, as Redis 7.0.15 declares them (COMMAND INFO,
 * COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class ServerCommandSpecs {

	/** {@code ACL CAT [categoryname]} */
	public static final CommandSpec ACL_CAT = CommandSpec.subcommand("acl", "cat")
		.arity(-2)
		.flags(NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("List the ACL categories or the commands inside a category")
		.complexity("O(1) since the categories and commands are a fixed set.")
		.arguments(string("categoryname").optional())
		.build();

	/** {@code ACL DELUSER username [username ...]} */
	public static final CommandSpec ACL_DELUSER = CommandSpec.subcommand("acl", "deluser")
		.arity(-3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Remove the specified ACL users and the associated rules")
		.complexity("O(1) amortized time considering the typical user.")
		.arguments(string("username").multiple())
		.build();

	/** {@code ACL DRYRUN username command [arg [arg ...]]} */
	public static final CommandSpec ACL_DRYRUN = CommandSpec.subcommand("acl", "dryrun")
		.arity(-4)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("7.0.0")
		.summary("Returns whether the user can execute the given command without executing the command.")
		.complexity("O(1).")
		.arguments(string("username"), string("command"), string("arg").optional().multiple())
		.build();

	/** {@code ACL GENPASS [bits]} */
	public static final CommandSpec ACL_GENPASS = CommandSpec.subcommand("acl", "genpass")
		.arity(-2)
		.flags(NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Generate a pseudorandom secure password to use for ACL users")
		.complexity("O(1)")
		.arguments(integer("bits").optional())
		.build();

	/** {@code ACL GETUSER username} */
	public static final CommandSpec ACL_GETUSER = CommandSpec.subcommand("acl", "getuser")
		.arity(3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Get the rules for a specific ACL user")
		.complexity("O(N). Where N is the number of password, command and pattern rules that the user has.")
		.history("6.2.0", "Added Pub/Sub channel patterns.")
		.history("7.0.0",
				"Added selectors and changed the format of key and "
						+ "channel patterns from a list to their rule representation.")
		.arguments(string("username"))
		.build();

	/** {@code ACL HELP} */
	public static final CommandSpec ACL_HELP = CommandSpec.subcommand("acl", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code ACL LIST} */
	public static final CommandSpec ACL_LIST = CommandSpec.subcommand("acl", "list")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("List the current ACL rules in ACL config file format")
		.complexity("O(N). Where N is the number of configured users.")
		.build();

	/** {@code ACL LOAD} */
	public static final CommandSpec ACL_LOAD = CommandSpec.subcommand("acl", "load")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Reload the ACLs from the configured ACL file")
		.complexity("O(N). Where N is the number of configured users.")
		.build();

	/** {@code ACL LOG [count | RESET]} */
	public static final CommandSpec ACL_LOG = CommandSpec.subcommand("acl", "log")
		.arity(-2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("List latest events denied because of ACLs in place")
		.complexity("O(N) with N being the number of entries shown.")
		.arguments(oneOf("operation", integer("count"), pureToken("reset", "RESET")).optional())
		.build();

	/** {@code ACL SAVE} */
	public static final CommandSpec ACL_SAVE = CommandSpec.subcommand("acl", "save")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Save the current ACL rules in the configured ACL file")
		.complexity("O(N). Where N is the number of configured users.")
		.build();

	/** {@code ACL SETUSER username [rule [rule ...]]} */
	public static final CommandSpec ACL_SETUSER = CommandSpec.subcommand("acl", "setuser")
		.arity(-3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Modify or create the rules for a specific ACL user")
		.complexity("O(N). Where N is the number of rules provided.")
		.history("6.2.0", "Added Pub/Sub channel patterns.")
		.history("7.0.0", "Added selectors and key based permissions.")
		.arguments(string("username"), string("rule").optional().multiple())
		.build();

	/** {@code ACL USERS} */
	public static final CommandSpec ACL_USERS = CommandSpec.subcommand("acl", "users")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("List the username of all the configured ACL rules")
		.complexity("O(N). Where N is the number of configured users.")
		.build();

	/** {@code ACL WHOAMI} */
	public static final CommandSpec ACL_WHOAMI = CommandSpec.subcommand("acl", "whoami")
		.arity(2)
		.flags(NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("Return the name of the user associated to the current connection")
		.complexity("O(1)")
		.build();

	/** {@code ACL} */
	public static final CommandSpec ACL = CommandSpec.command("acl")
		.arity(-2)
		.group(CommandGroup.SERVER)
		.since("6.0.0")
		.summary("A container for Access List Control commands ")
		.complexity("Depends on subcommand.")
		.subcommands(ACL_CAT, ACL_DELUSER, ACL_DRYRUN, ACL_GENPASS, ACL_GETUSER, ACL_HELP, ACL_LIST, ACL_LOAD, ACL_LOG,
				ACL_SAVE, ACL_SETUSER, ACL_USERS, ACL_WHOAMI)
		.build();

	/** {@code BGREWRITEAOF} */
	public static final CommandSpec BGREWRITEAOF = CommandSpec.command("bgrewriteaof")
		.arity(1)
		.flags(ADMIN, NOSCRIPT, NO_ASYNC_LOADING)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Asynchronously rewrite the append-only file")
		.complexity("O(1)")
		.build();

	/** {@code BGSAVE [SCHEDULE]} */
	public static final CommandSpec BGSAVE = CommandSpec.command("bgsave")
		.arity(-1)
		.flags(ADMIN, NOSCRIPT, NO_ASYNC_LOADING)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Asynchronously save the dataset to disk")
		.complexity("O(1)")
		.history("3.2.2", "Added the `SCHEDULE` option.")
		.arguments(pureToken("schedule", "SCHEDULE").since("3.2.2").optional())
		.build();

	/** {@code COMMAND COUNT} */
	public static final CommandSpec COMMAND_COUNT = CommandSpec.subcommand("command", "count")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Get total number of Redis commands")
		.complexity("O(1)")
		.build();

	/** {@code COMMAND DOCS [command-name [command-name ...]]} */
	public static final CommandSpec COMMAND_DOCS = CommandSpec.subcommand("command", "docs")
		.arity(-2)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.group(CommandGroup.SERVER)
		.since("7.0.0")
		.summary("Get array of specific Redis command documentation")
		.complexity("O(N) where N is the number of commands to look up")
		.arguments(string("command-name").optional().multiple())
		.build();

	/** {@code COMMAND GETKEYS} */
	public static final CommandSpec COMMAND_GETKEYS = CommandSpec.subcommand("command", "getkeys")
		.arity(-4)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Extract keys given a full Redis command")
		.complexity("O(N) where N is the number of arguments to the command")
		.build();

	/** {@code COMMAND GETKEYSANDFLAGS} */
	public static final CommandSpec COMMAND_GETKEYSANDFLAGS = CommandSpec.subcommand("command", "getkeysandflags")
		.arity(-4)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.SERVER)
		.since("7.0.0")
		.summary("Extract keys and access flags given a full Redis command")
		.complexity("O(N) where N is the number of arguments to the command")
		.build();

	/** {@code COMMAND HELP} */
	public static final CommandSpec COMMAND_HELP = CommandSpec.subcommand("command", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.SERVER)
		.since("5.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code COMMAND INFO [command-name [command-name ...]]} */
	public static final CommandSpec COMMAND_INFO = CommandSpec.subcommand("command", "info")
		.arity(-2)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Get array of specific Redis command details, or all when no argument is given.")
		.complexity("O(N) where N is the number of commands to look up")
		.history("7.0.0", "Allowed to be called with no argument to get info on all commands.")
		.arguments(string("command-name").optional().multiple())
		.build();

	/**
	 * {@code COMMAND LIST [FILTERBY MODULE module-name | ACLCAT category | PATTERN pattern]}
	 */
	public static final CommandSpec COMMAND_LIST = CommandSpec.subcommand("command", "list")
		.arity(-2)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.group(CommandGroup.SERVER)
		.since("7.0.0")
		.summary("Get an array of Redis command names")
		.complexity("O(N) where N is the total number of Redis commands")
		.arguments(oneOf("filterby", string("module-name").token("MODULE"), string("category").token("ACLCAT"),
				pattern("pattern").token("PATTERN"))
			.token("FILTERBY")
			.optional())
		.build();

	/** {@code COMMAND} */
	public static final CommandSpec COMMAND = CommandSpec.command("command")
		.arity(-1)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Get array of Redis command details")
		.complexity("O(N) where N is the total number of Redis commands")
		.subcommands(COMMAND_COUNT, COMMAND_DOCS, COMMAND_GETKEYS, COMMAND_GETKEYSANDFLAGS, COMMAND_HELP, COMMAND_INFO,
				COMMAND_LIST)
		.build();

	/** {@code CONFIG GET parameter [parameter ...]} */
	public static final CommandSpec CONFIG_GET = CommandSpec.subcommand("config", "get")
		.arity(-3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("2.0.0")
		.summary("Get the values of configuration parameters")
		.complexity("O(N) when N is the number of configuration parameters provided")
		.history("7.0.0", "Added the ability to pass multiple pattern parameters in one call")
		.arguments(block("parameter", string("parameter")).multiple())
		.build();

	/** {@code CONFIG HELP} */
	public static final CommandSpec CONFIG_HELP = CommandSpec.subcommand("config", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("5.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code CONFIG RESETSTAT} */
	public static final CommandSpec CONFIG_RESETSTAT = CommandSpec.subcommand("config", "resetstat")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("2.0.0")
		.summary("Reset the stats returned by INFO")
		.complexity("O(1)")
		.build();

	/** {@code CONFIG REWRITE} */
	public static final CommandSpec CONFIG_REWRITE = CommandSpec.subcommand("config", "rewrite")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("2.8.0")
		.summary("Rewrite the configuration file with the in memory configuration")
		.complexity("O(1)")
		.build();

	/** {@code CONFIG SET parameter value [parameter value ...]} */
	public static final CommandSpec CONFIG_SET = CommandSpec.subcommand("config", "set")
		.arity(-4)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SERVER)
		.since("2.0.0")
		.summary("Set configuration parameters to the given values")
		.complexity("O(N) when N is the number of configuration parameters provided")
		.history("7.0.0", "Added the ability to set multiple parameters in one call.")
		.arguments(block("parameter_value", string("parameter"), string("value")).multiple())
		.build();

	/** {@code CONFIG} */
	public static final CommandSpec CONFIG = CommandSpec.command("config")
		.arity(-2)
		.group(CommandGroup.SERVER)
		.since("2.0.0")
		.summary("A container for server configuration commands")
		.complexity("Depends on subcommand.")
		.subcommands(CONFIG_GET, CONFIG_HELP, CONFIG_RESETSTAT, CONFIG_REWRITE, CONFIG_SET)
		.build();

	/** {@code DBSIZE} */
	public static final CommandSpec DBSIZE = CommandSpec.command("dbsize")
		.arity(1)
		.flags(READONLY, FAST)
		.acl(AclCategory.KEYSPACE)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_AGG_SUM)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Return the number of keys in the selected database")
		.complexity("O(1)")
		.build();

	/** {@code DEBUG} */
	public static final CommandSpec DEBUG = CommandSpec.command("debug")
		.arity(-2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("A container for debugging commands")
		.complexity("Depends on subcommand.")
		.docFlags(DocFlag.SYSCMD)
		.build();

	/** {@code FLUSHALL [ASYNC | SYNC]} */
	public static final CommandSpec FLUSHALL = CommandSpec.command("flushall")
		.arity(-1)
		.flags(WRITE)
		.acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Remove all keys from all databases")
		.complexity("O(N) where N is the total number of keys in all databases")
		.history("4.0.0", "Added the `ASYNC` flushing mode modifier.")
		.history("6.2.0", "Added the `SYNC` flushing mode modifier.")
		.arguments(oneOf("async", pureToken("async", "ASYNC").since("4.0.0"), pureToken("sync", "SYNC").since("6.2.0"))
			.optional())
		.build();

	/** {@code FLUSHDB [ASYNC | SYNC]} */
	public static final CommandSpec FLUSHDB = CommandSpec.command("flushdb")
		.arity(-1)
		.flags(WRITE)
		.acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Remove all keys from the current database")
		.complexity("O(N) where N is the number of keys in the selected database")
		.history("4.0.0", "Added the `ASYNC` flushing mode modifier.")
		.history("6.2.0", "Added the `SYNC` flushing mode modifier.")
		.arguments(oneOf("async", pureToken("async", "ASYNC").since("4.0.0"), pureToken("sync", "SYNC").since("6.2.0"))
			.optional())
		.build();

	/** {@code INFO [section [section ...]]} */
	public static final CommandSpec INFO = CommandSpec.command("info")
		.arity(-1)
		.flags(LOADING, STALE)
		.acl(AclCategory.DANGEROUS)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Get information and statistics about the server")
		.complexity("O(1)")
		.history("7.0.0", "Added support for taking multiple section arguments.")
		.arguments(string("section").optional().multiple())
		.build();

	/** {@code LASTSAVE} */
	public static final CommandSpec LASTSAVE = CommandSpec.command("lastsave")
		.arity(1)
		.flags(LOADING, STALE, FAST)
		.acl(AclCategory.ADMIN, AclCategory.DANGEROUS)
		.tips(NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Get the UNIX time stamp of the last successful save to disk")
		.complexity("O(1)")
		.build();

	/** {@code LATENCY DOCTOR} */
	public static final CommandSpec LATENCY_DOCTOR = CommandSpec.subcommand("latency", "doctor")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Return a human readable latency analysis report.")
		.complexity("O(1)")
		.build();

	/** {@code LATENCY GRAPH event} */
	public static final CommandSpec LATENCY_GRAPH = CommandSpec.subcommand("latency", "graph")
		.arity(3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Return a latency graph for the event.")
		.complexity("O(1)")
		.arguments(string("event"))
		.build();

	/** {@code LATENCY HELP} */
	public static final CommandSpec LATENCY_HELP = CommandSpec.subcommand("latency", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Show helpful text about the different subcommands.")
		.complexity("O(1)")
		.build();

	/** {@code LATENCY HISTOGRAM [command [command ...]]} */
	public static final CommandSpec LATENCY_HISTOGRAM = CommandSpec.subcommand("latency", "histogram")
		.arity(-2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("7.0.0")
		.summary("Return the cumulative distribution of latencies of a subset of commands or all.")
		.complexity("O(N) where N is the number of commands with latency information being retrieved.")
		.arguments(string("command").optional().multiple())
		.build();

	/** {@code LATENCY HISTORY event} */
	public static final CommandSpec LATENCY_HISTORY = CommandSpec.subcommand("latency", "history")
		.arity(3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Return timestamp-latency samples for the event.")
		.complexity("O(1)")
		.arguments(string("event"))
		.build();

	/** {@code LATENCY LATEST} */
	public static final CommandSpec LATENCY_LATEST = CommandSpec.subcommand("latency", "latest")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Return the latest latency samples for all events.")
		.complexity("O(1)")
		.build();

	/** {@code LATENCY RESET [event [event ...]]} */
	public static final CommandSpec LATENCY_RESET = CommandSpec.subcommand("latency", "reset")
		.arity(-2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.tips(REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("Reset latency data for one or more events.")
		.complexity("O(1)")
		.arguments(string("event").optional().multiple())
		.build();

	/** {@code LATENCY} */
	public static final CommandSpec LATENCY = CommandSpec.command("latency")
		.arity(-2)
		.group(CommandGroup.SERVER)
		.since("2.8.13")
		.summary("A container for latency diagnostics commands")
		.complexity("Depends on subcommand.")
		.subcommands(LATENCY_DOCTOR, LATENCY_GRAPH, LATENCY_HELP, LATENCY_HISTOGRAM, LATENCY_HISTORY, LATENCY_LATEST,
				LATENCY_RESET)
		.build();

	/** {@code MEMORY DOCTOR} */
	public static final CommandSpec MEMORY_DOCTOR = CommandSpec.subcommand("memory", "doctor")
		.arity(2)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Outputs memory problems report")
		.complexity("O(1)")
		.build();

	/** {@code MEMORY HELP} */
	public static final CommandSpec MEMORY_HELP = CommandSpec.subcommand("memory", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code MEMORY MALLOC-STATS} */
	public static final CommandSpec MEMORY_MALLOC_STATS = CommandSpec.subcommand("memory", "malloc-stats")
		.arity(2)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Show allocator internal stats")
		.complexity("Depends on how much memory is allocated, could be slow")
		.build();

	/** {@code MEMORY PURGE} */
	public static final CommandSpec MEMORY_PURGE = CommandSpec.subcommand("memory", "purge")
		.arity(2)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Ask the allocator to release memory")
		.complexity("Depends on how much memory is allocated, could be slow")
		.build();

	/** {@code MEMORY STATS} */
	public static final CommandSpec MEMORY_STATS = CommandSpec.subcommand("memory", "stats")
		.arity(2)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Show memory usage details")
		.complexity("O(1)")
		.build();

	/** {@code MEMORY USAGE key [SAMPLES count]} */
	public static final CommandSpec MEMORY_USAGE = CommandSpec.subcommand("memory", "usage")
		.arity(-3)
		.flags(READONLY)
		.keySpecs(KeySpec.index(2).range(0).flags(RO))
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Estimate the memory usage of a key")
		.complexity("O(N) where N is the number of samples.")
		.arguments(key("key", 0), integer("count").token("SAMPLES").optional())
		.build();

	/** {@code MEMORY} */
	public static final CommandSpec MEMORY = CommandSpec.command("memory")
		.arity(-2)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("A container for memory diagnostics commands")
		.complexity("Depends on subcommand.")
		.subcommands(MEMORY_DOCTOR, MEMORY_HELP, MEMORY_MALLOC_STATS, MEMORY_PURGE, MEMORY_STATS, MEMORY_USAGE)
		.build();

	/** {@code MONITOR} */
	public static final CommandSpec MONITOR = CommandSpec.command("monitor")
		.arity(1)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Listen for all requests received by the server in real time")
		.build();

	/** {@code ROLE} */
	public static final CommandSpec ROLE = CommandSpec.command("role")
		.arity(1)
		.flags(NOSCRIPT, LOADING, STALE, FAST)
		.acl(AclCategory.ADMIN, AclCategory.DANGEROUS)
		.group(CommandGroup.SERVER)
		.since("2.8.12")
		.summary("Return the role of the instance in the context of replication")
		.complexity("O(1)")
		.build();

	/** {@code SAVE} */
	public static final CommandSpec SAVE = CommandSpec.command("save")
		.arity(1)
		.flags(ADMIN, NOSCRIPT, NO_ASYNC_LOADING, NO_MULTI)
		.group(CommandGroup.SERVER)
		.since("1.0.0")
		.summary("Synchronously save the dataset to disk")
		.complexity("O(N) where N is the total number of keys in all databases")
		.build();

	/** {@code SLOWLOG GET [count]} */
	public static final CommandSpec SLOWLOG_GET = CommandSpec.subcommand("slowlog", "get")
		.arity(-2)
		.flags(ADMIN, LOADING, STALE)
		.tips(REQUEST_POLICY_ALL_NODES, NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.SERVER)
		.since("2.2.12")
		.summary("Get the slow log's entries")
		.complexity("O(N) where N is the number of entries returned")
		.history("4.0.0", "Added client IP address, port and name to the reply.")
		.arguments(integer("count").optional())
		.build();

	/** {@code SLOWLOG HELP} */
	public static final CommandSpec SLOWLOG_HELP = CommandSpec.subcommand("slowlog", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.group(CommandGroup.SERVER)
		.since("6.2.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code SLOWLOG LEN} */
	public static final CommandSpec SLOWLOG_LEN = CommandSpec.subcommand("slowlog", "len")
		.arity(2)
		.flags(ADMIN, LOADING, STALE)
		.tips(REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_AGG_SUM, NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.SERVER)
		.since("2.2.12")
		.summary("Get the slow log's length")
		.complexity("O(1)")
		.build();

	/** {@code SLOWLOG RESET} */
	public static final CommandSpec SLOWLOG_RESET = CommandSpec.subcommand("slowlog", "reset")
		.arity(2)
		.flags(ADMIN, LOADING, STALE)
		.tips(REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SERVER)
		.since("2.2.12")
		.summary("Clear all entries from the slow log")
		.complexity("O(N) where N is the number of entries in the slowlog")
		.build();

	/** {@code SLOWLOG} */
	public static final CommandSpec SLOWLOG = CommandSpec.command("slowlog")
		.arity(-2)
		.group(CommandGroup.SERVER)
		.since("2.2.12")
		.summary("A container for slow log commands")
		.complexity("Depends on subcommand.")
		.subcommands(SLOWLOG_GET, SLOWLOG_HELP, SLOWLOG_LEN, SLOWLOG_RESET)
		.build();

	/** {@code SWAPDB index1 index2} */
	public static final CommandSpec SWAPDB = CommandSpec.command("swapdb")
		.arity(3)
		.flags(WRITE, FAST)
		.acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
		.group(CommandGroup.SERVER)
		.since("4.0.0")
		.summary("Swaps two Redis databases")
		.complexity("O(N) where N is the count of clients watching or blocking on keys from both databases.")
		.arguments(integer("index1"), integer("index2"))
		.build();

	/** {@code TIME} */
	public static final CommandSpec TIME = CommandSpec.command("time")
		.arity(1)
		.flags(LOADING, STALE, FAST)
		.tips(NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.SERVER)
		.since("2.6.0")
		.summary("Return the current server time")
		.complexity("O(1)")
		.build();

	private ServerCommandSpecs() {
	}

}

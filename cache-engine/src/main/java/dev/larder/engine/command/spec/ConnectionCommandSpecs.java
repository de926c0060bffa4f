package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.block;
import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.ADMIN;
import static dev.larder.engine.command.spec.CommandFlag.ALLOW_BUSY;
import static dev.larder.engine.command.spec.CommandFlag.FAST;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.NO_AUTH;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_ALL_SHARDS;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_ALL_SUCCEEDED;

/**
 * The connection commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class ConnectionCommandSpecs {

	/** {@code AUTH [username] password} */
	public static final CommandSpec AUTH = CommandSpec.command("auth")
		.arity(-2)
		.flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("1.0.0")
		.summary("Authenticate to the server")
		.complexity("O(N) where N is the number of passwords defined for the user")
		.history("6.0.0", "Added ACL style (username and password).")
		.arguments(string("username").since("6.0.0").optional(), string("password"))
		.build();

	/** {@code CLIENT CACHING <YES | NO>} */
	public static final CommandSpec CLIENT_CACHING = CommandSpec.subcommand("client", "caching")
		.arity(3)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.0.0")
		.summary("Instruct the server about tracking or not keys in the next request")
		.complexity("O(1)")
		.arguments(oneOf("mode", pureToken("yes", "YES"), pureToken("no", "NO")))
		.build();

	/** {@code CLIENT GETNAME} */
	public static final CommandSpec CLIENT_GETNAME = CommandSpec.subcommand("client", "getname")
		.arity(2)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("2.6.9")
		.summary("Get the current connection name")
		.complexity("O(1)")
		.build();

	/** {@code CLIENT GETREDIR} */
	public static final CommandSpec CLIENT_GETREDIR = CommandSpec.subcommand("client", "getredir")
		.arity(2)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.0.0")
		.summary("Get tracking notifications redirection client ID if any")
		.complexity("O(1)")
		.build();

	/** {@code CLIENT HELP} */
	public static final CommandSpec CLIENT_HELP = CommandSpec.subcommand("client", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("5.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code CLIENT ID} */
	public static final CommandSpec CLIENT_ID = CommandSpec.subcommand("client", "id")
		.arity(2)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("5.0.0")
		.summary("Returns the client ID for the current connection")
		.complexity("O(1)")
		.build();

	/** {@code CLIENT INFO} */
	public static final CommandSpec CLIENT_INFO = CommandSpec.subcommand("client", "info")
		.arity(2)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.tips(NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.CONNECTION)
		.since("6.2.0")
		.summary("Returns information about the current client connection.")
		.complexity("O(1)")
		.build();

	/**
	 * {@code CLIENT KILL <ip:port | <[ID client-id] | [TYPE NORMAL | MASTER | SLAVE | REPLICA | PUBSUB] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no]> [<[ID client-id] | [TYPE NORMAL | MASTER | SLAVE | REPLICA | PUBSUB] | [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME yes/no]> ...]>}
	 */
	public static final CommandSpec CLIENT_KILL = CommandSpec.subcommand("client", "kill")
		.arity(-3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("2.4.0")
		.summary("Kill the connection of a client")
		.complexity("O(N) where N is the number of client connections")
		.history("2.8.12", "Added new filter format.")
		.history("2.8.12", "`ID` option.")
		.history("3.2.0", "Added `master` type in for `TYPE` option.")
		.history("5.0.0",
				"Replaced `slave` `TYPE` with `replica`. " + "`slave` still supported for backward compatibility.")
		.history("6.2.0", "`LADDR` option.")
		.arguments(oneOf("filter", string("ip:port").deprecatedSince("2.8.12"), oneOf("new-format",
				integer("client-id").token("ID").since("2.8.12").optional(),
				oneOf("normal_master_slave_pubsub", pureToken("normal", "NORMAL"),
						pureToken("master", "MASTER").since("3.2.0"), pureToken("slave", "SLAVE"),
						pureToken("replica", "REPLICA").since("5.0.0"), pureToken("pubsub", "PUBSUB"))
					.token("TYPE")
					.since("2.8.12")
					.optional(),
				string("username").token("USER").optional(), string("ip:port").token("ADDR").optional(),
				string("ip:port").token("LADDR").since("6.2.0").optional(), string("yes/no").token("SKIPME").optional())
			.multiple()))
		.build();

	/**
	 * {@code CLIENT LIST [TYPE NORMAL | MASTER | REPLICA | PUBSUB] [ID client-id [client-id ...]]}
	 */
	public static final CommandSpec CLIENT_LIST = CommandSpec.subcommand("client", "list")
		.arity(-2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.tips(NONDETERMINISTIC_OUTPUT)
		.group(CommandGroup.CONNECTION)
		.since("2.4.0")
		.summary("Get the list of client connections")
		.complexity("O(N) where N is the number of client connections")
		.history("2.8.12", "Added unique client `id` field.")
		.history("5.0.0", "Added optional `TYPE` filter.")
		.history("6.0.0", "Added `user` field.")
		.history("6.2.0", "Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter.")
		.history("7.0.0", "Added `resp`, `multi-mem`, `rbs` and `rbp` fields.")
		.history("7.0.3", "Added `ssub` field.")
		.arguments(oneOf("normal_master_replica_pubsub", pureToken("normal", "NORMAL"), pureToken("master", "MASTER"),
				pureToken("replica", "REPLICA"), pureToken("pubsub", "PUBSUB"))
			.token("TYPE")
			.since("5.0.0")
			.optional(), block("id", integer("client-id").multiple()).token("ID").since("6.2.0").optional())
		.build();

	/** {@code CLIENT NO-EVICT <ON | OFF>} */
	public static final CommandSpec CLIENT_NO_EVICT = CommandSpec.subcommand("client", "no-evict")
		.arity(3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("7.0.0")
		.summary("Set client eviction mode for the current connection")
		.complexity("O(1)")
		.arguments(oneOf("enabled", pureToken("on", "ON"), pureToken("off", "OFF")))
		.build();

	/** {@code CLIENT PAUSE timeout [WRITE | ALL]} */
	public static final CommandSpec CLIENT_PAUSE = CommandSpec.subcommand("client", "pause")
		.arity(-3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("2.9.50")
		.summary("Stop processing commands from clients for some time")
		.complexity("O(1)")
		.history("6.2.0", "`CLIENT PAUSE WRITE` mode added along with the `mode` option.")
		.arguments(integer("timeout"),
				oneOf("mode", pureToken("write", "WRITE"), pureToken("all", "ALL")).since("6.2.0").optional())
		.build();

	/** {@code CLIENT REPLY <ON | OFF | SKIP>} */
	public static final CommandSpec CLIENT_REPLY = CommandSpec.subcommand("client", "reply")
		.arity(3)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("3.2.0")
		.summary("Instruct the server whether to reply to commands")
		.complexity("O(1)")
		.arguments(oneOf("on_off_skip", pureToken("on", "ON"), pureToken("off", "OFF"), pureToken("skip", "SKIP")))
		.build();

	/** {@code CLIENT SETNAME connection-name} */
	public static final CommandSpec CLIENT_SETNAME = CommandSpec.subcommand("client", "setname")
		.arity(3)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("2.6.9")
		.summary("Set the current connection name")
		.complexity("O(1)")
		.arguments(string("connection-name"))
		.build();

	/**
	 * {@code CLIENT TRACKING <ON | OFF> [REDIRECT client-id] [PREFIX prefix [PREFIX prefix ...]] [BCAST] [OPTIN] [OPTOUT] [NOLOOP]}
	 */
	public static final CommandSpec CLIENT_TRACKING = CommandSpec.subcommand("client", "tracking")
		.arity(-3)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.0.0")
		.summary("Enable or disable server assisted client side caching support")
		.complexity("O(1). Some options may introduce additional complexity.")
		.arguments(oneOf("status", pureToken("on", "ON"), pureToken("off", "OFF")),
				integer("client-id").token("REDIRECT").optional(),
				string("prefix").token("PREFIX").optional().multiple().multipleToken(),
				pureToken("bcast", "BCAST").optional(), pureToken("optin", "OPTIN").optional(),
				pureToken("optout", "OPTOUT").optional(), pureToken("noloop", "NOLOOP").optional())
		.build();

	/** {@code CLIENT TRACKINGINFO} */
	public static final CommandSpec CLIENT_TRACKINGINFO = CommandSpec.subcommand("client", "trackinginfo")
		.arity(2)
		.flags(NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.2.0")
		.summary("Return information about server assisted client side caching for the current connection")
		.complexity("O(1)")
		.build();

	/** {@code CLIENT UNBLOCK client-id [TIMEOUT | ERROR]} */
	public static final CommandSpec CLIENT_UNBLOCK = CommandSpec.subcommand("client", "unblock")
		.arity(-3)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("5.0.0")
		.summary("Unblock a client blocked in a blocking command from a different connection")
		.complexity("O(log N) where N is the number of client connections")
		.arguments(integer("client-id"),
				oneOf("timeout_error", pureToken("timeout", "TIMEOUT"), pureToken("error", "ERROR")).optional())
		.build();

	/** {@code CLIENT UNPAUSE} */
	public static final CommandSpec CLIENT_UNPAUSE = CommandSpec.subcommand("client", "unpause")
		.arity(2)
		.flags(ADMIN, NOSCRIPT, LOADING, STALE)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.2.0")
		.summary("Resume processing of clients that were paused")
		.complexity("O(N) Where N is the number of paused clients")
		.build();

	/** {@code CLIENT} */
	public static final CommandSpec CLIENT = CommandSpec.command("client")
		.arity(-2)
		.group(CommandGroup.CONNECTION)
		.since("2.4.0")
		.summary("A container for client connection commands")
		.complexity("Depends on subcommand.")
		.subcommands(CLIENT_CACHING, CLIENT_GETNAME, CLIENT_GETREDIR, CLIENT_HELP, CLIENT_ID, CLIENT_INFO, CLIENT_KILL,
				CLIENT_LIST, CLIENT_NO_EVICT, CLIENT_PAUSE, CLIENT_REPLY, LaterRedisCommandSpecs.CLIENT_SETINFO,
				CLIENT_SETNAME, CLIENT_TRACKING, CLIENT_TRACKINGINFO, CLIENT_UNBLOCK, CLIENT_UNPAUSE)
		.build();

	/** {@code ECHO message} */
	public static final CommandSpec ECHO = CommandSpec.command("echo")
		.arity(2)
		.flags(LOADING, STALE, FAST)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("1.0.0")
		.summary("Echo the given string")
		.complexity("O(1)")
		.arguments(string("message"))
		.build();

	/** {@code HELLO [protover [AUTH username password] [SETNAME clientname]]} */
	public static final CommandSpec HELLO = CommandSpec.command("hello")
		.arity(-1)
		.flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.0.0")
		.summary("Handshake with Redis")
		.complexity("O(1)")
		.history("6.2.0",
				"`protover` made optional; when called without "
						+ "arguments the command reports the current connection's context.")
		.arguments(block("arguments", integer("protover"),
				block("username_password", string("username"), string("password")).token("AUTH").optional(),
				string("clientname").token("SETNAME").optional())
			.optional())
		.build();

	/** {@code PING [message]} */
	public static final CommandSpec PING = CommandSpec.command("ping")
		.arity(-1)
		.flags(FAST)
		.acl(AclCategory.CONNECTION)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.CONNECTION)
		.since("1.0.0")
		.summary("Ping the server")
		.complexity("O(1)")
		.arguments(string("message").optional())
		.build();

	/** {@code QUIT} */
	public static final CommandSpec QUIT = CommandSpec.command("quit")
		.arity(-1)
		.flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("1.0.0")
		.summary("Close the connection")
		.complexity("O(1)")
		.build();

	/** {@code RESET} */
	public static final CommandSpec RESET = CommandSpec.command("reset")
		.arity(1)
		.flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("6.2.0")
		.summary("Reset the connection")
		.complexity("O(1)")
		.build();

	/** {@code SELECT index} */
	public static final CommandSpec SELECT = CommandSpec.command("select")
		.arity(2)
		.flags(LOADING, STALE, FAST)
		.acl(AclCategory.CONNECTION)
		.group(CommandGroup.CONNECTION)
		.since("1.0.0")
		.summary("Change the selected database for the current connection")
		.complexity("O(1)")
		.arguments(integer("index"))
		.build();

	private ConnectionCommandSpecs() {
	}

}

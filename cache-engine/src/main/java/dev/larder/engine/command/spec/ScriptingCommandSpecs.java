package dev.larder.engine.command.spec;

import static dev.larder.engine.command.spec.Arg.integer;
import static dev.larder.engine.command.spec.Arg.key;
import static dev.larder.engine.command.spec.Arg.oneOf;
import static dev.larder.engine.command.spec.Arg.pureToken;
import static dev.larder.engine.command.spec.Arg.string;
import static dev.larder.engine.command.spec.CommandFlag.ALLOW_BUSY;
import static dev.larder.engine.command.spec.CommandFlag.DENYOOM;
import static dev.larder.engine.command.spec.CommandFlag.LOADING;
import static dev.larder.engine.command.spec.CommandFlag.NOSCRIPT;
import static dev.larder.engine.command.spec.CommandFlag.NO_MANDATORY_KEYS;
import static dev.larder.engine.command.spec.CommandFlag.READONLY;
import static dev.larder.engine.command.spec.CommandFlag.SKIP_MONITOR;
import static dev.larder.engine.command.spec.CommandFlag.STALE;
import static dev.larder.engine.command.spec.CommandFlag.WRITE;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT;
import static dev.larder.engine.command.spec.CommandTip.NONDETERMINISTIC_OUTPUT_ORDER;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_ALL_NODES;
import static dev.larder.engine.command.spec.CommandTip.REQUEST_POLICY_ALL_SHARDS;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_AGG_LOGICAL_AND;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_ALL_SUCCEEDED;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_ONE_SUCCEEDED;
import static dev.larder.engine.command.spec.CommandTip.RESPONSE_POLICY_SPECIAL;
import static dev.larder.engine.command.spec.KeySpecFlag.ACCESS;
import static dev.larder.engine.command.spec.KeySpecFlag.RO;
import static dev.larder.engine.command.spec.KeySpecFlag.RW;
import static dev.larder.engine.command.spec.KeySpecFlag.UPDATE;

/**
 * The scripting commands the engine implements, as Redis 7.0.15 declares them (COMMAND
 * INFO, COMMAND DOCS). Written by {@link CommandSpecGenerator} from a live redis-server:
 * regenerate rather than edit.
 */
public final class ScriptingCommandSpecs {

	/** {@code EVAL script numkeys [key [key ...]] [arg [arg ...]]} */
	public static final CommandSpec EVAL = CommandSpec.command("eval")
		.arity(-3)
		.flags(NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS)
		.acl(AclCategory.SCRIPTING)
		.keySpecs(KeySpec.index(2)
			.keynum(0, 1, 1)
			.flags(RW, ACCESS, UPDATE)
			.notes("We cannot tell how the keys will be used so we assume the worst, RW and UPDATE"))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("Execute a Lua script server side")
		.complexity("Depends on the script that is executed.")
		.arguments(string("script"), integer("numkeys"), key("key", 0).optional().multiple(),
				string("arg").optional().multiple())
		.build();

	/** {@code EVAL_RO script numkeys [key [key ...]] [arg [arg ...]]} */
	public static final CommandSpec EVAL_RO = CommandSpec.command("eval_ro")
		.arity(-3)
		.flags(READONLY, NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS)
		.acl(AclCategory.SCRIPTING)
		.keySpecs(KeySpec.index(2)
			.keynum(0, 1, 1)
			.flags(RO, ACCESS)
			.notes("We cannot tell how the keys will be used so we assume the worst, RO and ACCESS"))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Execute a read-only Lua script server side")
		.complexity("Depends on the script that is executed.")
		.arguments(string("script"), integer("numkeys"), key("key", 0).optional().multiple(),
				string("arg").optional().multiple())
		.build();

	/** {@code EVALSHA sha1 numkeys [key [key ...]] [arg [arg ...]]} */
	public static final CommandSpec EVALSHA = CommandSpec.command("evalsha")
		.arity(-3)
		.flags(NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS)
		.acl(AclCategory.SCRIPTING)
		.keySpecs(KeySpec.index(2).keynum(0, 1, 1).flags(RW, ACCESS, UPDATE))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("Execute a Lua script server side")
		.complexity("Depends on the script that is executed.")
		.arguments(string("sha1"), integer("numkeys"), key("key", 0).optional().multiple(),
				string("arg").optional().multiple())
		.build();

	/** {@code EVALSHA_RO sha1 numkeys [key [key ...]] [arg [arg ...]]} */
	public static final CommandSpec EVALSHA_RO = CommandSpec.command("evalsha_ro")
		.arity(-3)
		.flags(READONLY, NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS)
		.acl(AclCategory.SCRIPTING)
		.keySpecs(KeySpec.index(2).keynum(0, 1, 1).flags(RO, ACCESS))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Execute a read-only Lua script server side")
		.complexity("Depends on the script that is executed.")
		.arguments(string("sha1"), integer("numkeys"), key("key", 0).optional().multiple(),
				string("arg").optional().multiple())
		.build();

	/** {@code FCALL function numkeys [key [key ...]] [arg [arg ...]]} */
	public static final CommandSpec FCALL = CommandSpec.command("fcall")
		.arity(-3)
		.flags(NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS)
		.acl(AclCategory.SCRIPTING)
		.keySpecs(KeySpec.index(2)
			.keynum(0, 1, 1)
			.flags(RW, ACCESS, UPDATE)
			.notes("We cannot tell how the keys will be used so we assume the worst, RW and UPDATE"))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Invoke a function")
		.complexity("Depends on the function that is executed.")
		.arguments(string("function"), integer("numkeys"), key("key", 0).optional().multiple(),
				string("arg").optional().multiple())
		.build();

	/** {@code FCALL_RO function numkeys [key [key ...]] [arg [arg ...]]} */
	public static final CommandSpec FCALL_RO = CommandSpec.command("fcall_ro")
		.arity(-3)
		.flags(READONLY, NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS)
		.acl(AclCategory.SCRIPTING)
		.keySpecs(KeySpec.index(2)
			.keynum(0, 1, 1)
			.flags(RO, ACCESS)
			.notes("We cannot tell how the keys will be used so we assume the worst, RO and ACCESS"))
		.getKeysProc(GetKeysProc.numKeys(0, 2, 3))
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Invoke a read-only function")
		.complexity("Depends on the function that is executed.")
		.arguments(string("function"), integer("numkeys"), key("key", 0).optional().multiple(),
				string("arg").optional().multiple())
		.build();

	/** {@code FUNCTION DELETE library-name} */
	public static final CommandSpec FUNCTION_DELETE = CommandSpec.subcommand("function", "delete")
		.arity(3)
		.flags(WRITE, NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Delete a function by name")
		.complexity("O(1)")
		.arguments(string("library-name"))
		.build();

	/** {@code FUNCTION DUMP} */
	public static final CommandSpec FUNCTION_DUMP = CommandSpec.subcommand("function", "dump")
		.arity(2)
		.flags(NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Dump all functions into a serialized binary payload")
		.complexity("O(N) where N is the number of functions")
		.build();

	/** {@code FUNCTION FLUSH [ASYNC | SYNC]} */
	public static final CommandSpec FUNCTION_FLUSH = CommandSpec.subcommand("function", "flush")
		.arity(-2)
		.flags(WRITE, NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Deleting all functions")
		.complexity("O(N) where N is the number of functions deleted")
		.arguments(oneOf("async", pureToken("async", "ASYNC"), pureToken("sync", "SYNC")).optional())
		.build();

	/** {@code FUNCTION HELP} */
	public static final CommandSpec FUNCTION_HELP = CommandSpec.subcommand("function", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.SCRIPTING)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code FUNCTION KILL} */
	public static final CommandSpec FUNCTION_KILL = CommandSpec.subcommand("function", "kill")
		.arity(2)
		.flags(NOSCRIPT, ALLOW_BUSY)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ONE_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Kill the function currently in execution.")
		.complexity("O(1)")
		.build();

	/** {@code FUNCTION LIST [LIBRARYNAME library-name-pattern] [WITHCODE]} */
	public static final CommandSpec FUNCTION_LIST = CommandSpec.subcommand("function", "list")
		.arity(-2)
		.flags(NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(NONDETERMINISTIC_OUTPUT_ORDER)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("List information about all the functions")
		.complexity("O(N) where N is the number of functions")
		.arguments(string("library-name-pattern").token("LIBRARYNAME").optional(),
				pureToken("withcode", "WITHCODE").optional())
		.build();

	/** {@code FUNCTION LOAD [REPLACE] function-code} */
	public static final CommandSpec FUNCTION_LOAD = CommandSpec.subcommand("function", "load")
		.arity(-3)
		.flags(WRITE, DENYOOM, NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Create a function with the given arguments (name, code, description)")
		.complexity("O(1) (considering compilation time is redundant)")
		.arguments(pureToken("replace", "REPLACE").optional(), string("function-code"))
		.build();

	/** {@code FUNCTION RESTORE serialized-value [FLUSH | APPEND | REPLACE]} */
	public static final CommandSpec FUNCTION_RESTORE = CommandSpec.subcommand("function", "restore")
		.arity(-3)
		.flags(WRITE, DENYOOM, NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Restore all the functions on the given payload")
		.complexity("O(N) where N is the number of functions on the payload")
		.arguments(string("serialized-value"),
				oneOf("policy", pureToken("flush", "FLUSH"), pureToken("append", "APPEND"),
						pureToken("replace", "REPLACE"))
					.optional())
		.build();

	/** {@code FUNCTION STATS} */
	public static final CommandSpec FUNCTION_STATS = CommandSpec.subcommand("function", "stats")
		.arity(2)
		.flags(NOSCRIPT, ALLOW_BUSY)
		.acl(AclCategory.SCRIPTING)
		.tips(NONDETERMINISTIC_OUTPUT, REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_SPECIAL)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("Return information about the function currently running (name, description, duration)")
		.complexity("O(1)")
		.build();

	/** {@code FUNCTION} */
	public static final CommandSpec FUNCTION = CommandSpec.command("function")
		.arity(-2)
		.group(CommandGroup.SCRIPTING)
		.since("7.0.0")
		.summary("A container for function commands")
		.complexity("Depends on subcommand.")
		.subcommands(FUNCTION_DELETE, FUNCTION_DUMP, FUNCTION_FLUSH, FUNCTION_HELP, FUNCTION_KILL, FUNCTION_LIST,
				FUNCTION_LOAD, FUNCTION_RESTORE, FUNCTION_STATS)
		.build();

	/** {@code SCRIPT EXISTS sha1 [sha1 ...]} */
	public static final CommandSpec SCRIPT_EXISTS = CommandSpec.subcommand("script", "exists")
		.arity(-3)
		.flags(NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_AGG_LOGICAL_AND)
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("Check existence of scripts in the script cache.")
		.complexity("O(N) with N being the number of scripts to check "
				+ "(so checking a single script is an O(1) operation).")
		.arguments(string("sha1").multiple())
		.build();

	/** {@code SCRIPT FLUSH [ASYNC | SYNC]} */
	public static final CommandSpec SCRIPT_FLUSH = CommandSpec.subcommand("script", "flush")
		.arity(-2)
		.flags(NOSCRIPT)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("Remove all the scripts from the script cache.")
		.complexity("O(N) with N being the number of scripts in cache")
		.history("6.2.0", "Added the `ASYNC` and `SYNC` flushing mode modifiers.")
		.arguments(oneOf("async", pureToken("async", "ASYNC"), pureToken("sync", "SYNC")).since("6.2.0").optional())
		.build();

	/** {@code SCRIPT HELP} */
	public static final CommandSpec SCRIPT_HELP = CommandSpec.subcommand("script", "help")
		.arity(2)
		.flags(LOADING, STALE)
		.acl(AclCategory.SCRIPTING)
		.group(CommandGroup.SCRIPTING)
		.since("5.0.0")
		.summary("Show helpful text about the different subcommands")
		.complexity("O(1)")
		.build();

	/** {@code SCRIPT KILL} */
	public static final CommandSpec SCRIPT_KILL = CommandSpec.subcommand("script", "kill")
		.arity(2)
		.flags(NOSCRIPT, ALLOW_BUSY)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_SHARDS, RESPONSE_POLICY_ONE_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("Kill the script currently in execution.")
		.complexity("O(1)")
		.build();

	/** {@code SCRIPT LOAD script} */
	public static final CommandSpec SCRIPT_LOAD = CommandSpec.subcommand("script", "load")
		.arity(3)
		.flags(NOSCRIPT, STALE)
		.acl(AclCategory.SCRIPTING)
		.tips(REQUEST_POLICY_ALL_NODES, RESPONSE_POLICY_ALL_SUCCEEDED)
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("Load the specified Lua script into the script cache.")
		.complexity("O(N) with N being the length in bytes of the script body.")
		.arguments(string("script"))
		.build();

	/** {@code SCRIPT} */
	public static final CommandSpec SCRIPT = CommandSpec.command("script")
		.arity(-2)
		.group(CommandGroup.SCRIPTING)
		.since("2.6.0")
		.summary("A container for Lua scripts management commands")
		.complexity("Depends on subcommand.")
		.subcommands(SCRIPT_EXISTS, SCRIPT_FLUSH, SCRIPT_HELP, SCRIPT_KILL, SCRIPT_LOAD)
		.build();

	private ScriptingCommandSpecs() {
	}

}

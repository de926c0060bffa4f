package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.CommandContext;
import dev.larder.engine.command.CommandSpec;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.Errors;
import dev.larder.engine.command.ReplyException;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT LOAD|EXISTS|FLUSH|KILL|HELP, with Redis
 * 7.0's table rows (movable keys from numkeys) and error texts.
 */
public final class ScriptCommands {

	private static final String GROUP = "scripting";

	private static final String EVAL_FLAGS = "noscript stale skip_monitor no_mandatory_keys movablekeys";

	private static final String EVAL_RO_FLAGS = "readonly " + EVAL_FLAGS;

	private ScriptCommands() {
	}

	public static void register(CommandTable t) {
		t.register(CommandSpec.numKeys("eval", -3, EVAL_FLAGS, 2, GROUP, "2.6.0", "Executes a server-side Lua script.",
				c -> eval(c, false, false)));
		t.register(CommandSpec.numKeys("evalsha", -3, EVAL_FLAGS, 2, GROUP, "2.6.0",
				"Executes a server-side Lua script by SHA1 digest.", c -> eval(c, true, false)));
		t.register(CommandSpec.numKeys("eval_ro", -3, EVAL_RO_FLAGS, 2, GROUP, "7.0.0",
				"Executes a read-only server-side Lua script.", c -> eval(c, false, true)));
		t.register(CommandSpec.numKeys("evalsha_ro", -3, EVAL_RO_FLAGS, 2, GROUP, "7.0.0",
				"Executes a read-only server-side Lua script by SHA1 digest.", c -> eval(c, true, true)));
		CommandSpec script = CommandSpec.keyless("script", -2, "", GROUP, "2.6.0",
				"A container for Lua scripts management commands.", null);
		script.sub("exists", -3, "noscript", "2.6.0",
				"Determines whether server-side Lua scripts exist in the script cache.", ScriptCommands::exists);
		script.sub("flush", -2, "noscript", "2.6.0", "Removes all server-side Lua scripts from the script cache.",
				ScriptCommands::flush);
		script.sub("kill", 2, "noscript allow_busy", "2.6.0", "Terminates a server-side Lua script during execution.",
				c -> Reply.error("NOTBUSY No scripts in execution right now."));
		script.sub("load", 3, "noscript stale", "2.6.0", "Loads a server-side Lua script to the script cache.",
				ScriptCommands::load);
		script.sub("help", 2, "loading stale", "5.0.0", "Returns helpful text about the different subcommands.",
				c -> help());
		t.register(script);
	}

	/**
	 * evalGenericCommand: numkeys first, then the script (by digest or compiled), then
	 * the run.
	 */
	private static Reply eval(CommandContext c, boolean bySha, boolean readOnly) {
		Long numKeys = Bytes.parseLong(c.arg(2));
		if (numKeys == null) {
			throw new ReplyException(Errors.NOT_INTEGER);
		}
		if (numKeys > c.argc() - 3) {
			throw new ReplyException("ERR Number of keys can't be greater than number of args");
		}
		if (numKeys < 0) {
			throw new ReplyException("ERR Number of keys can't be negative");
		}
		Scripting scripting = c.core().scripting();
		ScriptCache.Script script = bySha ? scripting.cache().get(c.arg(1)) : scripting.cache().load(c.arg(1));
		if (script == null) {
			throw new ReplyException("NOSCRIPT No matching script. Please use EVAL.");
		}
		return scripting.run(c, script, numKeys.intValue(), readOnly);
	}

	private static Reply load(CommandContext c) {
		return Reply.bulk(c.core().scripting().cache().load(c.arg(2)).sha());
	}

	private static Reply exists(CommandContext c) {
		ScriptCache cache = c.core().scripting().cache();
		List<Reply> out = new ArrayList<>(c.argc() - 2);
		for (int i = 2; i < c.argc(); i++) {
			out.add(Reply.integer(cache.exists(c.arg(i)) ? 1 : 0));
		}
		return new Reply.ArrayReply(out);
	}

	/**
	 * ASYNC and SYNC are the same here: dropping the map is O(1) for the caller either
	 * way.
	 */
	private static Reply flush(CommandContext c) {
		if (c.argc() > 3 || c.argc() == 3 && !Bytes.equalsIgnoreCase(c.arg(2), "sync")
				&& !Bytes.equalsIgnoreCase(c.arg(2), "async")) {
			throw new ReplyException("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
		}
		c.core().scripting().cache().flush();
		return Reply.OK;
	}

	private static Reply help() {
		String[] lines = { "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
				"EXISTS <sha1> [<sha1> ...]",
				"    Return information about the existence of the scripts in the script cache.", "FLUSH [ASYNC|SYNC]",
				"    Flush the Lua scripts cache. Very dangerous on replicas.",
				"    When called without the optional mode argument, the behavior is determined by the",
				"    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
				"    * ASYNC: Asynchronously flush the scripts cache.",
				"    * SYNC: Synchronously flush the scripts cache.", "KILL",
				"    Kill the currently executing Lua script.", "LOAD <script>",
				"    Load a script into the scripts cache without executing it.", "HELP", "    Prints this help." };
		List<Reply> out = new ArrayList<>(lines.length);
		for (String l : lines) {
			out.add(new Reply.SimpleString(l));
		}
		return new Reply.ArrayReply(out);
	}

}

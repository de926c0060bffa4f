package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.CommandContext;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.Errors;
import dev.larder.engine.command.ReplyException;
import dev.larder.engine.command.spec.ScriptingCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT LOAD|EXISTS|FLUSH|KILL|HELP, with Redis
 * 7.0's table rows (movable keys from numkeys) and error texts.
 */
public final class ScriptCommands {

	private static final String EVAL_FLAGS = "noscript stale skip_monitor no_mandatory_keys movablekeys";

	private static final String EVAL_RO_FLAGS = "readonly " + EVAL_FLAGS;

	private ScriptCommands() {
	}

	public static void register(CommandTable t) {
		t.bind(ScriptingCommandSpecs.EVAL, c -> eval(c, false, false));
		t.bind(ScriptingCommandSpecs.EVALSHA, c -> eval(c, true, false));
		t.bind(ScriptingCommandSpecs.EVAL_RO, c -> eval(c, false, true));
		t.bind(ScriptingCommandSpecs.EVALSHA_RO, c -> eval(c, true, true));
		t.bindContainer(ScriptingCommandSpecs.SCRIPT);
		t.bind(ScriptingCommandSpecs.SCRIPT_EXISTS, ScriptCommands::exists);
		t.bind(ScriptingCommandSpecs.SCRIPT_FLUSH, ScriptCommands::flush);
		t.bind(ScriptingCommandSpecs.SCRIPT_KILL, c -> Reply.error("NOTBUSY No scripts in execution right now."));
		t.bind(ScriptingCommandSpecs.SCRIPT_LOAD, ScriptCommands::load);
		t.bind(ScriptingCommandSpecs.SCRIPT_HELP, c -> help());
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
		if (c.outOfMemory()) {
			if (script.allowOom()) {
				c.ignoreOutOfMemory();
			}
			else if (script.flagged() && !script.readOnly() && !readOnly) {
				// scriptPrepareForRun: a script with a shebang that may write is judged
				// once, before it runs
				throw new ReplyException(Errors.OOM);
			}
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

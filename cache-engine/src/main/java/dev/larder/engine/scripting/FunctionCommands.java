package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.CommandContext;
import dev.larder.engine.command.CommandTable;
import dev.larder.engine.command.Errors;
import dev.larder.engine.command.GlobMatcher;
import dev.larder.engine.command.ReplyException;
import dev.larder.engine.command.spec.ScriptingCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * FCALL, FCALL_RO and FUNCTION LOAD|DELETE|LIST|FLUSH|DUMP|RESTORE|STATS|KILL|HELP with
 * Redis 7.0's argument parsing and error texts (functions.c). Functions run on the same
 * Lua runtimes, sandbox, redis.* API and key locking as EVAL.
 */
public final class FunctionCommands {

	private FunctionCommands() {
	}

	public static void register(CommandTable t) {
		t.bind(ScriptingCommandSpecs.FCALL, c -> fcall(c, false));
		t.bind(ScriptingCommandSpecs.FCALL_RO, c -> fcall(c, true));
		t.bindContainer(ScriptingCommandSpecs.FUNCTION);
		t.bind(ScriptingCommandSpecs.FUNCTION_LOAD, FunctionCommands::load);
		t.bind(ScriptingCommandSpecs.FUNCTION_DELETE, FunctionCommands::delete);
		t.bind(ScriptingCommandSpecs.FUNCTION_LIST, FunctionCommands::list);
		t.bind(ScriptingCommandSpecs.FUNCTION_FLUSH, FunctionCommands::flush);
		t.bind(ScriptingCommandSpecs.FUNCTION_DUMP, c -> Reply.bulk(FunctionPayload.dump(registry(c).libraries())));
		t.bind(ScriptingCommandSpecs.FUNCTION_RESTORE, FunctionCommands::restore);
		t.bind(ScriptingCommandSpecs.FUNCTION_STATS, FunctionCommands::stats);
		// scripts never hold the engine (each runs on its caller's thread and is stopped
		// at
		// the time limit), so there is never one to kill
		t.bind(ScriptingCommandSpecs.FUNCTION_KILL, c -> Reply.error("NOTBUSY No scripts in execution right now."));
		t.bind(ScriptingCommandSpecs.FUNCTION_HELP, c -> help());
	}

	private static FunctionRegistry registry(CommandContext c) {
		return c.core().scripting().functions();
	}

	/**
	 * fcallCommandGeneric: the function first, then numkeys, then scriptPrepareForRun.
	 */
	private static Reply fcall(CommandContext c, boolean readOnly) {
		FunctionRegistry.Entry entry = registry(c).function(c.arg(1));
		if (entry == null) {
			throw new ReplyException("ERR Function not found");
		}
		Long numKeys = Bytes.parseLong(c.arg(2));
		if (numKeys == null) {
			throw new ReplyException("ERR Bad number of keys provided");
		}
		if (numKeys > c.argc() - 3) {
			throw new ReplyException("ERR Number of keys can't be greater than number of args");
		}
		if (numKeys < 0) {
			throw new ReplyException("ERR Number of keys can't be negative");
		}
		FunctionLibrary.Function f = entry.function();
		if (readOnly && !f.noWrites()) {
			throw new ReplyException("ERR Can not execute a script with write flag using *_ro command.");
		}
		if (c.outOfMemory()) {
			// scriptFlagsToCmdFlags: a function may be denied for OOM unless it declared
			// allow-oom or no-writes
			if (f.allowOom() || f.noWrites()) {
				c.ignoreOutOfMemory();
			}
			else {
				throw new ReplyException(Errors.OOM);
			}
		}
		return c.core().scripting().call(c, entry, numKeys.intValue(), readOnly);
	}

	/** functionLoadCommand: options (only REPLACE) up to the last argument, the code. */
	private static Reply load(CommandContext c) {
		boolean replace = false;
		int pos = 2;
		while (pos < c.argc() - 1) {
			byte[] arg = c.arg(pos++);
			if (Bytes.equalsIgnoreCase(arg, "replace")) {
				replace = true;
				continue;
			}
			throw new ReplyException(Errors.sanitize("ERR Unknown option given: " + Bytes.string(arg)));
		}
		if (pos >= c.argc()) {
			throw new ReplyException("ERR Function code is missing");
		}
		return Reply.bulk(registry(c).load(c.arg(pos), replace));
	}

	private static Reply delete(CommandContext c) {
		if (!registry(c).delete(c.arg(2))) {
			throw new ReplyException("ERR Library not found");
		}
		return Reply.OK;
	}

	private static Reply list(CommandContext c) {
		boolean withCode = false;
		byte[] pattern = null;
		for (int i = 2; i < c.argc(); i++) {
			byte[] arg = c.arg(i);
			if (!withCode && Bytes.equalsIgnoreCase(arg, "withcode")) {
				withCode = true;
				continue;
			}
			if (pattern == null && Bytes.equalsIgnoreCase(arg, "libraryname")) {
				if (i >= c.argc() - 1) {
					throw new ReplyException("ERR library name argument was not given");
				}
				pattern = c.arg(++i);
				continue;
			}
			throw new ReplyException(Errors.sanitize("ERR Unknown argument " + Bytes.string(arg)));
		}
		List<Reply> out = new ArrayList<>();
		for (FunctionLibrary l : registry(c).libraries()) {
			byte[] name = l.name().getBytes(StandardCharsets.ISO_8859_1);
			if (pattern != null && !GlobMatcher.matches(pattern, name)) {
				continue;
			}
			List<Reply> functions = new ArrayList<>();
			for (FunctionLibrary.Function f : l.functions().values()) {
				List<Reply> flags = new ArrayList<>();
				for (String flag : f.flags()) {
					flags.add(new Reply.SimpleString(flag));
				}
				String description = f.description();
				functions.add(new Reply.MapReply(List.of(Reply.bulk("name"), latin1(f.name()),
						Reply.bulk("description"), description == null ? Reply.NULL : latin1(description),
						Reply.bulk("flags"), new Reply.SetReply(flags))));
			}
			List<Reply> library = new ArrayList<>(List.of(Reply.bulk("library_name"), Reply.bulk(name),
					Reply.bulk("engine"), Reply.bulk("LUA"), Reply.bulk("functions"), new Reply.ArrayReply(functions)));
			if (withCode) {
				library.add(Reply.bulk("library_code"));
				library.add(Reply.bulk(l.code()));
			}
			out.add(new Reply.MapReply(library));
		}
		return new Reply.ArrayReply(out);
	}

	private static Reply latin1(String s) {
		return Reply.bulk(s.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** ASYNC and SYNC are the same here: dropping the snapshot is O(1) either way. */
	private static Reply flush(CommandContext c) {
		if (c.argc() > 3) {
			return subcommandSyntaxError(c);
		}
		if (c.argc() == 3 && !Bytes.equalsIgnoreCase(c.arg(2), "sync") && !Bytes.equalsIgnoreCase(c.arg(2), "async")) {
			throw new ReplyException("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
		}
		registry(c).flush();
		return Reply.OK;
	}

	private static Reply restore(CommandContext c) {
		if (c.argc() > 4) {
			return subcommandSyntaxError(c);
		}
		FunctionRegistry.RestorePolicy policy = FunctionRegistry.RestorePolicy.APPEND;
		if (c.argc() == 4) {
			String p = Bytes.string(c.arg(3)).toLowerCase(Locale.ROOT);
			policy = switch (p) {
				case "append" -> FunctionRegistry.RestorePolicy.APPEND;
				case "replace" -> FunctionRegistry.RestorePolicy.REPLACE;
				case "flush" -> FunctionRegistry.RestorePolicy.FLUSH;
				default -> throw new ReplyException(
						"ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
			};
		}
		registry(c).restore(c.arg(2), policy);
		return Reply.OK;
	}

	private static Reply stats(CommandContext c) {
		FunctionRegistry r = registry(c);
		Reply lua = new Reply.MapReply(List.of(Reply.bulk("libraries_count"), Reply.integer(r.libraryCount()),
				Reply.bulk("functions_count"), Reply.integer(r.functionCount())));
		return new Reply.MapReply(List.of(Reply.bulk("running_script"), Reply.NULL, Reply.bulk("engines"),
				new Reply.MapReply(List.of(Reply.bulk("LUA"), lua))));
	}

	/** addReplySubcommandSyntaxError. */
	private static Reply subcommandSyntaxError(CommandContext c) {
		String sub = Bytes.string(c.arg(1));
		return Reply.error(Errors.sanitize("ERR unknown subcommand or wrong number of arguments for '"
				+ (sub.length() <= 128 ? sub : sub.substring(0, 128)) + "'. Try FUNCTION HELP."));
	}

	private static Reply help() {
		String[] lines = { "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
				"LOAD [REPLACE] <FUNCTION CODE>", "    Create a new library with the given library name and code.",
				"DELETE <LIBRARY NAME>", "    Delete the given library.", "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
				"    Return general information on all the libraries:", "    * Library name",
				"    * The engine used to run the Library", "    * Library description", "    * Functions list",
				"    * Library code (if WITHCODE is given)",
				"    It also possible to get only function that matches a pattern using LIBRARYNAME argument.", "STATS",
				"    Return information about the current function running:", "    * Function name",
				"    * Command used to run the function", "    * Duration in MS that the function is running",
				"    If no function is running, return nil", "    In addition, returns a list of available engines.",
				"KILL", "    Kill the current running function.", "FLUSH [ASYNC|SYNC]", "    Delete all the libraries.",
				"    When called without the optional mode argument, the behavior is determined by the",
				"    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
				"    * ASYNC: Asynchronously flush the libraries.", "    * SYNC: Synchronously flush the libraries.",
				"DUMP",
				"    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
				"RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
				"    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
				"    control how to handle existing libraries (default APPEND):",
				"    * FLUSH: delete all existing libraries.",
				"    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
				"    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
				"      libraries with the new libraries (notice that even on this option there is a chance of failure",
				"      in case of functions name collision with another library).", "HELP", "    Prints this help." };
		List<Reply> out = new ArrayList<>(lines.length);
		for (String l : lines) {
			out.add(new Reply.SimpleString(l));
		}
		return new Reply.ArrayReply(out);
	}

}

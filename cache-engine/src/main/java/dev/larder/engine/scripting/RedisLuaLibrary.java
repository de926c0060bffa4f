package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import dev.larder.engine.command.ConnectionCommands;
import java.lang.System.Logger.Level;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code redis} table scripts see: call, pcall, error_reply, status_reply, sha1hex,
 * log and its levels, setresp, set_repl (accepted, nothing to replicate),
 * replicate_commands, breakpoint and debug (no-ops outside the debugger), REDIS_VERSION
 * and REDIS_VERSION_NUM. Texts and argument checks follow script_lua.c.
 */
final class RedisLuaLibrary {

	private static final System.Logger LOG = System.getLogger("dev.larder.engine.scripting.lua");

	private static final Level[] LEVELS = { Level.DEBUG, Level.DEBUG, Level.INFO, Level.WARNING };

	private RedisLuaLibrary() {
	}

	static ReadOnlyTable create(LuaRuntime runtime) {
		String version = ConnectionCommands.REDIS_VERSION;
		String[] parts = version.split("\\.");
		int versionNum = (Integer.parseInt(parts[0]) << 16) | (Integer.parseInt(parts[1]) << 8)
				| Integer.parseInt(parts[2]);
		return ReadOnlyTable.of(LuaValue.valueOf("call"), new Call(runtime, true), LuaValue.valueOf("pcall"),
				new Call(runtime, false), LuaValue.valueOf("error_reply"), new ErrorReply(),
				LuaValue.valueOf("status_reply"), new StatusReply(), LuaValue.valueOf("sha1hex"), new Sha1Hex(),
				LuaValue.valueOf("log"), new Log(), LuaValue.valueOf("LOG_DEBUG"), LuaValue.valueOf(0),
				LuaValue.valueOf("LOG_VERBOSE"), LuaValue.valueOf(1), LuaValue.valueOf("LOG_NOTICE"),
				LuaValue.valueOf(2), LuaValue.valueOf("LOG_WARNING"), LuaValue.valueOf(3), LuaValue.valueOf("setresp"),
				new SetResp(runtime), LuaValue.valueOf("set_repl"), new SetRepl(), LuaValue.valueOf("REPL_NONE"),
				LuaValue.valueOf(0), LuaValue.valueOf("REPL_AOF"), LuaValue.valueOf(1), LuaValue.valueOf("REPL_SLAVE"),
				LuaValue.valueOf(2), LuaValue.valueOf("REPL_REPLICA"), LuaValue.valueOf(2),
				LuaValue.valueOf("REPL_ALL"), LuaValue.valueOf(3), LuaValue.valueOf("replicate_commands"),
				new Constant(LuaValue.TRUE), LuaValue.valueOf("breakpoint"), new Constant(LuaValue.FALSE),
				LuaValue.valueOf("debug"), new Constant(LuaValue.NONE), LuaValue.valueOf("REDIS_VERSION"),
				LuaValue.valueOf(version), LuaValue.valueOf("REDIS_VERSION_NUM"), LuaValue.valueOf(versionNum));
	}

	/** redis.log, which a library's body may call while FUNCTION LOAD runs it. */
	static LuaValue log() {
		return new Log();
	}

	/** Raises an error table, as luaPushError + luaError do. */
	static LuaError raise(String message) {
		return new LuaError(LuaErrors.table(message, false));
	}

	/** redis.call (raises command errors) and redis.pcall (returns them as {err=...}). */
	private static final class Call extends VarArgFunction {

		private final LuaRuntime runtime;

		private final boolean raise;

		Call(LuaRuntime runtime, boolean raise) {
			this.runtime = runtime;
			this.raise = raise;
		}

		@Override
		public Varargs invoke(Varargs args) {
			ScriptRun run = runtime.current();
			if (run == null) {
				throw raise("redis.call/pcall can only be called inside a script invocation");
			}
			runtime.checkTime();
			LuaTable error;
			byte[][] command = LuaConversions.toArgs(args);
			if (args.narg() == 0) {
				error = LuaErrors.table("Please specify at least one argument for this redis lib call", false);
			}
			else if (command == null) {
				error = LuaErrors.table("Lua redis lib command arguments must be strings or integers", false);
			}
			else {
				Reply reply = run.call(command);
				if (!(reply instanceof Reply.ErrorReply e)) {
					return LuaConversions.toLua(reply, run.resp3());
				}
				error = LuaErrors.table(e);
			}
			if (raise) {
				throw new LuaError(error);
			}
			return error;
		}

	}

	/**
	 * Returns {err=...}; a message without a code gets ERR, and a leading '-' is
	 * optional.
	 */
	private static final class ErrorReply extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			if (args.narg() != 1 || args.arg1().type() != LuaValue.TSTRING) {
				return LuaErrors.table("wrong number or type of arguments", false);
			}
			String err = LuaErrors.string(args.arg1());
			return LuaErrors.table(err.startsWith("-") ? err.substring(1) : err, true);
		}

	}

	private static final class StatusReply extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			if (args.narg() != 1 || args.arg1().type() != LuaValue.TSTRING) {
				return LuaErrors.table("wrong number or type of arguments", false);
			}
			LuaTable t = new LuaTable();
			t.rawset(LuaValue.valueOf("ok"), args.arg1());
			return t;
		}

	}

	private static final class Sha1Hex extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			if (args.narg() != 1) {
				throw raise("wrong number of arguments");
			}
			LuaValue v = args.arg1();
			byte[] data = v.isstring() ? LuaConversions.bytes(v.strvalue()) : new byte[0];
			return LuaValue.valueOf(ScriptCache.sha1hex(data));
		}

	}

	private static final class Log extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			int argc = args.narg();
			if (argc < 2) {
				throw raise("redis.log() requires two arguments or more.");
			}
			if (!args.arg1().isnumber()) {
				throw raise("First argument must be a number (log level).");
			}
			int level = (int) args.arg1().todouble();
			if (level < 0 || level > 3) {
				throw raise("Invalid debug level.");
			}
			Level julLevel = LEVELS[level];
			if (LOG.isLoggable(julLevel)) {
				StringBuilder sb = new StringBuilder();
				for (int i = 2; i <= argc; i++) {
					LuaValue v = args.arg(i);
					if (v.isstring()) {
						if (sb.length() > 0) {
							sb.append(' ');
						}
						sb.append(v.tojstring());
					}
				}
				LOG.log(julLevel, sb.toString());
			}
			return LuaValue.NONE;
		}

	}

	private static final class SetResp extends VarArgFunction {

		private final LuaRuntime runtime;

		SetResp(LuaRuntime runtime) {
			this.runtime = runtime;
		}

		@Override
		public Varargs invoke(Varargs args) {
			ScriptRun run = runtime.current();
			if (run == null) {
				throw raise("redis.setresp can only be called inside a script invocation");
			}
			if (args.narg() != 1) {
				throw raise("redis.setresp() requires one argument.");
			}
			int resp = (int) args.arg1().optdouble(0);
			if (resp != 2 && resp != 3) {
				throw raise("RESP version must be 2 or 3.");
			}
			run.resp(resp);
			return LuaValue.NONE;
		}

	}

	/**
	 * The engine does not replicate; the checks are Redis's so scripts that call it
	 * behave the same.
	 */
	private static final class SetRepl extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			if (args.narg() != 1) {
				throw raise("redis.set_repl() requires two arguments.");
			}
			int flags = (int) args.arg1().optdouble(0);
			if ((flags & ~3) != 0) {
				throw raise("Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
			}
			return LuaValue.NONE;
		}

	}

	private static final class Constant extends VarArgFunction {

		private final Varargs value;

		Constant(Varargs value) {
			this.value = value;
		}

		@Override
		public Varargs invoke(Varargs args) {
			return value;
		}

	}

	static LuaString name(String s) {
		return LuaString.valueOf(s);
	}

}

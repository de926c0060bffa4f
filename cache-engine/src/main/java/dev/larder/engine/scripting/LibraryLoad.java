package dev.larder.engine.scripting;

import dev.larder.engine.command.ConnectionCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * One run of a library's body on one Lua runtime (function_lua.c's luaEngineCreate and
 * redis.register_function). The body's environment is a read-only table whose lookups,
 * while the body runs, see only a {@code redis} table with register_function, log, the
 * log levels and the version (anything else is Redis 7.0's "Script attempted to access
 * nonexistent global variable"); afterwards, when the registered functions run, they see
 * the runtime's ordinary globals.
 */
final class LibraryLoad {

	/** A registered function and the Lua callback FCALL calls. */
	record Registered(FunctionLibrary.Function function, LuaValue callback) {
	}

	private final Map<String, Registered> registered = new LinkedHashMap<>();

	private final Environment index;

	private LibraryLoad(LuaValue globals) {
		this.index = new Environment(globals, loadApi(this));
	}

	/**
	 * Runs {@code body} in load mode; throws LuaError (or ScriptTimeoutError from the
	 * runtime's hook) when it fails.
	 */
	static Map<String, Registered> run(Prototype body, Globals globals) {
		LibraryLoad load = new LibraryLoad(globals);
		// a Globals, not a plain table: LuaJ calls the instruction hook (the time limit,
		// error lines) only for closures whose environment is a Globals with a debuglib
		SandboxGlobals env = new SandboxGlobals();
		env.debuglib = globals.debuglib;
		env.setmetatable(ReadOnlyTable.of(LuaValue.INDEX, load.index));
		env.lock();
		try {
			new LuaClosure(body, env).call();
		}
		finally {
			load.index.loading = false;
		}
		return load.registered;
	}

	private static ReadOnlyTable loadApi(LibraryLoad load) {
		String version = ConnectionCommands.REDIS_VERSION;
		String[] parts = version.split("\\.");
		int versionNum = (Integer.parseInt(parts[0]) << 16) | (Integer.parseInt(parts[1]) << 8)
				| Integer.parseInt(parts[2]);
		return ReadOnlyTable.withMetatable(ReadOnlyTable.of(LuaValue.INDEX, new Nonexistent()),
				LuaValue.valueOf("register_function"), new RegisterFunction(load), LuaValue.valueOf("log"),
				RedisLuaLibrary.log(), LuaValue.valueOf("LOG_DEBUG"), LuaValue.valueOf(0),
				LuaValue.valueOf("LOG_VERBOSE"), LuaValue.valueOf(1), LuaValue.valueOf("LOG_NOTICE"),
				LuaValue.valueOf(2), LuaValue.valueOf("LOG_WARNING"), LuaValue.valueOf(3),
				LuaValue.valueOf("REDIS_VERSION"), LuaValue.valueOf(version), LuaValue.valueOf("REDIS_VERSION_NUM"),
				LuaValue.valueOf(versionNum));
	}

	/**
	 * The library environment's __index: the load API while loading, then the globals.
	 */
	private static final class Environment extends TwoArgFunction {

		private static final LuaValue REDIS = LuaValue.valueOf("redis");

		private final LuaValue globals;

		private final LuaValue loadApi;

		private boolean loading = true;

		Environment(LuaValue globals, LuaValue loadApi) {
			this.globals = globals;
			this.loadApi = loadApi;
		}

		@Override
		public LuaValue call(LuaValue table, LuaValue key) {
			if (!loading) {
				return globals.get(key);
			}
			if (key.raweq(REDIS)) {
				return loadApi;
			}
			throw Nonexistent.error(key);
		}

	}

	private static final class Nonexistent extends TwoArgFunction {

		static LuaError error(LuaValue key) {
			return new LuaError("Script attempted to access nonexistent global variable '" + key.tojstring() + "'");
		}

		@Override
		public LuaValue call(LuaValue table, LuaValue key) {
			throw error(key);
		}

	}

	/** redis.register_function, positional (name, callback) or named ({...}). */
	private static final class RegisterFunction extends VarArgFunction {

		private final LibraryLoad load;

		RegisterFunction(LibraryLoad load) {
			this.load = load;
		}

		@Override
		public Varargs invoke(Varargs args) {
			if (!load.index.loading) {
				throw RedisLuaLibrary.raise("redis.register_function can only be called on FUNCTION LOAD command");
			}
			int argc = args.narg();
			if (argc < 1 || argc > 2) {
				throw RedisLuaLibrary.raise("wrong number of arguments to redis.register_function");
			}
			Registered r = argc == 1 ? named(args.arg1()) : positional(args.arg1(), args.arg(2));
			String name = r.function().name();
			if (!validName(name)) {
				throw RedisLuaLibrary.raise(
						"Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
			}
			if (load.registered.containsKey(name)) {
				throw RedisLuaLibrary.raise("Function already exists in the library");
			}
			load.registered.put(name, r);
			return LuaValue.NONE;
		}

		private static Registered positional(LuaValue name, LuaValue callback) {
			String n = string(name);
			if (n == null) {
				throw RedisLuaLibrary.raise("first argument to redis.register_function must be a string");
			}
			if (!callback.isfunction()) {
				throw RedisLuaLibrary.raise("second argument to redis.register_function must be a function");
			}
			return new Registered(new FunctionLibrary.Function(n, null, List.of()), callback);
		}

		private static Registered named(LuaValue arg) {
			if (!arg.istable()) {
				throw RedisLuaLibrary.raise(
						"calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
			}
			String name = null;
			String description = null;
			LuaValue callback = null;
			List<String> flags = List.of();
			LuaValue k = LuaValue.NIL;
			while (true) {
				Varargs next = arg.next(k);
				k = next.arg1();
				if (k.isnil()) {
					break;
				}
				LuaValue v = next.arg(2);
				if (!k.isstring()) {
					throw RedisLuaLibrary.raise("named argument key given to redis.register_function is not a string");
				}
				switch (LuaErrors.string(k.tostring()).toLowerCase(Locale.ROOT)) {
					case "function_name" -> {
						name = string(v);
						if (name == null) {
							throw RedisLuaLibrary
								.raise("function_name argument given to redis.register_function must be a string");
						}
					}
					case "description" -> {
						description = string(v);
						if (description == null) {
							throw RedisLuaLibrary
								.raise("description argument given to redis.register_function must be a string");
						}
					}
					case "callback" -> {
						if (!v.isfunction()) {
							throw RedisLuaLibrary
								.raise("callback argument given to redis.register_function must be a function");
						}
						callback = v;
					}
					case "flags" -> {
						if (!v.istable()) {
							throw RedisLuaLibrary.raise(
									"flags argument to redis.register_function must be a table representing function flags");
						}
						flags = flags(v);
					}
					default -> throw RedisLuaLibrary.raise("unknown argument given to redis.register_function");
				}
			}
			if (name == null) {
				throw RedisLuaLibrary.raise("redis.register_function must get a function name argument");
			}
			if (callback == null) {
				throw RedisLuaLibrary.raise("redis.register_function must get a callback argument");
			}
			return new Registered(new FunctionLibrary.Function(name, description, flags), callback);
		}

		/** luaRegisterFunctionReadFlags: t[1], t[2], ... up to the first nil. */
		private static List<String> flags(LuaValue table) {
			boolean[] set = new boolean[FunctionLibrary.FLAGS.size()];
			for (int i = 1;; i++) {
				LuaValue v = table.get(i);
				if (v.isnil()) {
					break;
				}
				String flag = string(v);
				int found = flag == null ? -1 : FunctionLibrary.FLAGS.indexOf(flag.toLowerCase(Locale.ROOT));
				if (found < 0) {
					throw RedisLuaLibrary.raise("unknown flag given");
				}
				set[found] = true;
			}
			List<String> out = new ArrayList<>();
			for (int i = 0; i < set.length; i++) {
				if (set[i]) {
					out.add(FunctionLibrary.FLAGS.get(i));
				}
			}
			return List.copyOf(out);
		}

		/** luaGetStringSds: a string, or a number in its Lua 5.1 text form; else null. */
		private static @Nullable String string(LuaValue v) {
			if (v.type() == LuaValue.TSTRING) {
				return LuaErrors.string(v);
			}
			if (v.type() == LuaValue.TNUMBER) {
				return LuaNumbers.format(v.todouble());
			}
			return null;
		}

	}

	/** functionsVerifyName: [a-zA-Z0-9_]+ */
	static boolean validName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
				return false;
			}
		}
		return true;
	}

}

package dev.larder.engine.scripting;

import dev.larder.engine.Reply;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * One Lua sandbox: LuaJ Globals with Redis's library set (base, table, string, math,
 * redis), made read-only, plus the shims Redis scripts written for Lua 5.1 rely on.
 * Globals are not thread-safe and cost ~100 us to build, so runtimes are pooled
 * ({@link LuaRuntimePool}) and used by one thread at a time; compiled chunks are shared
 * ({@link ScriptCache}).
 *
 * <p>
 * Left out, as in Redis: io, os, package/require, dofile, loadfile, print, debug. Also
 * left out, unlike Redis: cjson, cmsgpack, struct, bit (use arithmetic), coroutine (LuaJ
 * runs each coroutine on its own Java thread, which must not happen while shard locks are
 * held), setfenv/getfenv (Lua 5.2 has none).
 */
final class LuaRuntime {

	private static final LuaString KEYS = LuaString.valueOf("KEYS");

	private static final LuaString ARGV = LuaString.valueOf("ARGV");

	/**
	 * One string library for all runtimes: LuaJ keeps the string metatable in a static
	 * field.
	 */
	private static final LuaTable STRING = sharedStringLibrary();

	private final SandboxGlobals globals = new SandboxGlobals();

	private final BudgetHook hook = new BudgetHook();

	private final Lrand48 random;

	/**
	 * The libraries instantiated on this runtime: their registered callbacks, bound to
	 * these globals. Weak, so a deleted or replaced library goes with its last FCALL.
	 */
	private final Map<FunctionLibrary, Map<String, LibraryLoad.Registered>> libraries = new WeakHashMap<>();

	/** The script running on this runtime; null between runs. */
	private @Nullable ScriptRun run;

	LuaRuntime(Lrand48 random) {
		this.random = random;
		globals.load(new BaseLib());
		globals.load(new PackageLib()); // table and math register themselves in
										// package.loaded
		globals.load(new TableLib());
		globals.load(new JseMathLib());
		LuaC.install(globals); // for load/loadstring; no undumper, so precompiled chunks
								// are refused
		globals.debuglib = hook;
		for (String name : new String[] { "package", "require", "dofile", "loadfile", "print", "rawlen" }) {
			globals.rawset(LuaValue.valueOf(name), LuaValue.NIL);
		}
		globals.rawset(LuaValue.valueOf("_VERSION"), LuaValue.valueOf("Lua 5.1"));
		globals.rawset(LuaValue.valueOf("string"), STRING);

		LuaTable table = ReadOnlyTable.copyOf(withEntries(globals.get("table"), "getn", new Length()));
		globals.rawset(LuaValue.valueOf("table"), table);
		globals.rawset(LuaValue.valueOf("unpack"), table.get("unpack"));
		LuaValue load = new LoadText(globals.get("load"));
		globals.rawset(LuaValue.valueOf("load"), load);
		globals.rawset(LuaValue.valueOf("loadstring"), load);
		globals.rawset(LuaValue.valueOf("math"), ReadOnlyTable.copyOf(
				withEntries(globals.get("math"), "random", new Random(random), "randomseed", new RandomSeed(random))));
		globals.rawset(LuaValue.valueOf("tostring"), new ToString(globals.get("tostring")));
		globals.rawset(LuaValue.valueOf("pcall"), new RedisPcall());
		globals.rawset(LuaValue.valueOf("collectgarbage"), new CollectGarbage());
		globals.rawset(LuaValue.valueOf("redis"), RedisLuaLibrary.create(this));
		globals.setmetatable(ReadOnlyTable.of(LuaValue.INDEX, new NonexistentGlobal()));
		globals.lock();
	}

	/** Runs a compiled script with KEYS and ARGV taken from an EVAL's arguments. */
	Reply execute(ScriptRun run, ScriptCache.Script script, byte[][] evalArgs, int numKeys, long limitMillis) {
		this.run = run;
		globals.setProtected(KEYS, LuaConversions.stringArray(evalArgs, 3, 3 + numKeys));
		globals.setProtected(ARGV, LuaConversions.stringArray(evalArgs, 3 + numKeys, evalArgs.length));
		hook.arm(limitMillis * 1_000_000L);
		try {
			LuaValue result = new LuaClosure(script.prototype(), globals).call();
			return LuaConversions.toReply(result, run.resp3());
		}
		catch (LuaError e) {
			int[] lines = script.prototype().lineinfo;
			int pc = hook.lastPc();
			return LuaErrors.reply(e, script.sha(), lines != null && pc >= 0 && pc < lines.length ? lines[pc] : 0);
		}
		catch (ScriptTimeoutError e) {
			return LuaErrors.timeout(script.sha(), limitMillis);
		}
		catch (StackOverflowError e) {
			return LuaErrors.stackOverflow(script.sha());
		}
		finally {
			hook.disarm();
			this.run = null;
			// not kept alive by a pooled runtime
			globals.setProtected(KEYS, LuaValue.NIL);
			globals.setProtected(ARGV, LuaValue.NIL);
		}
	}

	/**
	 * FUNCTION LOAD: runs a new library's body here, bounded by {@code limitMillis};
	 * throws LuaError or ScriptTimeoutError when it fails.
	 */
	Map<String, LibraryLoad.Registered> load(Prototype body, long limitMillis) {
		hook.arm(limitMillis * 1_000_000L);
		try {
			return LibraryLoad.run(body, globals);
		}
		catch (StackOverflowError e) {
			// as Lua 5.1 reports it, with the line where the recursion was
			throw new LuaError("@user_function:" + hook.lastLine() + " stack overflow");
		}
		finally {
			hook.disarm();
		}
	}

	/** Keeps the functions a load on this runtime registered, for later FCALLs here. */
	void adopt(FunctionLibrary library, Map<String, LibraryLoad.Registered> registered) {
		libraries.put(library, registered);
	}

	/**
	 * FCALL: runs a function with its keys and arguments as the callback's two tables. A
	 * library loaded on another runtime is first instantiated here: its body only
	 * registers functions (it can reach nothing but redis.register_function and
	 * redis.log), so running it again gives the same functions.
	 */
	Reply call(ScriptRun run, FunctionLibrary library, String function, byte[][] fcallArgs, int numKeys,
			long limitMillis) {
		Map<String, LibraryLoad.Registered> instance = libraries.get(library);
		if (instance == null) {
			instance = LibraryLoad.run(library.prototype(), globals);
			libraries.put(library, instance);
		}
		LibraryLoad.Registered registered = instance.get(function);
		if (registered == null) {
			throw new IllegalStateException("library " + library.name() + " did not register " + function);
		}
		this.run = run;
		hook.arm(limitMillis * 1_000_000L);
		try {
			LuaValue result = registered.callback()
				.call(LuaConversions.stringArray(fcallArgs, 3, 3 + numKeys),
						LuaConversions.stringArray(fcallArgs, 3 + numKeys, fcallArgs.length));
			return LuaConversions.toReply(result, run.resp3());
		}
		catch (LuaError e) {
			return LuaErrors.reply(e, function, hook.lastLine(), "user_function");
		}
		catch (ScriptTimeoutError e) {
			return LuaErrors.timeout(function, limitMillis);
		}
		catch (StackOverflowError e) {
			return LuaErrors.stackOverflow(function);
		}
		finally {
			hook.disarm();
			this.run = null;
		}
	}

	/** The script running on this runtime, or null between runs. */
	@Nullable ScriptRun current() {
		return run;
	}

	void checkTime() {
		hook.check();
	}

	private static LuaTable sharedStringLibrary() {
		Globals g = new Globals();
		g.load(new BaseLib());
		g.load(new PackageLib());
		g.load(new StringLib());
		LuaTable lib = withEntries(g.get("string"));
		lib.rawset(LuaValue.valueOf("format"), new StringFormat(lib.get("format")));
		ReadOnlyTable string = ReadOnlyTable.copyOf(lib);
		// StringLib just installed a mutable metatable shared by every string in the JVM;
		// a script could
		// otherwise change what ("x"):upper() means for the scripts after it
		LuaString.s_metatable = ReadOnlyTable.of(LuaValue.INDEX, string);
		return string;
	}

	private static LuaTable withEntries(LuaValue source, Object... namesAndValues) {
		LuaTable t = new LuaTable();
		LuaValue k = LuaValue.NIL;
		while (true) {
			Varargs next = source.next(k);
			k = next.arg1();
			if (k.isnil()) {
				break;
			}
			t.rawset(k, next.arg(2));
		}
		for (int i = 0; i < namesAndValues.length; i += 2) {
			t.rawset(LuaValue.valueOf((String) namesAndValues[i]), (LuaValue) namesAndValues[i + 1]);
		}
		return t;
	}

	/**
	 * Redis's pcall: an error table is returned as its err string (what pre-7 scripts
	 * expect).
	 */
	private static final class RedisPcall extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			LuaValue f = args.checkvalue(1);
			try {
				return LuaValue.varargsOf(LuaValue.TRUE, f.invoke(args.subargs(2)));
			}
			catch (LuaError e) {
				return LuaValue.varargsOf(LuaValue.FALSE, LuaErrors.pcallValue(e));
			}
			catch (RuntimeException e) {
				String m = e.getMessage();
				return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(m != null ? m : e.toString()));
			}
		}

	}

	/**
	 * load/loadstring of source text only: precompiled bytecode can break out of the
	 * sandbox.
	 */
	private static final class LoadText extends VarArgFunction {

		private final LuaValue base;

		LoadText(LuaValue base) {
			this.base = base;
		}

		@Override
		public Varargs invoke(Varargs args) {
			return base.invoke(LuaValue
				.varargsOf(new LuaValue[] { args.arg1(), args.arg(2), LuaValue.valueOf("t"), args.arg(4) }));
		}

	}

	/**
	 * Numbers as Lua 5.1 prints them ({@code %.14g}); everything else as LuaJ's tostring.
	 */
	private static final class ToString extends OneArgFunction {

		private final LuaValue base;

		ToString(LuaValue base) {
			this.base = base;
		}

		@Override
		public LuaValue call(LuaValue v) {
			return v.type() == LuaValue.TNUMBER ? LuaValue.valueOf(LuaNumbers.format(v.todouble())) : base.call(v);
		}

	}

	/** table.getn of Lua 5.1. */
	private static final class Length extends OneArgFunction {

		@Override
		public LuaValue call(LuaValue t) {
			return t.checktable().len();
		}

	}

	/**
	 * A script must not force a JVM-wide GC (LuaJ's collectgarbage calls System.gc()).
	 */
	private static final class CollectGarbage extends VarArgFunction {

		@Override
		public Varargs invoke(Varargs args) {
			return LuaValue.valueOf(0);
		}

	}

	private static final class NonexistentGlobal extends TwoArgFunction {

		@Override
		public LuaValue call(LuaValue table, LuaValue key) {
			throw new LuaError("Script attempted to access nonexistent global variable '" + key.tojstring() + "'");
		}

	}

	/** redis_math_random: Lua 5.1's math.random over Redis's shared lrand48. */
	private static final class Random extends VarArgFunction {

		private final Lrand48 random;

		Random(Lrand48 random) {
			this.random = random;
		}

		@Override
		public Varargs invoke(Varargs args) {
			double r = random.nextDouble();
			switch (args.narg()) {
				case 0:
					return LuaValue.valueOf(r);
				case 1: {
					int u = args.checkint(1);
					if (u < 1) {
						throw new LuaError("bad argument #1 to 'random' (interval is empty)");
					}
					return LuaValue.valueOf(Math.floor(r * u) + 1);
				}
				case 2: {
					int l = args.checkint(1);
					int u = args.checkint(2);
					if (l > u) {
						throw new LuaError("bad argument #2 to 'random' (interval is empty)");
					}
					return LuaValue.valueOf(Math.floor(r * (u - l + 1)) + l);
				}
				default:
					throw new LuaError("wrong number of arguments");
			}
		}

	}

	private static final class RandomSeed extends OneArgFunction {

		private final Lrand48 random;

		RandomSeed(Lrand48 random) {
			this.random = random;
		}

		@Override
		public LuaValue call(LuaValue seed) {
			random.seed(seed.checkint());
			return LuaValue.NONE;
		}

	}

}

package dev.larder.engine.scripting;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.command.CommandContext;

/**
 * The engine's Lua scripting: the script cache, the runtime pool, the shared math.random
 * state and the time limit. EVAL's handler calls {@link #run} with the declared keys'
 * shards already locked by the executor, so the whole script is atomic with respect to
 * those keys.
 */
public final class Scripting {

	private final ScriptCache cache = new ScriptCache();

	private final Lrand48 random = new Lrand48();

	private final LuaRuntimePool pool;

	private final FunctionRegistry functions;

	private volatile long timeLimitMillis;

	public Scripting(EngineConfig config) {
		this.timeLimitMillis = config.scriptTimeLimitMillis();
		this.pool = new LuaRuntimePool(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), random);
		this.functions = new FunctionRegistry(pool);
	}

	/** The function libraries of FUNCTION LOAD, run by FCALL. */
	public FunctionRegistry functions() {
		return functions;
	}

	/**
	 * How long a script may run before it is stopped, in milliseconds; 0 for no limit
	 * (busy-reply-threshold, alias lua-time-limit).
	 */
	public long timeLimitMillis() {
		return timeLimitMillis;
	}

	public void timeLimitMillis(long millis) {
		if (millis < 0) {
			throw new IllegalArgumentException("a time limit cannot be negative: " + millis);
		}
		this.timeLimitMillis = millis;
	}

	public ScriptCache cache() {
		return cache;
	}

	Reply run(CommandContext c, ScriptCache.Script script, int numKeys, boolean readOnly) {
		ScriptRun run = new ScriptRun(c, script.sha(), readOnly || script.readOnly(), numKeys > 0);
		LuaRuntime runtime = pool.acquire();
		boolean reusable = false;
		try {
			Reply reply = runtime.execute(run, script, argsOf(c), numKeys, timeLimitMillis);
			reusable = true;
			return reply;
		}
		finally {
			// a runtime an unexpected throwable went through may be half-way through
			// anything: drop it
			if (reusable) {
				pool.release(runtime);
			}
		}
	}

	/** FCALL / FCALL_RO: as {@link #run}, the function's keys' shards already locked. */
	Reply call(CommandContext c, FunctionRegistry.Entry entry, int numKeys, boolean readOnly) {
		String name = entry.function().name();
		ScriptRun run = new ScriptRun(c, name, readOnly || entry.function().noWrites(), numKeys > 0);
		LuaRuntime runtime = pool.acquire();
		boolean reusable = false;
		try {
			Reply reply = runtime.call(run, entry.library(), name, argsOf(c), numKeys, timeLimitMillis);
			reusable = true;
			return reply;
		}
		finally {
			if (reusable) {
				pool.release(runtime);
			}
		}
	}

	private static byte[][] argsOf(CommandContext c) {
		byte[][] args = new byte[c.argc()][];
		for (int i = 0; i < args.length; i++) {
			args[i] = c.arg(i);
		}
		return args;
	}

	int idleRuntimes() {
		return pool.idle();
	}

}

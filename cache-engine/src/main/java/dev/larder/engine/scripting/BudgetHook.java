package dev.larder.engine.scripting;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.jspecify.annotations.Nullable;

/**
 * The script time limit. LuaJ's interpreter offers one per-instruction callback, through
 * the debug library slot of Globals; this subclass takes that slot without installing the
 * debug library (scripts get no {@code debug} table) and drops DebugLib's call-stack
 * bookkeeping, so the cost is a counter decrement per instruction and a clock read every
 * {@link #CHECK_EVERY} instructions (~0.1 ms of Lua).
 *
 * <p>
 * Side effect of occupying the slot: LuaJ appends {@code "\n" + traceback(level)} to
 * error messages; the traceback is empty here and {@link LuaErrors} strips the newline.
 */
final class BudgetHook extends DebugLib {

	static final int CHECK_EVERY = 10_000;

	private long deadlineNanos;

	private boolean armed;

	private int countdown = CHECK_EVERY;

	private int lastPc = -1;

	/**
	 * The prototypes of the Lua closures on the call stack (null for Java functions), so
	 * that a function's error can be placed on its own line, not the chunk's.
	 */
	private @Nullable Prototype[] stack = new Prototype[32];

	private int depth;

	private @Nullable Prototype lastPrototype;

	/** Starts the clock of one run; {@code limitNanos <= 0} means no limit. */
	void arm(long limitNanos) {
		armed = limitNanos > 0;
		deadlineNanos = armed ? System.nanoTime() + limitNanos : Long.MAX_VALUE;
		countdown = CHECK_EVERY;
		lastPc = -1;
		depth = 0;
		lastPrototype = null;
	}

	/**
	 * The program counter of the last Lua instruction run. LuaJ evaluates a tail call of
	 * the main chunk ({@code return redis.call(...)}) after the chunk returned, so an
	 * error there carries no position; this pc (the TAILCALL) gives Redis's line for it.
	 */
	int lastPc() {
		return lastPc;
	}

	/**
	 * The line of the last Lua instruction run, in whichever closure ran it; 0 when
	 * unknown.
	 */
	int lastLine() {
		Prototype p = lastPrototype;
		int[] lines = p == null ? null : p.lineinfo;
		return lines != null && lastPc >= 0 && lastPc < lines.length ? lines[lastPc] : 0;
	}

	void disarm() {
		armed = false;
	}

	/** Also called between redis.call()s, so a loop of cheap commands is bounded too. */
	void check() {
		if (armed && System.nanoTime() - deadlineNanos > 0) {
			throw new ScriptTimeoutError();
		}
	}

	@Override
	public void onInstruction(int pc, Varargs v, int top) {
		lastPc = pc;
		lastPrototype = depth > 0 ? stack[depth - 1] : null;
		if (--countdown <= 0) {
			countdown = CHECK_EVERY;
			check();
		}
	}

	@Override
	public void onCall(LuaFunction f) {
		// DebugLib's call-stack bookkeeping is skipped: nothing reads it (no debug
		// library, no tracebacks); only the prototypes are kept
		push(null);
	}

	@Override
	public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
		push(c.p);
	}

	@Override
	public void onReturn() {
		if (depth > 0) {
			depth--;
		}
	}

	private void push(@Nullable Prototype p) {
		if (depth == stack.length) {
			stack = java.util.Arrays.copyOf(stack, depth * 2);
		}
		stack[depth++] = p;
	}

	@Override
	public String traceback(int level) {
		return "";
	}

}

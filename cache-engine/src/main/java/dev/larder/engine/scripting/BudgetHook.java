package dev.larder.engine.scripting;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

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

	/** Starts the clock of one run; {@code limitNanos <= 0} means no limit. */
	void arm(long limitNanos) {
		armed = limitNanos > 0;
		deadlineNanos = armed ? System.nanoTime() + limitNanos : Long.MAX_VALUE;
		countdown = CHECK_EVERY;
		lastPc = -1;
	}

	/**
	 * The program counter of the last Lua instruction run. LuaJ evaluates a tail call of
	 * the main chunk ({@code return redis.call(...)}) after the chunk returned, so an
	 * error there carries no position; this pc (the TAILCALL) gives Redis's line for it.
	 */
	int lastPc() {
		return lastPc;
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
		if (--countdown <= 0) {
			countdown = CHECK_EVERY;
			check();
		}
	}

	@Override
	public void onCall(LuaFunction f) {
		// no call-stack bookkeeping: nothing reads it (no debug library, no tracebacks)
	}

	@Override
	public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
		// as above
	}

	@Override
	public void onReturn() {
		// as above
	}

	@Override
	public String traceback(int level) {
		return "";
	}

}

package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.ValueType;
import org.jspecify.annotations.Nullable;

/**
 * One command invocation: its arguments, the calling session, and the engine it runs in.
 */
public final class CommandContext {

	final EngineCore core;

	final ClientSession session;

	final byte[][] args;

	private long now = -1;

	/**
	 * Whether used memory was over maxmemory with nothing to evict when the command
	 * started (Redis's pre_command_oom_state): scripts then refuse denyoom calls until
	 * they have written.
	 */
	boolean outOfMemory;

	/** A script run by this command made a write (Redis's SCRIPT_WRITE_DIRTY). */
	boolean scriptWrote;

	/** Run by EXEC from the client's queue. */
	boolean queued;

	/**
	 * Whether used memory was over maxmemory with nothing left to evict when the command
	 * started (Redis's pre_command_oom_state).
	 */
	/** Whether EXEC runs this command from the client's MULTI queue. */
	public boolean queued() {
		return queued;
	}

	public boolean outOfMemory() {
		return outOfMemory;
	}

	/** Lets a script flagged allow-oom run denyoom commands although memory is full. */
	public void ignoreOutOfMemory() {
		outOfMemory = false;
	}

	/** Null until a task is added: most commands have none. */
	private java.util.@Nullable List<Runnable> afterUnlock;

	CommandContext(EngineCore core, ClientSession session, byte[][] args) {
		this.core = core;
		this.session = session;
		this.args = args;
	}

	/**
	 * Redis's signalModifiedKey for {@code key} in the session's database: WATCH, client
	 * tracking and in-process listeners learn of the change.
	 */
	public void modified(byte[] key) {
		core.keyspace().changes().modified(session.db(), key);
	}

	/**
	 * Redis's notifyKeyspaceEvent for {@code key} in the session's database.
	 * @param type one of {@link dev.larder.engine.events.KeyChanges}' NOTIFY constants
	 * @param event Redis's event name
	 */
	public void notify(int type, String event, byte[] key) {
		core.keyspace().changes().notify(type, event, key, session.db());
	}

	public byte[] arg(int i) {
		return args[i];
	}

	public int argc() {
		return args.length;
	}

	public Database db() {
		return core.keyspace().db(session.db());
	}

	public ClientSession session() {
		return session;
	}

	public EngineCore core() {
		return core;
	}

	public boolean resp3() {
		return session.protocol() == 3;
	}

	/**
	 * The clock read once per command, as Redis caches mstime for a command's duration.
	 */
	public long now() {
		if (now < 0) {
			now = core.now();
		}
		return now;
	}

	/**
	 * False for in-process callers and for a parked command being re-run: a blocking
	 * command then answers at once instead of parking.
	 */
	public boolean canBlock() {
		return session.canBlock();
	}

	/**
	 * No data for a blocking command: parks the client on {@code keys} until
	 * {@code deadline} (engine-clock millis, 0 = for ever) and returns
	 * {@link CommandExecutor#BLOCKED}, or, where the session cannot block (in-process
	 * callers, a parked command being re-run), answers {@code timeoutReply} at once, as
	 * Redis does for blocking commands inside MULTI.
	 */
	public Reply block(java.util.List<byte[]> keys, long deadline, Reply timeoutReply) {
		return block(keys, deadline, timeoutReply, args);
	}

	/**
	 * {@link #block(java.util.List, long, Reply)} re-running {@code parkedArgs} instead
	 * of this command's arguments once a key is written (XREAD parks with {@code $}
	 * resolved).
	 */
	public Reply block(java.util.List<byte[]> keys, long deadline, Reply timeoutReply, byte[][] parkedArgs) {
		if (!canBlock()) {
			return timeoutReply;
		}
		session.parked(core.blocking().park(session, parkedArgs, session.db(), keys, deadline, timeoutReply));
		return CommandExecutor.BLOCKED;
	}

	/**
	 * Redis's getTimeoutFromObjectOrReply (seconds, as a float): 0 means for ever, else
	 * an absolute time.
	 */
	public long timeoutDeadline(byte[] arg) {
		java.math.BigDecimal v = LongDoubles.parse(arg);
		if (v == null || LongDoubles.isInfinite(v)) {
			throw new ReplyException("ERR timeout is not a float or out of range");
		}
		java.math.BigDecimal ms = v.multiply(java.math.BigDecimal.valueOf(1000));
		long tval;
		if (ms.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0
				|| ms.compareTo(java.math.BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
			tval = Long.MIN_VALUE; // x86's conversion of an out-of-range long double
		}
		else {
			tval = ms.setScale(0, java.math.RoundingMode.CEILING).longValue(); // Redis
																				// rounds
																				// up:
																				// 0.0001
																				// is 1 ms
		}
		if (tval < 0) {
			throw new ReplyException("ERR timeout is negative");
		}
		if (tval > 0) {
			if (tval > Long.MAX_VALUE - now()) {
				throw new ReplyException("ERR timeout is out of range");
			}
			tval += now();
		}
		return tval;
	}

	/**
	 * Work to run once the executor has released this command's shard locks, on the same
	 * thread: a script uses it to wake clients blocked on keys it wrote, which must not
	 * happen while it still holds locks (serving them locks other shards, out of order).
	 */
	public void afterUnlock(Runnable task) {
		if (afterUnlock == null) {
			afterUnlock = new java.util.ArrayList<>(2);
		}
		afterUnlock.add(task);
	}

	/**
	 * Passes this command's after-unlock tasks to {@code outer}, the command (EVAL) that
	 * ran it and holds the locks.
	 */
	void handAfterUnlockTo(CommandContext outer) {
		if (afterUnlock != null) {
			afterUnlock.forEach(outer::afterUnlock);
			afterUnlock = null;
		}
	}

	void runAfterUnlock() {
		if (afterUnlock != null) {
			for (Runnable task : afterUnlock) {
				task.run();
			}
			afterUnlock = null;
		}
	}

	/** Looks a key up for reading and checks its type; null when absent. */
	public @Nullable KeyEntry lookupRead(byte[] key, ValueType type) {
		KeyEntry e = db().lookupRead(key);
		if (e != null && ValueType.of(e.value()) != type) {
			throw new ReplyException(Errors.WRONGTYPE);
		}
		return e;
	}

	/**
	 * Looks a key up for writing (no hit/miss stats) and checks its type; null when
	 * absent.
	 */
	public @Nullable KeyEntry lookupWrite(byte[] key, ValueType type) {
		KeyEntry e = db().lookup(key);
		if (e != null && ValueType.of(e.value()) != type) {
			throw new ReplyException(Errors.WRONGTYPE);
		}
		return e;
	}

}

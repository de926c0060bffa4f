package dev.larder.engine.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * CLIENT PAUSE and UNPAUSE (pauseClients, unpauseClients, blockPostponeClient): while a
 * pause is on, a connection's command it applies to (every command for ALL; for WRITE,
 * those that write or may replicate, and an EXEC that queued such a command) is postponed
 * as Redis's processCommand does: the executor registers the client here and answers
 * {@link CommandExecutor#POSTPONED}, the connection keeps the command unexecuted and
 * stops reading commands, no thread waits. At UNPAUSE or at the pause's end each
 * postponed connection is told to run its command again. In-process sessions are never
 * paused (nothing could park them).
 */
public final class ClientPause {

	/** Redis's pause types, in order of strength. */
	public enum Type {

		OFF, WRITE, ALL

	}

	/**
	 * The commands Redis flags may_replicate (hidden from COMMAND INFO) that the engine
	 * serves: WRITE pauses them too.
	 */
	private static final Set<String> MAY_REPLICATE = Set.of("eval", "evalsha", "fcall", "publish", "spublish",
			"pfcount");

	private final LongSupplier clock;

	private final Scheduler scheduler;

	/** Runs a task after a delay, off the caller's thread (the engine's timer). */
	public interface Scheduler {

		void schedule(Runnable task, long delayMillis);

	}

	private volatile Type type = Type.OFF;

	private long endMillis;

	private final Set<ClientSession> postponed = new LinkedHashSet<>();

	ClientPause(LongSupplier clock, Scheduler scheduler) {
		this.clock = clock;
		this.scheduler = scheduler;
	}

	/**
	 * pauseClients: a pause never weakens an earlier one still on (the stronger type and
	 * the later end win).
	 */
	synchronized void pause(Type requested, long end) {
		if (requested.compareTo(type) > 0) {
			type = requested;
		}
		if (end > endMillis) {
			endMillis = end;
		}
		if (!expireIfDue()) {
			long scheduledEnd = endMillis;
			scheduler.schedule(() -> expireAt(scheduledEnd), scheduledEnd - clock.getAsLong());
		}
	}

	/**
	 * The timer's task for the pause ending at {@code end}: a later pause that extended
	 * it scheduled its own; the timer may fire a little before the engine clock gets
	 * there.
	 */
	private synchronized void expireAt(long end) {
		if (type != Type.OFF && endMillis == end && !expireIfDue()) {
			scheduler.schedule(() -> expireAt(end), Math.max(1, end - clock.getAsLong()));
		}
	}

	/** The pause's type now (OFF when none). */
	public Type type() {
		return type;
	}

	/**
	 * Whether this session's command waits for the end of the pause; if so it is
	 * registered.
	 */
	boolean postpones(Command command, ClientSession session) {
		Type t = type;
		if (t == Type.OFF || session.control().connection() == null) {
			return false;
		}
		if (t == Type.WRITE && !writesOrMayReplicate(command, session)) {
			return false;
		}
		synchronized (this) {
			if (expireIfDue() || type == Type.OFF) {
				return false;
			}
			postponed.add(session);
			session.control().postponed(true);
			return true;
		}
	}

	/**
	 * processCommand's is_may_replicate_command: the command writes or may replicate, or
	 * it is an EXEC whose queued commands do (Redis's mstate.cmd_flags), so that a
	 * transaction queued before a WRITE pause does not write during it.
	 */
	private static boolean writesOrMayReplicate(Command command, ClientSession session) {
		if (writesOrMayReplicate(command)) {
			return true;
		}
		MultiState multi = session.multi();
		return multi != null && command.name().equals("exec") && multi.anyMatch(ClientPause::writesOrMayReplicate);
	}

	private static boolean writesOrMayReplicate(Command command) {
		return command.write || MAY_REPLICATE.contains(command.name());
	}

	/** Drops a disconnected session. */
	public synchronized void forget(ClientSession session) {
		postponed.remove(session);
	}

	/** Ends the pause when its time has come; true when it did. */
	synchronized boolean expireIfDue() {
		if (type != Type.OFF && clock.getAsLong() >= endMillis) {
			unpause();
			return true;
		}
		return false;
	}

	/**
	 * unpauseClients: the postponed connections run their commands again, in arrival
	 * order.
	 */
	void unpause() {
		List<ClientSession> resume;
		synchronized (this) {
			type = Type.OFF;
			endMillis = 0;
			resume = new ArrayList<>(postponed);
			postponed.clear();
		}
		for (ClientSession s : resume) {
			s.control().postponed(false);
			ClientControl.Connection c = s.control().connection();
			if (c != null) {
				c.resumePostponed();
			}
		}
	}

}

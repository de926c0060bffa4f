package dev.larder.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A client between MULTI and EXEC (Redis's multiState and the CLIENT_MULTI /
 * CLIENT_DIRTY_EXEC flags): the commands queued so far, already looked up, and whether
 * one was refused while queueing, so that EXEC must abort.
 */
final class MultiState {

	/** A queued command, looked up (subcommand resolved) when it was queued. */
	record Queued(Command command, byte[][] args) {
	}

	private final List<Queued> commands = new ArrayList<>();

	/** CLIENT LIST reads it from another thread. */
	private volatile int count;

	/** CLIENT_DIRTY_EXEC: a command was refused while queueing. */
	private boolean aborted;

	/**
	 * Queues a command; once the transaction cannot run (a refused command, a changed
	 * watched key) nothing more is kept, as Redis's queueMultiCommand does, though the
	 * client is still told QUEUED.
	 */
	void queue(Command command, byte[][] args, boolean watchDirty) {
		if (aborted || watchDirty) {
			return;
		}
		commands.add(new Queued(command, args));
		count = commands.size();
	}

	List<Queued> commands() {
		return commands;
	}

	/** The number of commands queued, as CLIENT LIST's multi= shows it. */
	int count() {
		return count;
	}

	/** flagTransaction: a command was refused while queueing. */
	void abort() {
		aborted = true;
	}

	boolean aborted() {
		return aborted;
	}

	/** Whether any queued command has the flag Redis's mstate.cmd_flags would carry. */
	boolean anyDenyOom() {
		for (Queued q : commands) {
			if (q.command().denyOom) {
				return true;
			}
		}
		return false;
	}

	/** Whether any queued command matches, as a test of Redis's mstate.cmd_flags. */
	boolean anyMatch(Predicate<Command> test) {
		for (Queued q : commands) {
			if (test.test(q.command())) {
				return true;
			}
		}
		return false;
	}

	boolean anyEvictsFirst() {
		for (Queued q : commands) {
			if (q.command().evictsFirst) {
				return true;
			}
		}
		return false;
	}

}

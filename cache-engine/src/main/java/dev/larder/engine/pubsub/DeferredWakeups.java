package dev.larder.engine.pubsub;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Wakes the subscribers a Netty event loop pushed to once per turn of that loop, as Redis
 * writes each client once per event-loop iteration (beforeSleep): a publisher's loop
 * handles every ready connection, then runs its tasks, and the one task this class queues
 * there schedules each touched subscriber's drain. Without it, every message to an idle
 * subscriber costs a task and a wake-up of the subscriber's loop, and a write to its
 * socket: PUBLISH at pipeline 1 from many clients then pays them per message instead of
 * per batch.
 *
 * <p>
 * Only the wake-up is deferred: frames are queued, in order, and counted against the
 * output limit when pushed. One instance per event-loop thread, bound by the first
 * connection the loop serves, used only on it.
 */
public final class DeferredWakeups {

	private static final FastThreadLocal<DeferredWakeups> CURRENT = new FastThreadLocal<>();

	private final Executor loop;

	private final List<PushQueue> pending = new ArrayList<>();

	private final Runnable flush = this::flush;

	private DeferredWakeups(Executor loop) {
		this.loop = loop;
	}

	/**
	 * Makes the calling thread, the event loop {@code loop} runs on, defer the wake-ups
	 * it causes; idempotent.
	 */
	public static void bindCurrentThread(Executor loop) {
		if (!CURRENT.isSet()) {
			CURRENT.set(new DeferredWakeups(loop));
		}
	}

	/**
	 * Schedules {@code queue}'s drain at the end of the calling event loop's turn.
	 * @return false when the caller is not a bound event loop (an in-process caller, a
	 * listener's thread) or its loop is shutting down: the caller wakes the queue itself
	 */
	static boolean defer(PushQueue queue) {
		DeferredWakeups wakeups = CURRENT.getIfExists();
		if (wakeups == null) {
			return false;
		}
		if (wakeups.pending.isEmpty()) {
			try {
				wakeups.loop.execute(wakeups.flush);
			}
			catch (RejectedExecutionException e) {
				return false;
			}
		}
		wakeups.pending.add(queue);
		return true;
	}

	private void flush() {
		// schedule() only hands a task to the queue's executor: nothing is added here
		for (int i = 0; i < pending.size(); i++) {
			pending.get(i).schedule();
		}
		pending.clear();
	}

}

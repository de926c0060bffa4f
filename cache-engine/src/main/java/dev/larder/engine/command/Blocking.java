package dev.larder.engine.command;

import dev.larder.engine.Reply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Clients blocked in BLPOP, BRPOP, BLMOVE, BLMPOP, BZPOPMIN, BZPOPMAX and BZMPOP. A
 * blocked client holds no thread and no lock: its request is parked here, per key in
 * arrival order, and its connection stops reading commands. After every write command
 * (while anyone is blocked at all) the executor calls {@link #signal} with the keys the
 * command's key specs say it may write, which re-runs, in arrival order, the parked
 * commands of each touched key, non-blocking, under their own shard locks; a command that
 * now gets data is delivered to its connection and unparked, one that still finds nothing
 * stays parked. The connection's timer calls {@link #cancel} for a timeout, as does a
 * disconnect. Whichever of serve and cancel comes first wins (the waiter's monitor
 * decides).
 *
 * <p>
 * Registration happens while the command holds its keys' shard locks, and a writer
 * signals only after it has released them, so no wake-up is lost.
 */
public final class Blocking {

	/**
	 * The connection side of a blocked client; {@link #unblocked} may be called from any
	 * thread.
	 */
	public interface Client {

		void unblocked(Reply reply);

	}

	/** One parked command. */
	public static final class Waiter {

		final ClientSession session;

		final byte[][] args;

		final int db;

		final List<Key> keys;

		final long deadline;

		final Reply timeoutReply;

		boolean done;

		Waiter(ClientSession session, byte[][] args, int db, List<Key> keys, long deadline, Reply timeoutReply) {
			this.session = session;
			this.args = args;
			this.db = db;
			this.keys = keys;
			this.deadline = deadline;
			this.timeoutReply = timeoutReply;
		}

		/** Absolute deadline in the engine clock's milliseconds; 0 waits for ever. */
		public long deadline() {
			return deadline;
		}

		/**
		 * What a timeout answers (a null or null array, as the command's Redis
		 * counterpart).
		 */
		public Reply timeoutReply() {
			return timeoutReply;
		}

	}

	record Key(int db, byte[] key) {
		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof Key k && k.db == db && Arrays.equals(k.key, key);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(key) * 31 + db;
		}
	}

	private final Map<Key, ArrayDeque<Waiter>> byKey = new HashMap<>();

	private volatile int waiting;

	// Set by the CommandExecutor made for the core, in its constructor, before any
	// command can park a client.
	@SuppressWarnings("NullAway.Init")
	private CommandExecutor executor;

	void executor(CommandExecutor executor) {
		this.executor = executor;
	}

	/** True when any client is blocked: writers skip {@link #signal} otherwise. */
	boolean anyWaiting() {
		return waiting > 0;
	}

	/** Number of blocked clients (INFO's blocked_clients). */
	public int blockedClients() {
		return waiting;
	}

	synchronized Waiter park(ClientSession session, byte[][] args, int db, List<byte[]> keys, long deadline,
			Reply timeoutReply) {
		List<Key> ks = new ArrayList<>(keys.size());
		for (byte[] k : keys) {
			Key key = new Key(db, k);
			if (!ks.contains(key)) {
				ks.add(key);
			}
		}
		Waiter w = new Waiter(session, args, db, ks, deadline, timeoutReply);
		for (Key k : ks) {
			byKey.computeIfAbsent(k, x -> new ArrayDeque<>()).add(w);
		}
		waiting++;
		session.control().blockedOnKeys(true);
		return w;
	}

	private synchronized void unpark(Waiter w) {
		for (Key k : w.keys) {
			ArrayDeque<Waiter> q = byKey.get(k);
			if (q != null) {
				q.remove(w);
				if (q.isEmpty()) {
					byKey.remove(k);
				}
			}
		}
		waiting--;
		w.session.control().blockedOnKeys(false);
	}

	/** Clients blocked with a timeout (INFO clients_in_timeout_table). */
	public synchronized int blockedWithTimeout() {
		Set<Waiter> seen = new HashSet<>();
		for (ArrayDeque<Waiter> q : byKey.values()) {
			for (Waiter w : q) {
				if (w.deadline > 0) {
					seen.add(w);
				}
			}
		}
		return seen.size();
	}

	/** The session's parked command, or null (CLIENT UNBLOCK; a scan, as it is rare). */
	synchronized @Nullable Waiter waiterOf(ClientSession session) {
		for (ArrayDeque<Waiter> q : byKey.values()) {
			for (Waiter w : q) {
				if (w.session == session) {
					return w;
				}
			}
		}
		return null;
	}

	/** A snapshot of the key's waiters, or null when none waits on it. */
	private synchronized Waiter @Nullable [] waitersOf(Key k) {
		ArrayDeque<Waiter> q = byKey.get(k);
		return q == null ? null : q.toArray(new Waiter[0]);
	}

	/**
	 * Timeout or disconnect: true when this call unparked the waiter (it had not been
	 * served).
	 */
	public boolean cancel(Waiter w) {
		synchronized (w) {
			if (w.done) {
				return false;
			}
			w.done = true;
		}
		unpark(w);
		return true;
	}

	/**
	 * Serves the waiters of the keys a write command may have written (the arguments at
	 * {@code keyPositions}, found by the command's key specs), in arrival order.
	 */
	void signal(int db, byte[][] args, int[] keyPositions) {
		ArrayDeque<Key> ready = new ArrayDeque<>();
		for (int i : keyPositions) {
			ready.add(new Key(db, args[i]));
		}
		serve(ready);
	}

	/**
	 * SWAPDB: serves the waiters of every key of databases {@code a} and {@code b}, whose
	 * contents changed under them (Redis's scanDatabaseForReadyKeys).
	 */
	void signalDatabases(int a, int b) {
		ArrayDeque<Key> ready = new ArrayDeque<>();
		synchronized (this) {
			for (Key k : byKey.keySet()) {
				if (k.db() == a || k.db() == b) {
					ready.add(k);
				}
			}
		}
		serve(ready);
	}

	private void serve(ArrayDeque<Key> ready) {
		while (!ready.isEmpty()) {
			Key k = ready.poll();
			Waiter[] ws = waitersOf(k);
			if (ws == null) {
				continue;
			}
			for (Waiter w : ws) {
				Reply r;
				synchronized (w) {
					if (w.done) {
						continue;
					}
					w.done = true; // while it re-runs, writes it makes must not serve it
									// again
					r = executor.executeUnblocking(w.session, w.args);
					if (r instanceof Reply.NullReply || r.isError() && !StreamReads.endsTheWait(r)) {
						w.done = false;
						break; // no data for the first in line: none for those behind it
								// either
					}
				}
				unpark(w);
				Client client = w.session.blockClient();
				if (client != null) {
					client.unblocked(r);
				}
			}
		}
	}

}

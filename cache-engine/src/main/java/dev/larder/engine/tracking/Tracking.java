package dev.larder.engine.tracking;

import dev.larder.engine.Reply;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.events.KeyChangeListener;
import dev.larder.engine.events.KeyChanges;
import dev.larder.engine.pubsub.Frames;
import dev.larder.engine.pubsub.Subscriber;
import io.netty.util.internal.ThreadExecutorMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Client-side caching for the whole engine (Redis's tracking.c): the tracking table (key
 * name to the ids of the clients that read it; like Redis's, not per database), the
 * prefix table of BCAST clients, and invalidation delivery.
 *
 * <p>
 * It listens to the keyspace's changes only while some client tracks, so writes cost
 * nothing otherwise. A key is remembered while the reading command holds the key's shard
 * lock, and forgotten by the writer holding the same lock, so a read and a write of one
 * key never miss each other.
 *
 * <p>
 * Ordering, as in Redis 7.0.15: an invalidation caused by a client's own command (without
 * NOLOOP) reaches it after that command's reply (Redis's tracking_pending_keys), and
 * BCAST invalidations are sent once the command is done, one message per prefix with the
 * keys it modified, ascending (Redis batches per event-loop turn, the engine per
 * command).
 */
public final class Tracking implements KeyChangeListener {

	private static final Reply INVALIDATE = Reply.bulk("invalidate");

	private static final Reply MESSAGE = Reply.bulk("message");

	private static final Reply CHANNEL = Reply.bulk("__redis__:invalidate");

	private static final Reply REDIR_BROKEN = Reply.bulk("tracking-redir-broken");

	/**
	 * Set by the executor for the command running on this thread while tracking is on.
	 */
	private static final ThreadLocal<@Nullable Turn> CURRENT = new ThreadLocal<>();

	private final KeyChanges changes;

	private final LongFunction<@Nullable ClientSession> clients;

	private final Map<ByteBuffer, Set<Long>> table = new ConcurrentHashMap<>();

	private final AtomicLong items = new AtomicLong();

	/** Prefix to its BCAST clients, ascending by prefix. */
	private final ConcurrentSkipListMap<ByteBuffer, Set<ClientSession>> prefixes = new ConcurrentSkipListMap<>(
			(a, b) -> ClientTracking.compare(bytes(a), bytes(b)));

	/** The clients with tracking on, by id (server.tracking_clients). */
	private final Map<Long, ClientSession> trackingClients = new ConcurrentHashMap<>();

	/** Some client tracks. */
	private volatile boolean active;

	/**
	 * Registered on the keyspace's changes (some client tracks or the table holds keys).
	 */
	private boolean listening;

	private volatile long maxKeys = 1_000_000;

	/** Consecutive enforcements that left the table over the limit (effort grows). */
	private int overLimitRuns;

	/**
	 * @param changes where the keyspace reports changes
	 * @param clients a connected client by id, or null
	 */
	public Tracking(KeyChanges changes, LongFunction<@Nullable ClientSession> clients) {
		this.changes = changes;
		this.clients = clients;
	}

	/** Whether any client tracks (the executor then opens a {@link Turn}). */
	public boolean active() {
		return active;
	}

	/** INFO's tracking_clients. */
	public int clients() {
		return trackingClients.size();
	}

	/** INFO's tracking_total_keys. */
	public long totalKeys() {
		return table.size();
	}

	/** INFO's tracking_total_items. */
	public long totalItems() {
		return items.get();
	}

	/** INFO's tracking_total_prefixes. */
	public long totalPrefixes() {
		return prefixes.size();
	}

	/** tracking-table-max-keys (0: no limit). */
	public long maxKeys() {
		return maxKeys;
	}

	public void maxKeys(long maxKeys) {
		this.maxKeys = maxKeys;
	}

	/** Redis's enableTracking; the options were checked by the caller. */
	public synchronized void enable(ClientSession s, ClientTracking t, long redirect, boolean bcast, boolean optin,
			boolean optout, boolean noloop, List<byte[]> newPrefixes) {
		if (!t.on) {
			trackingClients.put(s.id(), s);
			active = true;
			if (!listening) {
				listening = true;
				changes.addListener(this);
			}
		}
		t.on = true;
		t.brokenRedirect = false;
		t.redirect = redirect;
		t.bcast = bcast;
		if (bcast) {
			if (newPrefixes.isEmpty()) {
				addPrefix(s, t, new byte[0]);
			}
			for (byte[] p : newPrefixes) {
				addPrefix(s, t, p);
			}
		}
		t.optin = optin;
		t.optout = optout;
		t.noloop = noloop;
	}

	private void addPrefix(ClientSession s, ClientTracking t, byte[] prefix) {
		prefixes.computeIfAbsent(ByteBuffer.wrap(prefix), k -> ConcurrentHashMap.newKeySet()).add(s);
		for (byte[] p : t.prefixes) {
			if (ClientTracking.compare(p, prefix) == 0) {
				return;
			}
		}
		t.prefixes.add(prefix);
		t.prefixes.sort(ClientTracking::compare);
	}

	/** Redis's disableTracking (CLIENT TRACKING OFF, or the client left). */
	public synchronized void disable(ClientSession s, ClientTracking t) {
		if (!t.on) {
			return;
		}
		for (byte[] p : t.prefixes) {
			ByteBuffer key = ByteBuffer.wrap(p);
			Set<ClientSession> members = prefixes.get(key);
			if (members != null) {
				members.remove(s);
				if (members.isEmpty()) {
					prefixes.remove(key);
				}
			}
		}
		t.prefixes.clear();
		t.on = false;
		t.bcast = false;
		t.optin = false;
		t.optout = false;
		t.noloop = false;
		t.caching = false;
		t.brokenRedirect = false;
		trackingClients.remove(s.id());
		if (trackingClients.isEmpty()) {
			active = false;
			detachIfIdle();
		}
	}

	/**
	 * Stops listening to the keyspace once no client tracks and the table is empty (until
	 * then writes keep forgetting keys, as Redis's table does whoever tracks).
	 */
	private synchronized void detachIfIdle() {
		if (listening && trackingClients.isEmpty() && table.isEmpty()) {
			listening = false;
			changes.removeListener(this);
		}
	}

	/**
	 * Redis's checkPrefixCollisionsOrReply: the error for prefixes that overlap each
	 * other or the client's, or null.
	 */
	public static @Nullable String prefixCollision(ClientTracking t, List<byte[]> newPrefixes) {
		for (int i = 0; i < newPrefixes.size(); i++) {
			byte[] p = newPrefixes.get(i);
			for (byte[] existing : t.prefixes) {
				if (overlap(existing, p)) {
					return "ERR Prefix '" + text(p) + "' overlaps with an existing prefix '" + text(existing)
							+ "'. Prefixes for a single client must not overlap.";
				}
			}
			for (int j = i + 1; j < newPrefixes.size(); j++) {
				if (overlap(p, newPrefixes.get(j))) {
					return "ERR Prefix '" + text(p) + "' overlaps with another provided prefix '"
							+ text(newPrefixes.get(j)) + "'. Prefixes for a single client must not overlap.";
				}
			}
		}
		return null;
	}

	private static String text(byte[] b) {
		return new String(b, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** stringCheckPrefix: one is a prefix of the other. */
	private static boolean overlap(byte[] a, byte[] b) {
		int n = Math.min(a.length, b.length);
		return Arrays.equals(a, 0, n, b, 0, n);
	}

	/**
	 * Redis's trackingRememberKeys: after a read-only command of a tracking client, run
	 * holding the locks of the keys' shards.
	 * @param keyPositions where the command's keys are in {@code args}
	 */
	public void remember(ClientSession s, ClientTracking t, byte[][] args, int[] keyPositions) {
		if (!t.remembers() || keyPositions.length == 0) {
			return;
		}
		t.hold();
		Long id = s.id();
		for (int pos : keyPositions) {
			// a copy: the connection may reuse its argument arrays
			table.compute(ByteBuffer.wrap(args[pos].clone()), (k, ids) -> {
				Set<Long> set = ids == null ? new HashSet<>(4) : ids;
				if (set.add(id)) {
					items.incrementAndGet();
				}
				return set;
			});
		}
	}

	/**
	 * Opens the command {@code s} is about to run on this thread: its own invalidations
	 * and the BCAST ones wait for {@link #end}.
	 */
	public Turn begin(ClientSession s) {
		ClientTracking t = s.tracking();
		if (t != null) {
			// the previous command's own invalidations, if its event-loop task has not
			// sent them yet: they follow its reply and precede this one's
			sendOwn(s, t);
		}
		Turn turn = new Turn(s, CURRENT.get());
		CURRENT.set(turn);
		return turn;
	}

	/**
	 * Closes the command: sends the BCAST invalidations it caused, enforces
	 * tracking-table-max-keys, and hands the client's own invalidations to its event loop
	 * so they follow the reply the connection is about to write.
	 */
	public void end(Turn turn) {
		CURRENT.set(turn.previous);
		if (turn.bcastKeys != null) {
			broadcast(turn.bcastKeys, turn);
		}
		long max = maxKeys;
		if (max != 0 && table.size() > max) {
			limitUsedSlots(max, turn);
		}
		List<Reply> own = turn.own;
		List<Reply> ownBroadcast = turn.ownBroadcast;
		ClientSession s = turn.session;
		ClientTracking t = s.tracking();
		if (t == null || (own == null && ownBroadcast == null && !t.holding())) {
			return;
		}
		if (own != null) {
			t.addPending(own);
		}
		// The connection writes the reply once the command returns: the frames wait until
		// then. Those of the default mode are sent by the client's next command (before
		// its reply, as Redis sends them after each command) or by a task queued behind
		// the commands the connection read together, whichever comes first; the BCAST
		// ones only by that task, as Redis sends them once it has run what it read.
		Executor loop = ThreadExecutorMap.currentExecutor();
		Runnable send = () -> {
			sendOwn(s, t);
			if (ownBroadcast != null) {
				ownBroadcast.forEach(frame -> sendTo(s, frame));
			}
		};
		if (loop == null) {
			send.run();
		}
		else {
			loop.execute(send);
		}
	}

	private void sendOwn(ClientSession s, ClientTracking t) {
		List<Reply> frames = t.takePending();
		if (frames != null) {
			frames.forEach(frame -> sendTo(s, frame));
		}
	}

	@Override
	public void keyModified(int db, byte[] key) {
		Turn turn = CURRENT.get();
		if (!prefixes.isEmpty()) {
			if (turn != null) {
				turn.bcastKey(key);
			}
			else {
				TreeMap<ByteBuffer, @Nullable ClientSession> one = new TreeMap<>();
				one.put(ByteBuffer.wrap(key), null);
				broadcast(one, null);
			}
		}
		invalidate(key, turn);
	}

	/** Redis's trackingInvalidateKey. */
	private void invalidate(byte[] key, @Nullable Turn turn) {
		Set<Long> ids = table.remove(ByteBuffer.wrap(key));
		if (ids == null) {
			return;
		}
		items.addAndGet(-ids.size());
		if (!active && table.isEmpty()) {
			detachIfIdle();
		}
		Reply keys = Reply.array(Reply.bulk(key.clone()));
		for (Long id : ids) {
			ClientSession target = clients.apply(id);
			ClientTracking t = target == null ? null : target.tracking();
			if (target == null || t == null || !t.on || t.bcast) {
				continue;
			}
			if (turn != null && target == turn.session) {
				// NOLOOP skips the client's own changes; an eviction from the table is
				// nobody's change (Redis runs it with no current client)
				if (!t.noloop || turn.anonymous) {
					turn.own(keys);
				}
				continue;
			}
			sendOrDefer(target, t, keys);
		}
	}

	/** To another client: behind the reply it is writing, if it holds. */
	private void sendOrDefer(ClientSession target, ClientTracking t, Reply keys) {
		if (!t.deferIfHolding(keys)) {
			sendTo(target, keys);
		}
	}

	@Override
	public void databaseFlushed(int db) {
		// trackingInvalidateKeysOnFlush: every tracking client is told to drop
		// everything, and the table is reclaimed
		Turn turn = CURRENT.get();
		for (ClientSession s : trackingClients.values()) {
			if (turn != null && turn.session == s) {
				turn.own(Reply.NULL);
			}
			else {
				ClientTracking t = s.tracking();
				if (t != null) {
					sendOrDefer(s, t, Reply.NULL);
				}
			}
		}
		for (Iterator<Set<Long>> it = table.values().iterator(); it.hasNext();) {
			Set<Long> ids = it.next();
			it.remove();
			items.addAndGet(-ids.size());
		}
		if (!active) {
			detachIfIdle();
		}
	}

	/** trackingBroadcastInvalidationMessages for the keys one command modified. */
	private void broadcast(TreeMap<ByteBuffer, @Nullable ClientSession> keys, @Nullable Turn turn) {
		for (Map.Entry<ByteBuffer, Set<ClientSession>> e : prefixes.entrySet()) {
			byte[] prefix = bytes(e.getKey());
			List<Map.Entry<ByteBuffer, @Nullable ClientSession>> matching = new ArrayList<>();
			for (Map.Entry<ByteBuffer, @Nullable ClientSession> k : keys.entrySet()) {
				byte[] key = bytes(k.getKey());
				if (key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
					matching.add(k);
				}
			}
			if (matching.isEmpty()) {
				continue;
			}
			for (ClientSession target : e.getValue()) {
				ClientTracking t = target.tracking();
				if (t == null || !t.on) {
					continue;
				}
				List<Reply> items = new ArrayList<>(matching.size());
				for (Map.Entry<ByteBuffer, @Nullable ClientSession> k : matching) {
					if (!(t.noloop && k.getValue() == target)) {
						items.add(Reply.bulk(bytes(k.getKey())));
					}
				}
				if (items.isEmpty()) {
					continue;
				}
				Reply frame = Reply.array(items);
				if (turn != null && turn.session == target) {
					turn.ownBroadcast(frame);
				}
				else {
					sendOrDefer(target, t, frame);
				}
			}
		}
	}

	/**
	 * trackingLimitUsedSlots: invalidates keys picked at random until the table is back
	 * under tracking-table-max-keys, with an effort that grows while it stays over.
	 */
	private synchronized void limitUsedSlots(long max, Turn turn) {
		int effort = 100 * (overLimitRuns + 1);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (effort > 0 && table.size() > max) {
			Iterator<ByteBuffer> it = table.keySet().iterator();
			int skip = random.nextInt(Math.min(table.size(), 16));
			ByteBuffer victim = null;
			while (it.hasNext() && skip-- >= 0) {
				victim = it.next();
			}
			if (victim == null) {
				break;
			}
			// invalidated as by no client: the reader is told too, after its reply
			Turn nobody = new Turn(turn.session, null);
			nobody.anonymous = true;
			invalidate(bytes(victim), nobody);
			if (nobody.own != null) {
				turn.ownAll(nobody.own);
			}
			effort--;
		}
		overLimitRuns = table.size() > max ? overLimitRuns + 1 : 0;
	}

	/**
	 * Redis's sendTrackingMessage: {@code keys} (an array of keys, or null for a flush)
	 * to the client, or to its redirection target.
	 */
	private void sendTo(ClientSession c, Reply keys) {
		ClientTracking t = c.tracking();
		if (t == null) {
			return;
		}
		long redirect = t.redirect;
		ClientSession dest = c;
		boolean redirected = redirect != 0;
		if (redirected) {
			ClientSession target = clients.apply(redirect);
			if (target == null) {
				t.brokenRedirect = true;
				if (c.protocol() > 2) {
					push(c, new Reply.Push(List.of(REDIR_BROKEN, Reply.integer(redirect))));
				}
				return;
			}
			dest = target;
		}
		if (dest.protocol() > 2) {
			push(dest, new Reply.Push(List.of(INVALIDATE, keys)));
		}
		else if (redirected && dest.subscribed()) {
			push(dest, new Reply.Push(List.of(MESSAGE, CHANNEL, keys)));
		}
		// a RESP2 client without redirection can be sent nothing
	}

	private static void push(ClientSession c, Reply frame) {
		Subscriber sub = c.subscriber();
		if (sub != null) {
			sub.push(frame, Frames.size(frame));
		}
	}

	private static byte[] bytes(ByteBuffer b) {
		return b.array();
	}

	/**
	 * The command running on a thread while tracking is on (Redis's current_client and
	 * its pending invalidations).
	 */
	public static final class Turn {

		final ClientSession session;

		final @Nullable Turn previous;

		/** Keys the command modified, for the BCAST clients; value: who modified it. */
		@Nullable TreeMap<ByteBuffer, @Nullable ClientSession> bcastKeys;

		/** Invalidations for the client itself, sent after its reply. */
		@Nullable List<Reply> own;

		/** BCAST invalidations for the client itself, sent after its batch's replies. */
		@Nullable List<Reply> ownBroadcast;

		boolean anonymous;

		Turn(ClientSession session, @Nullable Turn previous) {
			this.session = session;
			this.previous = previous;
		}

		void bcastKey(byte[] key) {
			if (bcastKeys == null) {
				bcastKeys = new TreeMap<>((a, b) -> ClientTracking.compare(bytes(a), bytes(b)));
			}
			bcastKeys.put(ByteBuffer.wrap(key.clone()), session);
		}

		void own(Reply keys) {
			if (own == null) {
				own = new ArrayList<>(2);
			}
			own.add(keys);
		}

		void ownBroadcast(Reply keys) {
			if (ownBroadcast == null) {
				ownBroadcast = new ArrayList<>(1);
			}
			ownBroadcast.add(keys);
		}

		void ownAll(List<Reply> frames) {
			frames.forEach(this::own);
		}

	}

}

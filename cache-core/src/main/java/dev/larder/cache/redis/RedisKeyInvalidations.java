package dev.larder.cache.redis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.larder.cache.near.InvalidationListener;
import dev.larder.cache.near.KeyInvalidations;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Redis's reports of changed keys, from
 * {@code CLIENT TRACKING ON BCAST PREFIX <namespace>
 * ...} on a dedicated RESP3 connection, whose {@code invalidate} push messages name each
 * key written, deleted, expired or evicted under a registered namespace (or {@code null}
 * for a {@code FLUSHALL}/{@code FLUSHDB}, which becomes
 * {@link InvalidationListener#invalidateAll()}).
 *
 * <p>
 * <b>Why broadcasting mode, on a connection of its own.</b> In Redis's default tracking
 * mode the server remembers, per key, which clients read it, and tells a client only
 * about keys that client itself read; the reads would have to go through the tracking
 * connection, or the shared, pipelined data connection would have to send its reads with
 * {@code REDIRECT} to it and both would have to be re-paired after every reconnect, and
 * the server would hold an entry per key read in its tracking table, which when full
 * ({@code tracking-table-max-keys}) evicts entries by invalidating them. In broadcasting
 * mode the server keeps only the prefixes: it costs no server memory per key, has no
 * table to overflow, needs nothing from the data connection, and a lost connection is
 * restored by sending one command again. Its cost is that every write under a registered
 * namespace is reported, whether or not this application holds the key, and including
 * this application's own writes.
 *
 * <p>
 * <b>Losing reports.</b> Whenever the connection is lost, {@link #live()} turns false and
 * every listener is told {@link InvalidationListener#invalidateAll()}; Lettuce
 * reconnects, and only once the tracking command has been answered on the new connection
 * are the listeners told {@code invalidateAll()} again (anything may have changed
 * meanwhile) and {@code live()} turns true. A tracking command that fails or times out
 * costs the connection: it is closed (losing reports as above) and a new one opened after
 * {@link TrackingConnector#retryDelay()}, so the server's tracking state is always known.
 * So does a heartbeat {@code PING} left unanswered: a connection that silently stopped
 * carrying data (a partition without a reset, where no loss would be noticed and pushes
 * would simply stop) is given up within {@link TrackingConnector#heartbeatInterval()}
 * plus the command timeout.
 *
 * <p>
 * <b>Namespaces.</b> Each {@link #listen} whose namespace is not yet covered adds it to
 * the connection with another {@code CLIENT TRACKING ON BCAST PREFIX}, which Redis allows
 * on a connection already broadcasting as long as no two prefixes of the connection
 * overlap (one starting with another). A namespace that starts with one already tracked
 * needs nothing new; one that a tracked namespace starts with (a cache {@code a} after a
 * cache {@code a::b}) replaces the tracking: {@code OFF}, then {@code ON} with every
 * namespace, then {@code invalidateAll()}. Until Redis has answered, {@link #live()} is
 * false for every namespace (caches are registered rarely, typically at startup). A
 * closed registration's namespace stays tracked on the server until the next reconnect
 * (Redis cannot drop one prefix); its reports are dropped here.
 *
 * <p>
 * Reports are delivered on Lettuce's event loop thread, in the order Redis sent them.
 */
public final class RedisKeyInvalidations implements KeyInvalidations, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisKeyInvalidations.class);

	private final TrackingConnector connector;

	private final List<Listening> listenings = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	/** The tracking connection; guarded by {@link #lock}. */
	private @Nullable StatefulRedisConnection<String, String> connection;

	/** Whether a connect is under way; guarded by {@link #lock}. */
	private boolean connecting;

	/** Whether {@link #connection} is up; guarded by {@link #lock}. */
	private boolean connected;

	/**
	 * Bumped on every loss, so replies to an older session are ignored; guarded by
	 * {@link #lock}.
	 */
	private long session;

	/** Prefixes tracked by the server in this session; guarded by {@link #lock}. */
	private final Set<String> tracked = new HashSet<>();

	/** Whether a tracking command awaits its reply; guarded by {@link #lock}. */
	private boolean sending;

	private volatile boolean closed;

	/** Whether a failure was logged at warn level since reports last flowed. */
	private volatile boolean warned;

	private volatile boolean live;

	/** Whether the heartbeat runs (from the first connection until close). */
	private volatile boolean beating;

	public RedisKeyInvalidations(TrackingConnector connector) {
		this.connector = connector;
	}

	@Override
	public Registration listen(String keyPrefix, InvalidationListener listener) {
		Listening listening = new Listening(keyPrefix, listener);
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("The Redis backend is closed: it reports no more changed keys");
			}
			this.listenings.add(listening);
		}
		synchronize();
		return listening;
	}

	@Override
	public boolean live() {
		return this.live;
	}

	/**
	 * Stops reporting and closes the tracking connection.
	 */
	@Override
	public void close() {
		StatefulRedisConnection<String, String> current;
		synchronized (this.lock) {
			this.closed = true;
			this.live = false;
			this.listenings.clear();
			current = this.connection;
			this.connection = null;
			this.connected = false;
		}
		if (current != null) {
			current.closeAsync();
		}
	}

	/**
	 * Brings the server's tracking in line with the registered namespaces: connects if
	 * there is no connection, sends what is missing, and declares reports live once
	 * nothing is. Called whenever the namespaces, the connection or a reply change; never
	 * blocks.
	 */
	private void synchronize() {
		boolean connect = false;
		Send send = null;
		synchronized (this.lock) {
			if (this.closed || this.listenings.isEmpty()) {
				return;
			}
			StatefulRedisConnection<String, String> current = this.connection;
			if (current == null) {
				if (this.connecting) {
					return;
				}
				this.connecting = true;
				this.live = false;
				connect = true;
			}
			else {
				send = nextSend(current);
			}
		}
		if (connect) {
			connect();
		}
		else if (send != null) {
			send(send);
		}
	}

	/**
	 * The tracking command the connection needs next, or null; declares reports live when
	 * none is needed. Called with {@link #lock} held.
	 */
	private @Nullable Send nextSend(StatefulRedisConnection<String, String> current) {
		if (!this.connected || this.sending) {
			// The reconnect, or the reply awaited, calls again.
			return null;
		}
		Set<String> wanted = minimalCover(this.listenings);
		List<String> missing = wanted.stream().filter((prefix) -> !covered(prefix, this.tracked)).toList();
		if (missing.isEmpty()) {
			this.live = true;
			this.warned = false;
			return null;
		}
		this.live = false;
		boolean overlaps = missing.stream()
			.anyMatch((prefix) -> this.tracked.stream().anyMatch((tracked) -> tracked.startsWith(prefix)));
		boolean fresh = overlaps || this.tracked.isEmpty();
		if (overlaps) {
			this.tracked.clear();
		}
		this.sending = true;
		return new Send(current, this.session, overlaps, fresh, overlaps ? List.copyOf(wanted) : missing);
	}

	private void send(Send send) {
		RedisAsyncCommands<String, String> commands = send.connection().async();
		CompletableFuture<String> reply;
		try {
			TrackingArgs on = TrackingArgs.Builder.enabled().bcast().prefixes(send.prefixes().toArray(String[]::new));
			if (send.replace()) {
				CompletableFuture<String> off = commands.clientTracking(TrackingArgs.Builder.enabled(false))
					.toCompletableFuture();
				reply = off.thenCombine(commands.clientTracking(on).toCompletableFuture(), (offOk, onOk) -> onOk);
			}
			else {
				reply = commands.clientTracking(on).toCompletableFuture();
			}
		}
		catch (RuntimeException ex) {
			reply = CompletableFuture.failedFuture(ex);
		}
		// Bounded even when the client's options set no command timeout: until the reply,
		// nothing is reported.
		reply.orTimeout(this.connector.commandTimeout().toNanos(), TimeUnit.NANOSECONDS)
			.whenComplete((ok, ex) -> answered(send, ex));
	}

	private void answered(Send send, @Nullable Throwable failure) {
		synchronized (this.lock) {
			if (send.connection() != this.connection || send.session() != this.session) {
				return;
			}
			this.sending = false;
			if (failure == null) {
				this.tracked.addAll(send.prefixes());
			}
		}
		if (failure != null) {
			failed(send.connection(), "CLIENT TRACKING failed", failure);
			return;
		}
		if (send.fresh()) {
			// Nothing was reported before this reply: whatever changed is unknown.
			invalidateAll();
		}
		synchronize();
	}

	/** Checks the connection with a PING, then again after the heartbeat interval. */
	private void heartbeat() {
		StatefulRedisConnection<String, String> current;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			current = this.connected ? this.connection : null;
		}
		if (current != null) {
			CompletableFuture<String> pong;
			try {
				pong = current.async().ping().toCompletableFuture();
			}
			catch (RuntimeException ex) {
				pong = CompletableFuture.failedFuture(ex);
			}
			pong.orTimeout(this.connector.commandTimeout().toNanos(), TimeUnit.NANOSECONDS).whenComplete((ok, ex) -> {
				if (ex != null) {
					failed(current, "The Redis tracking connection did not answer PING", ex);
				}
			});
		}
		CompletableFuture.delayedExecutor(this.connector.heartbeatInterval().toNanos(), TimeUnit.NANOSECONDS)
			.execute(this::heartbeat);
	}

	private void connect() {
		CompletableFuture<StatefulRedisConnection<String, String>> attempt;
		try {
			attempt = this.connector.connectAsync();
		}
		catch (RuntimeException ex) {
			attempt = CompletableFuture.failedFuture(ex);
		}
		attempt.whenComplete(this::connected);
	}

	private void connected(@Nullable StatefulRedisConnection<String, String> opened, @Nullable Throwable failure) {
		synchronized (this.lock) {
			this.connecting = false;
			if (opened != null && !this.closed) {
				this.connection = opened;
				this.connected = true;
				this.session++;
				this.tracked.clear();
				this.sending = false;
				opened.addListener(new Reports());
				opened.addListener(new ConnectionState(opened));
			}
		}
		if (opened == null) {
			log("Could not open the Redis tracking connection", failure);
			retryLater();
			return;
		}
		if (this.closed) {
			opened.closeAsync();
			return;
		}
		if (!this.beating) {
			this.beating = true;
			heartbeat();
		}
		synchronize();
	}

	/**
	 * Gives up a connection whose tracking state is unknown: closes it, reports the loss
	 * and opens a new one later.
	 */
	private void failed(StatefulRedisConnection<String, String> failedConnection, String what,
			@Nullable Throwable failure) {
		synchronized (this.lock) {
			if (failedConnection != this.connection) {
				return;
			}
			this.connection = null;
			this.connected = false;
			this.session++;
			this.tracked.clear();
			this.sending = false;
			this.live = false;
		}
		log(what, failure);
		failedConnection.closeAsync();
		invalidateAll();
		retryLater();
	}

	private void lost(StatefulRedisConnection<String, String> lostConnection) {
		synchronized (this.lock) {
			if (lostConnection != this.connection) {
				return;
			}
			this.connected = false;
			this.session++;
			this.tracked.clear();
			this.sending = false;
			this.live = false;
		}
		logger.debug("Redis tracking connection lost; near caches cleared until it is back");
		invalidateAll();
	}

	private void reconnected(StatefulRedisConnection<String, String> reconnected) {
		synchronized (this.lock) {
			if (reconnected != this.connection) {
				return;
			}
			this.connected = true;
		}
		synchronize();
	}

	private void retryLater() {
		CompletableFuture.delayedExecutor(this.connector.retryDelay().toNanos(), TimeUnit.NANOSECONDS)
			.execute(this::synchronize);
	}

	private void log(String what, @Nullable Throwable failure) {
		String message = what + "; near caches in front of Redis bypass themselves until it succeeds"
				+ ((failure != null) ? ": " + failure : "");
		if (!this.warned) {
			this.warned = true;
			logger.warn(message);
		}
		else {
			logger.debug(message);
		}
	}

	private void invalidateAll() {
		for (Listening listening : this.listenings) {
			try {
				listening.listener.invalidateAll();
			}
			catch (RuntimeException ex) {
				logger.warn("An invalidation listener failed", ex);
			}
		}
	}

	private void invalidate(String key) {
		for (Listening listening : this.listenings) {
			if (key.startsWith(listening.prefix)) {
				try {
					listening.listener.invalidate(key);
				}
				catch (RuntimeException ex) {
					logger.warn("An invalidation listener failed", ex);
				}
			}
		}
	}

	/** The registered prefixes but those another registered prefix covers. */
	private static Set<String> minimalCover(List<Listening> listenings) {
		Set<String> prefixes = new LinkedHashSet<>();
		for (Listening listening : listenings) {
			prefixes.add(listening.prefix);
		}
		Set<String> cover = new LinkedHashSet<>();
		for (String prefix : prefixes) {
			if (!covered(prefix, without(prefixes, prefix))) {
				cover.add(prefix);
			}
		}
		return cover;
	}

	private static boolean covered(String prefix, Set<String> by) {
		for (String candidate : by) {
			if (prefix.startsWith(candidate)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> without(Set<String> prefixes, String prefix) {
		Set<String> others = new HashSet<>(prefixes);
		others.remove(prefix);
		return others;
	}

	/** A tracking command to send on a connection of a session. */
	private record Send(StatefulRedisConnection<String, String> connection, long session, boolean replace,
			boolean fresh, List<String> prefixes) {

		Send {
			prefixes = new ArrayList<>(prefixes);
		}

	}

	/** One listener's registration (identity matters: two may share a prefix). */
	private final class Listening implements Registration {

		private final String prefix;

		private final InvalidationListener listener;

		Listening(String prefix, InvalidationListener listener) {
			this.prefix = prefix;
			this.listener = listener;
		}

		@Override
		public void close() {
			RedisKeyInvalidations.this.listenings.remove(this);
		}

	}

	/** Turns {@code invalidate} push messages into reports. */
	private final class Reports implements PushListener {

		@Override
		public void onPushMessage(PushMessage message) {
			if (!"invalidate".equals(message.getType())) {
				return;
			}
			List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
			Object keys = (content.size() > 1) ? content.get(1) : null;
			if (!(keys instanceof List<?> names)) {
				// null: FLUSHALL or FLUSHDB.
				invalidateAll();
				return;
			}
			for (Object name : names) {
				if (name instanceof String key) {
					invalidate(key);
				}
			}
		}

	}

	/** Follows the connection's losses and Lettuce's reconnects. */
	private final class ConnectionState implements RedisConnectionStateListener {

		private final StatefulRedisConnection<String, String> watched;

		ConnectionState(StatefulRedisConnection<String, String> watched) {
			this.watched = watched;
		}

		@Override
		public void onRedisConnected(RedisChannelHandler<?, ?> handler, java.net.SocketAddress address) {
			reconnected(this.watched);
		}

		@Override
		public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
			lost(this.watched);
		}

	}

}

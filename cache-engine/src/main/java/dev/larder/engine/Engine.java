package dev.larder.engine;

import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import dev.larder.engine.eviction.EvictionListener;
import dev.larder.engine.events.KeyChangeListener;
import dev.larder.engine.expiry.ActiveExpiryCycle;
import dev.larder.engine.pubsub.InProcessSubscribers;
import dev.larder.engine.pubsub.MessageListener;
import dev.larder.engine.pubsub.Subscription;
import dev.larder.engine.server.RespServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The embedded Redis-compatible engine. {@link #execute(byte[]...)} runs any command
 * in-process on the caller's thread; when the config has a port, the same commands are
 * also served over RESP2/RESP3, and over TLS on its TLS port (see
 * {@link EngineConfig.Builder#tlsPort}).
 *
 * <pre>{@code
 * try (Engine engine = Engine.start(EngineConfig.defaults())) {
 *     engine.execute("SET", "user:1", "alice", "PX", "60000");
 *     Reply r = engine.execute("GET", "user:1");   // Reply.BulkString
 * }
 * }</pre>
 *
 * Thread-safe. {@code execute} always addresses database 0 with no connection state; use
 * {@link #openSession()} for SELECT, HELLO or CLIENT SETNAME that persist across calls,
 * and for WATCH. {@link #transaction} and {@link EngineSession#transaction} run commands
 * as one MULTI/EXEC transaction, atomic for their keys against every other client.
 */
public final class Engine implements AutoCloseable {

	private final EngineCore core;

	private final CommandExecutor executor;

	private final ActiveExpiryCycle expiry;

	/** Null when the engine serves in-process only. */
	private final @Nullable RespServer server;

	private final InProcessSubscribers subscribers;

	private volatile boolean closed;

	private Engine(EngineConfig config) {
		this.core = new EngineCore(config);
		this.executor = new CommandExecutor(core);
		this.expiry = new ActiveExpiryCycle(core);
		this.subscribers = new InProcessSubscribers(core.pubsub(), core.outputBufferLimits(), core::now,
				core.fatalErrors());
		if (config.activeExpiry()) {
			expiry.start();
		}
		RespServer started = null;
		if (config.hasPort() || config.hasTlsPort()) {
			try {
				started = RespServer.start(core, executor);
			}
			catch (RuntimeException e) {
				expiry.close();
				throw e;
			}
		}
		this.server = started;
	}

	/**
	 * Creates the engine and, if the config has a port, binds its RESP server before
	 * returning.
	 */
	public static Engine start(EngineConfig config) {
		return new Engine(Objects.requireNonNull(config, "config"));
	}

	/**
	 * Runs a command (name first) in database 0 and returns its reply; errors are
	 * {@link Reply.ErrorReply}.
	 */
	public Reply execute(byte[]... args) {
		if (args.length == 0) {
			throw new IllegalArgumentException("a command needs at least its name");
		}
		ClientSession session = core.newEmbeddedSession();
		Reply reply = executor.execute(session, args);
		if (session.watching()) {
			core.unregister(session); // the session ends with the call: so do its watches
		}
		return reply;
	}

	public Reply execute(List<byte[]> args) {
		return execute(args.toArray(new byte[0][]));
	}

	/** Convenience for tests and tools: arguments are encoded as UTF-8. */
	public Reply execute(String... args) {
		byte[][] bytes = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return execute(bytes);
	}

	/**
	 * A stateful in-process connection (selected database, protocol, name). Not for
	 * concurrent use.
	 */
	public EngineSession openSession() {
		return new EngineSession(core, executor, core.newEmbeddedSession());
	}

	/**
	 * Runs the commands {@code queue} issues on the session it is given as one MULTI/EXEC
	 * transaction (see {@link EngineSession#transaction}); with a fresh session, so
	 * nothing is watched and it always runs.
	 *
	 * <pre>{@code
	 * List<Reply> replies = engine.transaction(tx -> {
	 *     tx.execute("INCR", "orders");
	 *     tx.execute("LPUSH", "recent", "order:42");
	 * });
	 * }</pre>
	 * @return the replies of the queued commands, in order (a command that failed while
	 * running has its error reply there; the others still ran)
	 * @throws IllegalStateException with Redis's EXECABORT message when a command was
	 * refused while queueing (unknown, wrong number of arguments, out of memory); nothing
	 * ran
	 */
	public List<Reply> transaction(java.util.function.Consumer<EngineSession> queue) {
		try (EngineSession session = openSession()) {
			return Objects.requireNonNull(session.transaction(queue), "nothing was watched");
		}
	}

	/**
	 * Registers a listener told of every key evicted to stay under maxmemory, after its
	 * shard lock is released (for example to count evictions per cache).
	 */
	public void addEvictionListener(EvictionListener listener) {
		core.addEvictionListener(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Tells {@code listener} of every change to any key, whatever made it (commands from
	 * any client, scripts, expiry, eviction, flushes), on the thread that made it. See
	 * {@link KeyChangeListener} for what a listener may do.
	 */
	public void addKeyChangeListener(KeyChangeListener listener) {
		core.keyspace().changes().addListener(Objects.requireNonNull(listener, "listener"));
	}

	public void removeKeyChangeListener(KeyChangeListener listener) {
		core.keyspace().changes().removeListener(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Subscribes {@code listener} to channels, as SUBSCRIBE does for a connection:
	 * messages published by any client, script or keyspace notification reach it on an
	 * engine thread, in order per publisher. Close the subscription to leave.
	 */
	public Subscription subscribe(MessageListener listener, String... channels) {
		return subscribers.open(Objects.requireNonNull(listener, "listener")).subscribe(channels);
	}

	/** Subscribes {@code listener} to glob-style patterns, as PSUBSCRIBE does. */
	public Subscription psubscribe(MessageListener listener, String... patterns) {
		return subscribers.open(Objects.requireNonNull(listener, "listener")).psubscribe(patterns);
	}

	/**
	 * The RESP server's bound plain port, or -1 when the engine serves no plain RESP
	 * (in-process only, or TLS only).
	 */
	public int port() {
		return server == null ? -1 : server.port();
	}

	/** The RESP server's bound TLS port, or -1 when it has none. */
	public int tlsPort() {
		return server == null ? -1 : server.tlsPort();
	}

	public EngineConfig config() {
		return core.config();
	}

	/** Live figures for monitoring: memory, commands, clients, keyspace hits, keys. */
	public EngineFigures figures() {
		return new EngineFigures(core);
	}

	/**
	 * Runs one active-expiry cycle now (for tests that disable the background cycle);
	 * returns keys expired.
	 */
	public long expireCycle() {
		return expiry.runCycle(Long.MAX_VALUE);
	}

	/**
	 * Stops accepting connections, lets in-flight commands finish and their replies
	 * flush, stops expiry and background eviction.
	 */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		if (server != null) {
			server.close();
		}
		expiry.close();
		core.evictor().close();
		subscribers.close();
	}

	/**
	 * A stateful in-process client of the engine. Close it when done if it may have
	 * watched keys (WATCH), so the engine forgets them.
	 */
	public static final class EngineSession implements AutoCloseable {

		private final EngineCore core;

		private final CommandExecutor executor;

		private final ClientSession session;

		private EngineSession(EngineCore core, CommandExecutor executor, ClientSession session) {
			this.core = core;
			this.executor = executor;
			this.session = session;
		}

		/**
		 * Runs the commands {@code queue} issues on this session as one MULTI/EXEC
		 * transaction: {@code queue} calls {@link #execute} (each answers QUEUED), then
		 * EXEC runs them all at once, atomically for their keys. Keys watched before with
		 * {@code execute("WATCH", ...)} make it a check-and-set:
		 *
		 * <pre>{@code
		 * try (EngineSession s = engine.openSession()) {
		 *     List<Reply> done;
		 *     do {
		 *         s.execute("WATCH", "stock");
		 *         long left = Long.parseLong(((Reply.BulkString) s.execute("GET", "stock")).asString());
		 *         done = s.transaction(tx -> tx.execute("SET", "stock", Long.toString(left - 1)));
		 *     } while (done == null);
		 * }
		 * }</pre>
		 *
		 * If {@code queue} throws, the transaction is discarded and the exception
		 * rethrown.
		 * @return the replies of the queued commands in order (errors of commands that
		 * failed while running included: the others still ran), or null when a watched
		 * key changed since WATCH, so that nothing ran
		 * @throws IllegalStateException with Redis's EXECABORT message when a command was
		 * refused while queueing, or MULTI's error inside a transaction
		 */
		public @Nullable List<Reply> transaction(java.util.function.Consumer<EngineSession> queue) {
			if (execute("MULTI") instanceof Reply.ErrorReply e) {
				throw new IllegalStateException(e.message());
			}
			try {
				queue.accept(this);
			}
			catch (RuntimeException | Error e) {
				if (session.inMulti()) {
					execute("DISCARD");
				}
				throw e;
			}
			Reply exec = execute("EXEC");
			if (exec instanceof Reply.ErrorReply e) {
				throw new IllegalStateException(e.message());
			}
			return exec instanceof Reply.ArrayReply a ? a.items() : null;
		}

		/** Discards an open transaction and forgets the watched keys. */
		@Override
		public void close() {
			core.unregister(session);
		}

		public Reply execute(byte[]... args) {
			if (args.length == 0) {
				throw new IllegalArgumentException("a command needs at least its name");
			}
			return executor.execute(session, args);
		}

		public Reply execute(String... args) {
			byte[][] bytes = new byte[args.length][];
			for (int i = 0; i < args.length; i++) {
				bytes[i] = args[i].getBytes(StandardCharsets.UTF_8);
			}
			return execute(bytes);
		}

		/** The database SELECT chose. */
		public int database() {
			return session.db();
		}

		/** 2 or 3, as set by HELLO; decides shapes such as HRANDFIELD WITHVALUES. */
		public int protocol() {
			return session.protocol();
		}

	}

}

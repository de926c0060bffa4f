package dev.larder.engine.command;

import dev.larder.engine.pubsub.ClientSubscriptions;
import dev.larder.engine.pubsub.Subscriber;
import org.jspecify.annotations.Nullable;

/**
 * Per-connection state (Redis's client struct): selected database, protocol version,
 * authentication, name. Owned by one thread at a time (a Netty event loop or an
 * in-process caller); the fields CLIENT LIST reads from other threads are volatile,
 * except the two written for every command or read, which use opaque access: a volatile
 * write is a full fence on x86, and CLIENT LIST only needs a recent value.
 */
public final class ClientSession {

	private final long id;

	private final long createdMillis;

	private final String address;

	private final String localAddress;

	private volatile int db;

	private volatile int protocol = 2;

	private volatile boolean authenticated;

	/** The ACL user; null for in-process sessions, which may run anything. */
	private volatile dev.larder.engine.acl.@Nullable AclUser user;

	/** Null until CLIENT SETNAME (or HELLO SETNAME) names the connection. */
	private volatile @Nullable String name;

	/** Null until CLIENT SETINFO sets them. */
	private volatile @Nullable String libName;

	private volatile @Nullable String libVersion;

	private static final java.lang.invoke.VarHandle LAST_INTERACTION;

	private static final java.lang.invoke.VarHandle LAST_COMMAND;

	static {
		try {
			var lookup = java.lang.invoke.MethodHandles.lookup();
			LAST_INTERACTION = lookup.findVarHandle(ClientSession.class, "lastInteractionMillis", long.class);
			LAST_COMMAND = lookup.findVarHandle(ClientSession.class, "lastCommand", String.class);
		}
		catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private long lastInteractionMillis;

	private String lastCommand = "NULL";

	private boolean closeRequested;

	private volatile Blocking.@Nullable Client blockClient;

	private boolean noBlock;

	/** The session a Lua script's redis.call runs in (Redis's CLIENT_SCRIPT). */
	private boolean script;

	private Blocking.@Nullable Waiter parked;

	/** Between MULTI and EXEC or DISCARD (CLIENT_MULTI); null otherwise. */
	private volatile @Nullable MultiState multi;

	/** Null until the client first watches a key. */
	private volatile @Nullable SessionWatches watches;

	/** Where pushed frames go; null for in-process sessions. */
	private volatile @Nullable Subscriber subscriber;

	/** Made at the first (UN)SUBSCRIBE: most sessions never need one. */
	private volatile @Nullable ClientSubscriptions subscriptions;

	private final ClientControl control = new ClientControl();

	/** Null until CLIENT TRACKING first runs (CLIENT TRACKING's state). */
	private volatile dev.larder.engine.tracking.@Nullable ClientTracking tracking;

	/** In MONITOR mode (CLIENT_MONITOR, CLIENT LIST's flag O). */
	private volatile boolean monitoring;

	/** This monitor's lines about its own command, written after that command's reply. */
	private java.util.@Nullable List<dev.larder.engine.Reply> afterReply;

	public ClientSession(long id, boolean authenticated, String address, String localAddress, long nowMillis) {
		this.id = id;
		this.authenticated = authenticated;
		this.address = address;
		this.localAddress = localAddress;
		this.createdMillis = nowMillis;
		LAST_INTERACTION.setOpaque(this, nowMillis);
	}

	public long id() {
		return id;
	}

	/** Whether this is a script's session (Redis's CLIENT_SCRIPT flag). */
	public boolean script() {
		return script;
	}

	/** Marks the session a script's commands run in. */
	public void script(boolean script) {
		this.script = script;
	}

	/** CLIENT's controls and what CLIENT LIST shows of the connection. */
	public ClientControl control() {
		return control;
	}

	public int db() {
		return db;
	}

	public void db(int db) {
		this.db = db;
	}

	/** 2 or 3, switched by HELLO. */
	public int protocol() {
		return protocol;
	}

	public void protocol(int protocol) {
		this.protocol = protocol;
	}

	public boolean authenticated() {
		return authenticated;
	}

	public void authenticated(boolean authenticated) {
		this.authenticated = authenticated;
	}

	/** The ACL user the session runs as; null for a trusted in-process session. */
	public dev.larder.engine.acl.@Nullable AclUser user() {
		return user;
	}

	public void user(dev.larder.engine.acl.@Nullable AclUser user) {
		this.user = user;
	}

	/** The connection's name, or null when it has none. */
	public @Nullable String name() {
		return name;
	}

	public void name(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String libName() {
		return libName;
	}

	public void libName(@Nullable String libName) {
		this.libName = libName;
	}

	public @Nullable String libVersion() {
		return libVersion;
	}

	public void libVersion(@Nullable String libVersion) {
		this.libVersion = libVersion;
	}

	public String address() {
		return address;
	}

	public String localAddress() {
		return localAddress;
	}

	public long createdMillis() {
		return createdMillis;
	}

	public long lastInteractionMillis() {
		return (long) LAST_INTERACTION.getOpaque(this);
	}

	public String lastCommand() {
		return (String) LAST_COMMAND.getOpaque(this);
	}

	/**
	 * The client sent something (a read of its connection, not every command: CLIENT
	 * LIST's idle is in seconds).
	 */
	public void interacted(long nowMillis) {
		LAST_INTERACTION.setOpaque(this, nowMillis);
	}

	/** CLIENT LIST's cmd=: set for every command, refused ones too (Redis's lastcmd). */
	public void ran(String command) {
		LAST_COMMAND.setOpaque(this, command);
	}

	/** Set by QUIT: the server closes the connection once the reply is written. */
	public boolean closeRequested() {
		return closeRequested;
	}

	public void requestClose() {
		this.closeRequested = true;
	}

	/**
	 * The connection that can park this client's blocking commands; null for in-process
	 * sessions.
	 */
	public Blocking.@Nullable Client blockClient() {
		return blockClient;
	}

	/** Sets, or with null clears, the connection that can park this client. */
	public void blockClient(Blocking.@Nullable Client client) {
		this.blockClient = client;
	}

	/**
	 * True when a blocking command may park: a RESP connection, and not while a parked
	 * command is re-run.
	 */
	boolean canBlock() {
		return blockClient != null && !noBlock;
	}

	boolean noBlock() {
		return noBlock;
	}

	void noBlock(boolean noBlock) {
		this.noBlock = noBlock;
	}

	void parked(Blocking.Waiter w) {
		this.parked = w;
	}

	/**
	 * The waiter the last command parked (once), so the connection can arm its timeout;
	 * null when it parked none.
	 */
	public Blocking.@Nullable Waiter takeParked() {
		Blocking.Waiter w = parked;
		parked = null;
		return w;
	}

	/** Whether the client is between MULTI and EXEC (CLIENT LIST's flag x). */
	public boolean inMulti() {
		return multi != null;
	}

	/**
	 * CLIENT LIST's multi= field: the number of commands queued since MULTI, or -1
	 * outside a transaction.
	 */
	public int queuedCommands() {
		MultiState m = multi;
		return m == null ? -1 : m.count();
	}

	/**
	 * Whether a key this client watches changed, so its EXEC will fail (CLIENT_DIRTY_CAS,
	 * CLIENT LIST's flag d).
	 */
	public boolean watchDirty() {
		SessionWatches w = watches;
		return w != null && w.dirty;
	}

	/** Whether the client watches any key (on the client's own thread). */
	public boolean watching() {
		SessionWatches w = watches;
		return w != null && !w.keys.isEmpty();
	}

	@Nullable MultiState multi() {
		return multi;
	}

	void multi(@Nullable MultiState multi) {
		this.multi = multi;
	}

	/** The client's watches, made on first use. */
	SessionWatches watches() {
		SessionWatches w = watches;
		if (w == null) {
			w = new SessionWatches();
			watches = w;
		}
		return w;
	}

	/** The client's watches, or null if it never watched a key. */
	@Nullable SessionWatches watchesIfAny() {
		return watches;
	}

	/**
	 * The connection's push channel (pub/sub messages, and the path for invalidations and
	 * MONITOR); null for in-process sessions.
	 */
	public @Nullable Subscriber subscriber() {
		return subscriber;
	}

	public void subscriber(@Nullable Subscriber subscriber) {
		this.subscriber = subscriber;
	}

	public boolean monitoring() {
		return monitoring;
	}

	void monitoring(boolean monitoring) {
		this.monitoring = monitoring;
	}

	/** Queues a frame for the connection to push once the current reply is written. */
	void pushAfterReply(dev.larder.engine.Reply frame) {
		if (afterReply == null) {
			afterReply = new java.util.ArrayList<>(2);
		}
		afterReply.add(frame);
	}

	/** The frames to push after the reply just written, once; null when none. */
	public java.util.@Nullable List<dev.larder.engine.Reply> takeAfterReply() {
		var frames = afterReply;
		afterReply = null;
		return frames;
	}

	/** This client's channels and patterns (made on first use). */
	public ClientSubscriptions subscriptions() {
		ClientSubscriptions s = subscriptions;
		if (s == null) {
			s = new ClientSubscriptions();
			subscriptions = s;
		}
		return s;
	}

	/** This client's channels and patterns, or null if it never subscribed. */
	public @Nullable ClientSubscriptions subscriptionsIfAny() {
		return subscriptions;
	}

	/** In the pub/sub context (Redis's CLIENT_PUBSUB flag): subscribed to anything. */
	public boolean subscribed() {
		ClientSubscriptions s = subscriptions;
		return s != null && s.active();
	}

	/**
	 * Output not yet sent to the client: pushed frames queued or written but unsent
	 * (CLIENT LIST's omem).
	 */
	public long pendingOutputBytes() {
		Subscriber s = subscriber;
		return s == null ? 0 : s.pendingBytes();
	}

	/** The client's tracking mode, or null if it never ran CLIENT TRACKING. */
	public dev.larder.engine.tracking.@Nullable ClientTracking tracking() {
		return tracking;
	}

	/** The client's tracking mode, made on first use. */
	public dev.larder.engine.tracking.ClientTracking trackingState() {
		dev.larder.engine.tracking.ClientTracking t = tracking;
		if (t == null) {
			t = new dev.larder.engine.tracking.ClientTracking();
			tracking = t;
		}
		return t;
	}

}

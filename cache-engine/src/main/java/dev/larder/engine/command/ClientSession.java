package dev.larder.engine.command;

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

	private volatile String name;

	private volatile String libName;

	private volatile String libVersion;

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

	private volatile Blocking.Client blockClient;

	private boolean noBlock;

	private Blocking.Waiter parked;

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

	public String name() {
		return name;
	}

	public void name(String name) {
		this.name = name;
	}

	public String libName() {
		return libName;
	}

	public void libName(String libName) {
		this.libName = libName;
	}

	public String libVersion() {
		return libVersion;
	}

	public void libVersion(String libVersion) {
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

	void ran(String command) {
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
	public Blocking.Client blockClient() {
		return blockClient;
	}

	public void blockClient(Blocking.Client client) {
		this.blockClient = client;
	}

	/**
	 * True when a blocking command may park: a RESP connection, and not while a parked
	 * command is re-run.
	 */
	boolean canBlock() {
		return blockClient != null && !noBlock;
	}

	void noBlock(boolean noBlock) {
		this.noBlock = noBlock;
	}

	void parked(Blocking.Waiter w) {
		this.parked = w;
	}

	/**
	 * The waiter the last command parked (once), so the connection can arm its timeout.
	 */
	public Blocking.Waiter takeParked() {
		Blocking.Waiter w = parked;
		parked = null;
		return w;
	}

}

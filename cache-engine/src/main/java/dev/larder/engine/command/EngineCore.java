package dev.larder.engine.command;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.FatalErrors;
import dev.larder.engine.acl.Acl;
import dev.larder.engine.acl.AclCommands;
import dev.larder.engine.config.ConfigCommands;
import dev.larder.engine.config.ConfigTable;
import dev.larder.engine.config.RedisParameters;
import dev.larder.engine.eviction.EvictionListener;
import dev.larder.engine.eviction.EvictionSettings;
import dev.larder.engine.eviction.Evictor;
import dev.larder.engine.keyspace.EncodingLimits;
import dev.larder.engine.keyspace.EngineStats;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.pubsub.KeyspaceNotifier;
import dev.larder.engine.pubsub.OutputBufferLimits;
import dev.larder.engine.pubsub.PubSub;
import dev.larder.engine.pubsub.PubSubCommands;
import dev.larder.engine.scripting.FunctionCommands;
import dev.larder.engine.scripting.ScriptCommands;
import dev.larder.engine.scripting.Scripting;
import dev.larder.engine.tracking.ClientTracking;
import dev.larder.engine.tracking.Tracking;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * State shared by all commands: the keyspace, the command table, counters, connected
 * clients and the settings CONFIG SET may change at run time.
 */
public final class EngineCore {

	private final EngineConfig config;

	private final Keyspace keyspace;

	private final EngineStats stats = new EngineStats();

	private final CommandTable table = new CommandTable();

	private final Blocking blocking = new Blocking();

	private final EngineMemory memory;

	private final EvictionSettings eviction;

	private final EncodingLimits encodingLimits = new EncodingLimits();

	private final List<EvictionListener> evictionListeners = new CopyOnWriteArrayList<>();

	private final Evictor evictor;

	private final PubSub pubsub = new PubSub();

	private final OutputBufferLimits outputBufferLimits = new OutputBufferLimits();

	private final Map<Long, ClientSession> clients = new ConcurrentHashMap<>();

	private final Tracking tracking;

	private final AtomicLong nextClientId = new AtomicLong();

	/** The password AUTH requires; null when none is required. */
	private volatile @Nullable String requirePass;

	private volatile long protoMaxBulkLen;

	private volatile long clientQueryBufferLimit;

	private volatile int hz;

	private volatile int boundPort;

	private volatile int boundTlsPort;

	private volatile boolean protectedMode;

	private final Scripting scripting;

	private final Transactions transactions;

	private final Introspection introspection;

	private final Monitors monitors = new Monitors();

	private final ConfigTable parameters;

	private final Acl acl;

	// Set by the CommandExecutor made for this core, in its constructor, before any
	// command runs: commands, and so scripts, run only through it.
	@SuppressWarnings("NullAway.Init")
	private CommandExecutor executor;

	private final FatalErrors fatalErrors;

	private final DebugSettings debug = new DebugSettings();

	public EngineCore(EngineConfig config) {
		this.config = config;
		this.keyspace = new Keyspace(config.shards(), config.databases(), config.clock(), stats);
		this.memory = new EngineMemory(keyspace);
		this.eviction = new EvictionSettings(config);
		this.fatalErrors = FatalErrors.of(config);
		this.evictor = new Evictor(keyspace, eviction, stats, evictionListeners, memory::usedForEviction, memory::used,
				fatalErrors);
		this.requirePass = config.requirePass();
		this.protoMaxBulkLen = config.protoMaxBulkLen();
		this.clientQueryBufferLimit = config.clientQueryBufferLimit();
		this.hz = config.hz();
		this.introspection = new Introspection(this, (task, delay) -> evictor.schedule(task, delay));
		this.boundPort = config.hasPort() ? config.port() : 0;
		StringCommands.register(table);
		KeyCommands.register(table);
		HashCommands.register(table);
		ListCommands.register(table);
		SetCommands.register(table);
		ZSetCommands.register(table);
		BitmapCommands.register(table);
		GeoCommands.register(table);
		HyperLogLogCommands.register(table);
		SortCommands.register(table);
		DumpCommands.register(table);
		StreamCommands.register(table);
		StandaloneServerCommands.register(table);
		DebugCommands.register(table);
		PersistenceCommands.register(table);
		ConnectionCommands.register(table);
		ServerCommands.register(table);
		ConfigCommands.register(table);
		MemoryCommands.register(table);
		CommandIntrospection.register(table);
		this.transactions = new Transactions(this);
		transactions.register(table);
		this.scripting = new Scripting(config);
		ScriptCommands.register(table);
		FunctionCommands.register(table);
		PubSubCommands.register(table);
		this.tracking = new Tracking(keyspace.changes(), clients::get);
		ClientTrackingCommands.register(table);
		AclCommands.register(table);
		table.verify();
		config.renamedCommands().forEach(table::rename);
		this.protectedMode = config.protectedMode();
		this.acl = new Acl(table, clients::values, ClientInfo::line, this::now, pubsub);
		acl.defaultPassword(requirePass);
		acl.configure(config.users());
		keyspace.changes().sink(new KeyspaceNotifier(pubsub));
		// last: its parameters read and write the settings above
		this.parameters = RedisParameters.table(this);
		dev.larder.engine.config.StartupParameters.apply(parameters, config.parameters());
		evictor.scheduleAtFixedRate(new ServerCron(this), ServerCron.PERIOD_MILLIS);
	}

	/** What DEBUG switches: active expiry, the cron, scripts' noscript check. */
	public DebugSettings debug() {
		return debug;
	}

	/** Where the engine's threads report errors they cannot handle. */
	public FatalErrors fatalErrors() {
		return fatalErrors;
	}

	/** Users, permissions and the ACL log. */
	public Acl acl() {
		return acl;
	}

	/** The parameters of CONFIG GET and SET, bound to this core's settings. */
	public ConfigTable parameters() {
		return parameters;
	}

	/**
	 * Command, error and latency statistics, the slow log, CLIENT PAUSE and the client
	 * limits.
	 */
	public Introspection introspection() {
		return introspection;
	}

	/** The script cache and Lua runtimes of EVAL. */
	public Scripting scripting() {
		return scripting;
	}

	/** MULTI/EXEC state and the table of watched keys. */
	/** The clients in MONITOR mode. */
	public Monitors monitors() {
		return monitors;
	}

	Transactions transactions() {
		return transactions;
	}

	/** The executor serving this core (scripts run their redis.call through it). */
	public CommandExecutor executor() {
		return executor;
	}

	void executor(CommandExecutor executor) {
		this.executor = executor;
	}

	/** The channels and patterns clients subscribe to. */
	public PubSub pubsub() {
		return pubsub;
	}

	/** client-output-buffer-limit, as CONFIG SET leaves it. */
	public OutputBufferLimits outputBufferLimits() {
		return outputBufferLimits;
	}

	public EngineConfig config() {
		return config;
	}

	public Keyspace keyspace() {
		return keyspace;
	}

	public Blocking blocking() {
		return blocking;
	}

	/** The memory figures of INFO memory and MEMORY, and what eviction reads. */
	public EngineMemory memory() {
		return memory;
	}

	/** maxmemory and the settings of eviction, as CONFIG SET leaves them. */
	public EvictionSettings eviction() {
		return eviction;
	}

	/** What frees memory over maxmemory. */
	public Evictor evictor() {
		return evictor;
	}

	/**
	 * The sizes up to which new and growing collections keep their compact encodings, as
	 * CONFIG SET leaves them.
	 */
	public EncodingLimits encodingLimits() {
		return encodingLimits;
	}

	public void addEvictionListener(EvictionListener listener) {
		evictionListeners.add(listener);
	}

	/** The listeners told of each evicted key, in the order they were added. */
	public List<EvictionListener> evictionListeners() {
		return evictionListeners;
	}

	public EngineStats stats() {
		return stats;
	}

	public CommandTable table() {
		return table;
	}

	public long now() {
		return config.clock().millis();
	}

	/**
	 * A new session, as the default user: authenticated only when that user is on and
	 * nopass (Redis's createClient).
	 */
	public ClientSession newSession(String address, String localAddress) {
		ClientSession s = new ClientSession(nextClientId.incrementAndGet(), acl.defaultUserOpen(), address,
				localAddress, now());
		s.user(acl.defaultUser());
		return s;
	}

	/**
	 * A session for in-process callers: trusted, so authenticated whatever requirepass
	 * says.
	 */
	public ClientSession newEmbeddedSession() {
		return new ClientSession(nextClientId.incrementAndGet(), true, "embedded", "embedded", now());
	}

	/** Makes a connected client visible to CLIENT LIST and INFO clients. */
	public void register(ClientSession s) {
		clients.put(s.id(), s);
		stats.connectedClients.incrementAndGet();
		stats.connectionsReceived.increment();
	}

	public void unregister(ClientSession s) {
		monitors.remove(s);
		transactions.forget(s);
		ClientTracking t = s.tracking();
		if (t != null) {
			tracking.disable(s, t);
		}
		if (clients.remove(s.id()) != null) {
			stats.connectedClients.decrementAndGet();
		}
	}

	/** Client-side caching: the tracking and prefix tables. */
	public Tracking tracking() {
		return tracking;
	}

	/** The connected client with this id, or null (Redis's lookupClientByID). */
	public @Nullable ClientSession client(long id) {
		return clients.get(id);
	}

	public Iterable<ClientSession> clients() {
		return clients.values();
	}

	public @Nullable String requirePass() {
		return requirePass;
	}

	/** Sets the password AUTH requires; null or empty requires none. */
	public void requirePass(@Nullable String requirePass) {
		this.requirePass = requirePass == null || requirePass.isEmpty() ? null : requirePass;
		acl.defaultPassword(this.requirePass);
	}

	public long protoMaxBulkLen() {
		return protoMaxBulkLen;
	}

	public void protoMaxBulkLen(long protoMaxBulkLen) {
		this.protoMaxBulkLen = protoMaxBulkLen;
	}

	/**
	 * Per-connection cap on buffered, not yet executed input (client-query-buffer-limit).
	 */
	public long clientQueryBufferLimit() {
		return clientQueryBufferLimit;
	}

	public void clientQueryBufferLimit(long bytes) {
		this.clientQueryBufferLimit = bytes;
	}

	public int hz() {
		return hz;
	}

	public void hz(int hz) {
		this.hz = hz;
	}

	public int boundPort() {
		return boundPort;
	}

	public void boundPort(int boundPort) {
		this.boundPort = boundPort;
	}

	/** The TLS listener's port (CONFIG GET tls-port); 0 when there is none. */
	public int boundTlsPort() {
		return boundTlsPort;
	}

	public void boundTlsPort(int boundTlsPort) {
		this.boundTlsPort = boundTlsPort;
	}

	/** Redis's protected-mode, as CONFIG SET left it. */
	public boolean protectedMode() {
		return protectedMode;
	}

	public void protectedMode(boolean protectedMode) {
		this.protectedMode = protectedMode;
	}

}

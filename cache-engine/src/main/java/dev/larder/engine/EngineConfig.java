package dev.larder.engine;

import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.tls.TlsSettings;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Immutable engine settings. Defaults follow Redis's where Redis has one (16 databases,
 * 512 MB bulk strings, 64 KB inline commands, hz 10, 20 keys sampled per expiry loop, 10%
 * acceptable stale keys, no maxmemory and the noeviction policy).
 */
public final class EngineConfig {

	/** No RESP server: in-process use only. */
	public static final int NO_PORT = -1;

	private final int port;

	private final String bind;

	private final @Nullable String requirePass;

	private final List<String> users;

	private final int databases;

	private final int shards;

	private final long protoMaxBulkLen;

	private final int maxInlineLength;

	private final int maxMultibulkLength;

	private final long clientQueryBufferLimit;

	private final boolean activeExpiry;

	private final int hz;

	private final int activeExpireKeysPerLoop;

	private final int activeExpireAcceptableStalePercent;

	private final int activeExpireCycleBudgetPercent;

	private final int ioThreads;

	private final EngineClock clock;

	private final long scriptTimeLimitMillis;

	private final long maxmemory;

	private final EvictionPolicy maxmemoryPolicy;

	private final int maxmemorySamples;

	private final int maxmemoryEvictionTenacity;

	private final int lfuLogFactor;

	private final int lfuDecayTime;

	private final int tlsPort;

	private final @Nullable TlsSettings tls;

	private final boolean protectedMode;

	private final Map<String, String> renamedCommands;

	private final Map<String, String> parameters;

	private final boolean haltOnFatalError;

	private EngineConfig(Builder b) {
		this.port = b.port;
		this.bind = b.bind;
		this.requirePass = b.requirePass;
		this.users = b.users;
		this.databases = b.databases;
		this.shards = b.shards > 0 ? b.shards : defaultShards();
		this.protoMaxBulkLen = b.protoMaxBulkLen;
		this.maxInlineLength = b.maxInlineLength;
		this.maxMultibulkLength = b.maxMultibulkLength;
		this.clientQueryBufferLimit = b.clientQueryBufferLimit;
		this.activeExpiry = b.activeExpiry;
		this.hz = b.hz;
		this.activeExpireKeysPerLoop = b.activeExpireKeysPerLoop;
		this.activeExpireAcceptableStalePercent = b.activeExpireAcceptableStalePercent;
		this.activeExpireCycleBudgetPercent = b.activeExpireCycleBudgetPercent;
		this.ioThreads = b.ioThreads > 0 ? b.ioThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
		this.clock = b.clock;
		this.scriptTimeLimitMillis = b.scriptTimeLimitMillis;
		this.maxmemory = b.maxmemory;
		this.maxmemoryPolicy = b.maxmemoryPolicy;
		this.maxmemorySamples = b.maxmemorySamples;
		this.maxmemoryEvictionTenacity = b.maxmemoryEvictionTenacity;
		this.lfuLogFactor = b.lfuLogFactor;
		this.lfuDecayTime = b.lfuDecayTime;
		this.tlsPort = b.tlsPort;
		this.tls = b.tls;
		this.protectedMode = b.protectedMode;
		this.renamedCommands = Collections.unmodifiableMap(new LinkedHashMap<>(b.renamedCommands));
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
		if (tlsPort != NO_PORT && tls == null) {
			throw new IllegalArgumentException("a TLS port needs TLS settings (keys and trust)");
		}
		this.haltOnFatalError = b.haltOnFatalError;
	}

	public static Builder builder() {
		return new Builder();
	}

	public static EngineConfig defaults() {
		return builder().build();
	}

	/**
	 * Enough shards that threads on all cores rarely meet on one lock: 16 per core,
	 * rounded to a power of two.
	 */
	private static int defaultShards() {
		int wanted = Runtime.getRuntime().availableProcessors() * 16;
		return Math.min(1 << 12, Integer.highestOneBit(wanted - 1) << 1);
	}

	public int port() {
		return port;
	}

	public boolean hasPort() {
		return port != NO_PORT;
	}

	public String bind() {
		return bind;
	}

	/** The password clients must AUTH with, or null when none is required. */
	public @Nullable String requirePass() {
		return requirePass;
	}

	/**
	 * ACL users, each a line as Redis's {@code user} directive without the word "user":
	 * the name, then rules ("alice on >secret ~cache:* +@read +@write").
	 */
	public List<String> users() {
		return users;
	}

	public int databases() {
		return databases;
	}

	public int shards() {
		return shards;
	}

	public long protoMaxBulkLen() {
		return protoMaxBulkLen;
	}

	public int maxInlineLength() {
		return maxInlineLength;
	}

	public int maxMultibulkLength() {
		return maxMultibulkLength;
	}

	public long clientQueryBufferLimit() {
		return clientQueryBufferLimit;
	}

	public boolean activeExpiry() {
		return activeExpiry;
	}

	public int hz() {
		return hz;
	}

	public int activeExpireKeysPerLoop() {
		return activeExpireKeysPerLoop;
	}

	public int activeExpireAcceptableStalePercent() {
		return activeExpireAcceptableStalePercent;
	}

	public int activeExpireCycleBudgetPercent() {
		return activeExpireCycleBudgetPercent;
	}

	public int ioThreads() {
		return ioThreads;
	}

	public EngineClock clock() {
		return clock;
	}

	/**
	 * How long a Lua script may run before it is aborted with an error reply; 0 means no
	 * limit. Like Redis's lua-time-limit (5 s), except that Redis only starts answering
	 * BUSY then, while the engine stops the script so that the shards it locked are
	 * released.
	 */
	public long scriptTimeLimitMillis() {
		return scriptTimeLimitMillis;
	}

	/** The memory budget in bytes (Redis's maxmemory); 0 for none. */
	public long maxmemory() {
		return maxmemory;
	}

	public EvictionPolicy maxmemoryPolicy() {
		return maxmemoryPolicy;
	}

	public int maxmemorySamples() {
		return maxmemorySamples;
	}

	public int maxmemoryEvictionTenacity() {
		return maxmemoryEvictionTenacity;
	}

	public int lfuLogFactor() {
		return lfuLogFactor;
	}

	public int lfuDecayTime() {
		return lfuDecayTime;
	}

	/** The TLS port of the RESP server, or {@link #NO_PORT} for none. */
	public int tlsPort() {
		return tlsPort;
	}

	public boolean hasTlsPort() {
		return tlsPort != NO_PORT;
	}

	/** How the TLS port authenticates; null when there is no TLS port. */
	public @Nullable TlsSettings tls() {
		return tls;
	}

	/**
	 * Redis's protected-mode at start-up: with no password, clients from non-loopback
	 * addresses are refused.
	 */
	public boolean protectedMode() {
		return protectedMode;
	}

	/**
	 * Commands renamed as Redis's rename-command does, lower-cased old name to new name;
	 * an empty new name disables the command.
	 */
	public Map<String, String> renamedCommands() {
		return renamedCommands;
	}

	/**
	 * Redis configuration parameters set at start-up, by their CONFIG names, in the order
	 * given: applied once the engine's parameters exist, as a redis.conf line or a
	 * {@code --name value} argument is, so the immutable ones (enable-debug-command,
	 * enable-protected-configs, enable-module-command, ...) can be set here and only
	 * here.
	 */
	public Map<String, String> parameters() {
		return parameters;
	}

	/**
	 * Whether a {@link VirtualMachineError} in an engine thread halts the JVM (the
	 * standalone server) or is logged and survived (embedded: the JVM is the
	 * application's). See {@link FatalErrors}.
	 */
	public boolean haltOnFatalError() {
		return haltOnFatalError;
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.port = port;
		b.bind = bind;
		b.requirePass = requirePass;
		b.users = users;
		b.databases = databases;
		b.shards = shards;
		b.protoMaxBulkLen = protoMaxBulkLen;
		b.maxInlineLength = maxInlineLength;
		b.maxMultibulkLength = maxMultibulkLength;
		b.clientQueryBufferLimit = clientQueryBufferLimit;
		b.activeExpiry = activeExpiry;
		b.hz = hz;
		b.activeExpireKeysPerLoop = activeExpireKeysPerLoop;
		b.activeExpireAcceptableStalePercent = activeExpireAcceptableStalePercent;
		b.activeExpireCycleBudgetPercent = activeExpireCycleBudgetPercent;
		b.ioThreads = ioThreads;
		b.clock = clock;
		b.scriptTimeLimitMillis = scriptTimeLimitMillis;
		b.maxmemory = maxmemory;
		b.maxmemoryPolicy = maxmemoryPolicy;
		b.maxmemorySamples = maxmemorySamples;
		b.maxmemoryEvictionTenacity = maxmemoryEvictionTenacity;
		b.lfuLogFactor = lfuLogFactor;
		b.lfuDecayTime = lfuDecayTime;
		b.tlsPort = tlsPort;
		b.tls = tls;
		b.protectedMode = protectedMode;
		b.renamedCommands.putAll(renamedCommands);
		b.parameters.putAll(parameters);
		b.haltOnFatalError = haltOnFatalError;
		return b;
	}

	public static final class Builder {

		private int port = NO_PORT;

		private String bind = "127.0.0.1";

		private @Nullable String requirePass;

		private List<String> users = List.of();

		private int databases = 16;

		private int shards;

		private long protoMaxBulkLen = 512L * 1024 * 1024;

		private int maxInlineLength = 64 * 1024;

		private int maxMultibulkLength = Integer.MAX_VALUE;

		private long clientQueryBufferLimit = 1024L * 1024 * 1024;

		private boolean activeExpiry = true;

		private int hz = 10;

		private int activeExpireKeysPerLoop = 20;

		private int activeExpireAcceptableStalePercent = 10;

		private int activeExpireCycleBudgetPercent = 25;

		private int ioThreads;

		private EngineClock clock = EngineClock.SYSTEM;

		private long scriptTimeLimitMillis = 5000;

		private long maxmemory;

		private EvictionPolicy maxmemoryPolicy = EvictionPolicy.NOEVICTION;

		private int maxmemorySamples = 5;

		private int maxmemoryEvictionTenacity = 10;

		private int lfuLogFactor = 10;

		private int lfuDecayTime = 1;

		private int tlsPort = NO_PORT;

		private @Nullable TlsSettings tls;

		private boolean protectedMode = true;

		private final Map<String, String> renamedCommands = new LinkedHashMap<>();

		private final Map<String, String> parameters = new LinkedHashMap<>();

		private boolean haltOnFatalError;

		private Builder() {
		}

		/**
		 * TCP port of the RESP server; 0 picks a free port (read it back with
		 * {@link Engine#port()}).
		 */
		public Builder port(int port) {
			if (port < 0 && port != NO_PORT || port > 65535) {
				throw new IllegalArgumentException("port out of range: " + port);
			}
			this.port = port;
			return this;
		}

		public Builder bind(String bind) {
			this.bind = Objects.requireNonNull(bind, "bind");
			return this;
		}

		public Builder requirePass(@Nullable String requirePass) {
			this.requirePass = requirePass == null || requirePass.isEmpty() ? null : requirePass;
			return this;
		}

		/**
		 * ACL users, as Redis's {@code user} directives without the word "user": "alice
		 * on >secret ~cache:* +@read +@write". A line for "default" replaces the default
		 * user's rules. The engine fails to start on a bad rule.
		 */
		public Builder users(List<String> users) {
			this.users = List.copyOf(users);
			return this;
		}

		public Builder databases(int databases) {
			if (databases < 1) {
				throw new IllegalArgumentException("databases must be at least 1");
			}
			this.databases = databases;
			return this;
		}

		/**
		 * Number of keyspace shards (each with its own lock); a power of two, or 0 for
		 * the default.
		 */
		public Builder shards(int shards) {
			if (shards < 0 || Integer.bitCount(shards) > 1) {
				throw new IllegalArgumentException("shards must be a power of two: " + shards);
			}
			this.shards = shards;
			return this;
		}

		public Builder protoMaxBulkLen(long protoMaxBulkLen) {
			if (protoMaxBulkLen < 1024 * 1024) {
				throw new IllegalArgumentException("proto-max-bulk-len must be at least 1mb, as in Redis");
			}
			this.protoMaxBulkLen = protoMaxBulkLen;
			return this;
		}

		public Builder maxInlineLength(int maxInlineLength) {
			this.maxInlineLength = positive(maxInlineLength, "maxInlineLength");
			return this;
		}

		public Builder maxMultibulkLength(int maxMultibulkLength) {
			this.maxMultibulkLength = positive(maxMultibulkLength, "maxMultibulkLength");
			return this;
		}

		/**
		 * Per-connection cap on buffered, not yet executed input (Redis's
		 * client-query-buffer-limit).
		 */
		public Builder clientQueryBufferLimit(long clientQueryBufferLimit) {
			if (clientQueryBufferLimit < 1024 * 1024) {
				throw new IllegalArgumentException("client-query-buffer-limit must be at least 1mb");
			}
			this.clientQueryBufferLimit = clientQueryBufferLimit;
			return this;
		}

		/**
		 * Whether the background cycle reclaims expired keys that are never read again.
		 */
		public Builder activeExpiry(boolean activeExpiry) {
			this.activeExpiry = activeExpiry;
			return this;
		}

		/** Active expiry cycles per second. */
		public Builder hz(int hz) {
			if (hz < 1 || hz > 500) {
				throw new IllegalArgumentException("hz must be between 1 and 500");
			}
			this.hz = hz;
			return this;
		}

		public Builder activeExpireKeysPerLoop(int keys) {
			this.activeExpireKeysPerLoop = positive(keys, "activeExpireKeysPerLoop");
			return this;
		}

		public Builder activeExpireAcceptableStalePercent(int percent) {
			if (percent < 1 || percent > 100) {
				throw new IllegalArgumentException("percent must be between 1 and 100");
			}
			this.activeExpireAcceptableStalePercent = percent;
			return this;
		}

		/** Share of each cycle period the active expiry may spend, in percent. */
		public Builder activeExpireCycleBudgetPercent(int percent) {
			if (percent < 1 || percent > 100) {
				throw new IllegalArgumentException("percent must be between 1 and 100");
			}
			this.activeExpireCycleBudgetPercent = percent;
			return this;
		}

		/** Netty event-loop threads of the RESP server; 0 for one per core. */
		public Builder ioThreads(int ioThreads) {
			if (ioThreads < 0) {
				throw new IllegalArgumentException("ioThreads must not be negative");
			}
			this.ioThreads = ioThreads;
			return this;
		}

		public Builder clock(EngineClock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** See {@link EngineConfig#scriptTimeLimitMillis()}; 0 disables the limit. */
		public Builder scriptTimeLimitMillis(long millis) {
			if (millis < 0) {
				throw new IllegalArgumentException("scriptTimeLimitMillis must not be negative");
			}
			this.scriptTimeLimitMillis = millis;
			return this;
		}

		/**
		 * The memory budget in bytes (Redis's maxmemory): over it, writes first evict by
		 * the {@link #maxmemoryPolicy policy}, and are refused with Redis's OOM error
		 * when nothing can be evicted. 0 (the default) sets no budget.
		 */
		public Builder maxmemory(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("maxmemory must not be negative: " + bytes);
			}
			this.maxmemory = bytes;
			return this;
		}

		/** What to evict over maxmemory; Redis's default is noeviction. */
		public Builder maxmemoryPolicy(EvictionPolicy policy) {
			this.maxmemoryPolicy = Objects.requireNonNull(policy, "maxmemoryPolicy");
			return this;
		}

		/** Keys sampled per eviction, 1-64 (Redis's maxmemory-samples, default 5). */
		public Builder maxmemorySamples(int samples) {
			if (samples < 1 || samples > 64) {
				throw new IllegalArgumentException("maxmemory-samples must be between 1 and 64: " + samples);
			}
			this.maxmemorySamples = samples;
			return this;
		}

		/**
		 * 0-100, how long a write may spend evicting (Redis's
		 * maxmemory-eviction-tenacity, default 10).
		 */
		public Builder maxmemoryEvictionTenacity(int tenacity) {
			if (tenacity < 0 || tenacity > 100) {
				throw new IllegalArgumentException(
						"maxmemory-eviction-tenacity must be between 0 and 100: " + tenacity);
			}
			this.maxmemoryEvictionTenacity = tenacity;
			return this;
		}

		/** Redis's lfu-log-factor (default 10). */
		public Builder lfuLogFactor(int factor) {
			if (factor < 0) {
				throw new IllegalArgumentException("lfu-log-factor must not be negative: " + factor);
			}
			this.lfuLogFactor = factor;
			return this;
		}

		/** Redis's lfu-decay-time in minutes (default 1). */
		public Builder lfuDecayTime(int minutes) {
			if (minutes < 0) {
				throw new IllegalArgumentException("lfu-decay-time must not be negative: " + minutes);
			}
			this.lfuDecayTime = minutes;
			return this;
		}

		/**
		 * TCP port of the RESP server's TLS listener, beside the plain {@link #port} as
		 * Redis's tls-port is (leave the plain port unset for TLS only); 0 picks a free
		 * port (read it back with {@link Engine#tlsPort()}). Needs {@link #tls}.
		 */
		public Builder tlsPort(int tlsPort) {
			if (tlsPort < 0 && tlsPort != NO_PORT || tlsPort > 65535) {
				throw new IllegalArgumentException("tls-port out of range: " + tlsPort);
			}
			this.tlsPort = tlsPort;
			return this;
		}

		/** Keys, trust and client checks of the TLS port. */
		public Builder tls(@Nullable TlsSettings tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Redis's protected-mode (on by default): while no password is set, clients
		 * connecting from anything but a loopback address are refused with Redis's DENIED
		 * error.
		 */
		public Builder protectedMode(boolean protectedMode) {
			this.protectedMode = protectedMode;
			return this;
		}

		/**
		 * Renames a command as Redis's {@code rename-command} does: clients, MULTI and
		 * scripts reach it under {@code newName} only; an empty {@code newName} disables
		 * it. Both names are case-insensitive; a name the engine does not know fails
		 * {@link Engine#start}.
		 */
		public Builder renameCommand(String name, String newName) {
			Objects.requireNonNull(newName, "newName");
			this.renamedCommands.put(name.toLowerCase(Locale.ROOT), newName.toLowerCase(Locale.ROOT));
			return this;
		}

		/**
		 * Sets a Redis configuration parameter at start-up, as a redis.conf line
		 * {@code name value} does (a later value for the same name replaces an earlier
		 * one). The engine refuses to start, naming the parameter, when the name is not a
		 * parameter CONFIG GET knows or the value is not one it accepts.
		 */
		public Builder parameter(String name, String value) {
			Objects.requireNonNull(value, "value");
			this.parameters.remove(name.toLowerCase(Locale.ROOT));
			this.parameters.put(name.toLowerCase(Locale.ROOT), value);
			return this;
		}

		/** Disables commands, as {@code rename-command NAME ""} does for each. */
		public Builder disableCommands(Collection<String> names) {
			names.forEach(name -> renameCommand(name, ""));
			return this;
		}

		/**
		 * Halt the JVM (exit status {@link FatalErrors#EXIT_CODE}) when an engine thread
		 * meets an OutOfMemoryError or another {@link VirtualMachineError}, instead of
		 * logging it and carrying on. For a process that is only the engine, under a
		 * supervisor that restarts it; never for an engine embedded in an application.
		 */
		public Builder haltOnFatalError(boolean halt) {
			this.haltOnFatalError = halt;
			return this;
		}

		public EngineConfig build() {
			return new EngineConfig(this);
		}

		private static int positive(int value, String name) {
			if (value < 1) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

	}

}

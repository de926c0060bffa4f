package dev.larder.autoconfigure.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.tls.TlsSettings;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The embedded engine, for {@code larder.backend=embedded} (the default).
 */
@ConfigurationProperties("larder.embedded")
public class EmbeddedEngineProperties implements Validator {

	/** What the embedded backend runs for every cache: disabled, caching would fail. */
	private static final List<String> CACHE_COMMANDS = List.of("GET", "SET", "UNLINK", "EXISTS", "SCAN", "EVAL",
			"EVALSHA");

	/**
	 * Port on which the engine also serves RESP (redis-cli, Lettuce, any Redis client).
	 * Unset: in-process only, no socket. 0: a free port.
	 */
	private @Nullable Integer port;

	/**
	 * Address the RESP server binds. Anything but a loopback address exposes the cache to
	 * the network: set a password.
	 */
	private String bind = "127.0.0.1";

	/**
	 * Password RESP clients must give with AUTH (requirepass). In-process calls need
	 * none.
	 */
	private @Nullable String password;

	/**
	 * ACL users of the RESP server, name to rules as in Redis's "user" directive or ACL
	 * SETUSER, e.g. "on >secret ~cache:* +@read +@write". An entry named "default"
	 * replaces the default user's rules (and so the password). In-process calls are not
	 * checked.
	 */
	private Map<String, String> users = new LinkedHashMap<>();

	/**
	 * Number of logical databases (SELECT 0 to n-1).
	 */
	private int databases = 16;

	/**
	 * Largest bulk string a RESP client may send (proto-max-bulk-len); at least 1MB.
	 */
	private DataSize protoMaxBulkLen = DataSize.ofMegabytes(512);

	/**
	 * Longest a Lua script (EVAL, and the locks and rate limiters, which are scripts) may
	 * run before the engine stops it with an error, so a runaway script cannot hold its
	 * keys forever. 0: no limit.
	 */
	private Duration scriptTimeLimit = Duration.ofSeconds(5);

	/**
	 * Most heap the cached data may take, as the engine counts it (INFO memory's
	 * used_memory), before the engine evicts by the eviction policy: a size such as
	 * 256MB, or a share of the JVM's max heap such as 25%. 0: no bound.
	 */
	private String maxMemory = "25%";

	/**
	 * What the engine evicts at max-memory: allkeys-tinylfu (any key, by a frequency
	 * sketch that resists scans), allkeys-lru, allkeys-lfu, allkeys-random, the
	 * volatile-tinylfu, volatile-lru, volatile-lfu, volatile-random and volatile-ttl
	 * variants (only keys with a ttl), or noeviction (nothing: writes fail, and cache
	 * puts count in cache.errors).
	 */
	private String evictionPolicy = "allkeys-tinylfu";

	/**
	 * Redis's protected-mode: while no password is set, RESP clients connecting from
	 * anything but a loopback address are refused with Redis's DENIED error.
	 */
	private boolean protectedMode = true;

	/**
	 * Commands no client may run, as Redis's rename-command NAME "" (for example
	 * FLUSHALL, CONFIG, DEBUG, KEYS): they answer as unknown commands, to RESP clients,
	 * in-process calls and scripts alike.
	 */
	private List<String> disabledCommands = new ArrayList<>();

	private final Ssl ssl = new Ssl();

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public String getBind() {
		return this.bind;
	}

	public void setBind(String bind) {
		this.bind = bind;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Map<String, String> getUsers() {
		return this.users;
	}

	public void setUsers(Map<String, String> users) {
		this.users = users;
	}

	public int getDatabases() {
		return this.databases;
	}

	public void setDatabases(int databases) {
		this.databases = databases;
	}

	public DataSize getProtoMaxBulkLen() {
		return this.protoMaxBulkLen;
	}

	public void setProtoMaxBulkLen(DataSize protoMaxBulkLen) {
		this.protoMaxBulkLen = protoMaxBulkLen;
	}

	public Duration getScriptTimeLimit() {
		return this.scriptTimeLimit;
	}

	public void setScriptTimeLimit(Duration scriptTimeLimit) {
		this.scriptTimeLimit = scriptTimeLimit;
	}

	public String getMaxMemory() {
		return this.maxMemory;
	}

	public void setMaxMemory(String maxMemory) {
		this.maxMemory = maxMemory;
	}

	public String getEvictionPolicy() {
		return this.evictionPolicy;
	}

	public void setEvictionPolicy(String evictionPolicy) {
		this.evictionPolicy = evictionPolicy;
	}

	public boolean isProtectedMode() {
		return this.protectedMode;
	}

	public void setProtectedMode(boolean protectedMode) {
		this.protectedMode = protectedMode;
	}

	public List<String> getDisabledCommands() {
		return this.disabledCommands;
	}

	public void setDisabledCommands(List<String> disabledCommands) {
		this.disabledCommands = disabledCommands;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/** TLS on the RESP port. */
	public static class Ssl {

		/**
		 * Spring Boot SSL bundle (spring.ssl.bundle.pem.NAME or
		 * spring.ssl.bundle.jks.NAME) whose key and trust material secure the RESP port:
		 * with it, larder.embedded.port serves TLS only.
		 */
		private @Nullable String bundle;

		/**
		 * Whether RESP clients must present a certificate the bundle's trust material
		 * accepts: no, yes or optional (Redis's tls-auth-clients).
		 */
		private String clientAuth = "no";

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public String getClientAuth() {
			return this.clientAuth;
		}

		public void setClientAuth(String clientAuth) {
			this.clientAuth = clientAuth;
		}

	}

	@Override
	public boolean supports(Class<?> type) {
		return EmbeddedEngineProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		EmbeddedEngineProperties properties = (EmbeddedEngineProperties) target;
		if (properties.getPort() != null && (properties.getPort() < 0 || properties.getPort() > 65535)) {
			errors.rejectValue("port", "larder.invalid",
					"larder.embedded.port must be between 0 (a free port) and 65535, or unset (no RESP server)");
		}
		if (properties.getDatabases() < 1) {
			errors.rejectValue("databases", "larder.invalid", "larder.embedded.databases must be at least 1");
		}
		if (properties.getProtoMaxBulkLen().toBytes() < DataSize.ofMegabytes(1).toBytes()) {
			errors.rejectValue("protoMaxBulkLen", "larder.invalid",
					"larder.embedded.proto-max-bulk-len must be at least 1MB, as in Redis");
		}
		if (properties.getScriptTimeLimit().isNegative()) {
			errors.rejectValue("scriptTimeLimit", "larder.invalid",
					"larder.embedded.script-time-limit must be zero (no limit) or positive");
		}
		try {
			MemoryBudget.parse(properties.getMaxMemory());
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("maxMemory", "larder.invalid", "larder.embedded.max-memory must be " + MemoryBudget.FORMS
					+ ", not '" + properties.getMaxMemory() + "': " + ex.getMessage());
		}
		validateSsl(properties, errors);
		if (EvictionPolicy.fromConfigName(properties.getEvictionPolicy()) == null) {
			errors.rejectValue("evictionPolicy", "larder.invalid", "larder.embedded.eviction-policy must be one of "
					+ policyNames() + ", not '" + properties.getEvictionPolicy() + "'");
		}
	}

	private static void validateSsl(EmbeddedEngineProperties properties, Errors errors) {
		try {
			TlsSettings.ClientAuth.fromConfigName(properties.getSsl().getClientAuth());
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("ssl.clientAuth", "larder.invalid", "larder.embedded.ssl.client-auth must be no, yes "
					+ "or optional, not '" + properties.getSsl().getClientAuth() + "'");
		}
		if (properties.getSsl().getBundle() != null && properties.getPort() == null) {
			errors.rejectValue("ssl.bundle", "larder.invalid", "larder.embedded.ssl.bundle secures the RESP port, "
					+ "but larder.embedded.port is not set: set it (0 for a free port) or remove the bundle");
		}
		for (String command : properties.getDisabledCommands()) {
			if (CACHE_COMMANDS.contains(command.toUpperCase(Locale.ROOT))) {
				errors.rejectValue("disabledCommands", "larder.invalid", "larder.embedded.disabled-commands cannot "
						+ "disable " + command + ": the cache itself runs it (it needs " + CACHE_COMMANDS + ")");
			}
		}
	}

	private static String policyNames() {
		return Arrays.stream(EvictionPolicy.values()).map(EvictionPolicy::configName).collect(Collectors.joining(", "));
	}

}

package dev.larder.autoconfigure.embedded;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.larder.engine.eviction.EvictionPolicy;

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
		if (EvictionPolicy.fromConfigName(properties.getEvictionPolicy()) == null) {
			errors.rejectValue("evictionPolicy", "larder.invalid", "larder.embedded.eviction-policy must be one of "
					+ policyNames() + ", not '" + properties.getEvictionPolicy() + "'");
		}
	}

	private static String policyNames() {
		return Arrays.stream(EvictionPolicy.values()).map(EvictionPolicy::configName).collect(Collectors.joining(", "));
	}

}

package dev.larder.engine.eviction;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What to evict when used memory is over maxmemory: Redis 7.0's eight maxmemory-policy
 * values, plus the engine's {@code allkeys-tinylfu} and {@code volatile-tinylfu}, which
 * pick victims by a frequency sketch that also remembers keys no longer (or not yet)
 * stored, so one-off keys cannot push out popular ones (see docs/backends/embedded.md).
 */
public enum EvictionPolicy {

	/** Refuse writes that may grow memory with Redis's OOM error; evict nothing. */
	NOEVICTION("noeviction", Victims.NONE, Order.NONE),

	ALLKEYS_LRU("allkeys-lru", Victims.ALL_KEYS, Order.LRU),

	ALLKEYS_LFU("allkeys-lfu", Victims.ALL_KEYS, Order.LFU),

	ALLKEYS_RANDOM("allkeys-random", Victims.ALL_KEYS, Order.RANDOM),

	VOLATILE_LRU("volatile-lru", Victims.KEYS_WITH_TTL, Order.LRU),

	VOLATILE_LFU("volatile-lfu", Victims.KEYS_WITH_TTL, Order.LFU),

	VOLATILE_RANDOM("volatile-random", Victims.KEYS_WITH_TTL, Order.RANDOM),

	/** The key whose TTL ends soonest. */
	VOLATILE_TTL("volatile-ttl", Victims.KEYS_WITH_TTL, Order.TTL),

	ALLKEYS_TINYLFU("allkeys-tinylfu", Victims.ALL_KEYS, Order.TINYLFU),

	VOLATILE_TINYLFU("volatile-tinylfu", Victims.KEYS_WITH_TTL, Order.TINYLFU);

	/** Which keys a policy may evict. */
	public enum Victims {

		NONE, ALL_KEYS, KEYS_WITH_TTL

	}

	/** How a policy ranks the keys it samples. */
	public enum Order {

		NONE, LRU, LFU, RANDOM, TTL, TINYLFU

	}

	private final String configName;

	private final Victims victims;

	private final Order order;

	EvictionPolicy(String configName, Victims victims, Order order) {
		this.configName = configName;
		this.victims = victims;
		this.order = order;
	}

	/** The name CONFIG GET maxmemory-policy answers, e.g. {@code allkeys-lru}. */
	public String configName() {
		return configName;
	}

	public Victims victims() {
		return victims;
	}

	public Order order() {
		return order;
	}

	/**
	 * Whether keys carry Redis's LFU counter (OBJECT FREQ answers) rather than an access
	 * time (OBJECT IDLETIME answers), as Redis decides it by MAXMEMORY_FLAG_LFU.
	 */
	public boolean usesLfuCounter() {
		return order == Order.LFU;
	}

	/** The policy named {@code name} (any case), or null when there is none. */
	public static @Nullable EvictionPolicy fromConfigName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (EvictionPolicy p : values()) {
			if (p.configName.equals(lower)) {
				return p;
			}
		}
		return null;
	}

}

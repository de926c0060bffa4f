package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.ULLONG_MAX;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.MEMORY;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.ULONG_LONG;

import dev.larder.engine.eviction.EvictionPolicy;
import dev.larder.engine.eviction.EvictionSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The maxmemory group, bound to the engine's live {@link EvictionSettings}: a CONFIG SET
 * here changes what the next write is checked against.
 */
final class EvictionParameters {

	/**
	 * maxmemory_policy_enum's order, which Redis's error text lists, then the engine's
	 * own policies.
	 */
	private static final List<String> POLICIES = List.of("volatile-lru", "volatile-lfu", "volatile-random",
			"volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction", "allkeys-tinylfu",
			"volatile-tinylfu");

	private EvictionParameters() {
	}

	static void addTo(ConfigTable.Builder b, EvictionSettings eviction) {
		b.add(new NumericParameter("maxmemory", null, ULONG_LONG, 0, ULLONG_MAX, MEMORY, new MaxmemoryBinding(eviction),
				Check.none()));
		b.add(new EnumParameter<>("maxmemory-policy", null, policies(), Binding.of(eviction::policy, eviction::policy),
				Check.none()));
		// Redis allows up to INT_MAX samples; the engine's evictor samples at most 64
		// keys
		b.add(new NumericParameter("maxmemory-samples", null, INT, EvictionSettings.MIN_SAMPLES,
				EvictionSettings.MAX_SAMPLES, INTEGER,
				Binding.of(() -> (long) eviction.samples(), v -> eviction.samples(Math.toIntExact(v))), Check.none()));
		b.add(new NumericParameter("maxmemory-eviction-tenacity", null, INT, 0, 100, INTEGER,
				Binding.of(() -> (long) eviction.tenacity(), v -> eviction.tenacity(Math.toIntExact(v))),
				Check.none()));
		b.add(new NumericParameter("lfu-log-factor", null, INT, 0, INT_MAX, INTEGER,
				Binding.of(() -> (long) eviction.lfuLogFactor(), v -> eviction.lfuLogFactor(Math.toIntExact(v))),
				Check.none()));
		b.add(new NumericParameter("lfu-decay-time", null, INT, 0, INT_MAX, INTEGER,
				Binding.of(() -> (long) eviction.lfuDecayTime(), v -> eviction.lfuDecayTime(Math.toIntExact(v))),
				Check.none()));
	}

	/** The names EvictionPolicy.fromConfigName accepts, in {@link #POLICIES} order. */
	private static Map<String, EvictionPolicy> policies() {
		Map<String, EvictionPolicy> choices = new LinkedHashMap<>();
		for (String name : POLICIES) {
			choices.put(name, Objects.requireNonNull(EvictionPolicy.fromConfigName(name), name));
		}
		if (choices.size() != EvictionPolicy.values().length) {
			throw new IllegalStateException("maxmemory-policy lists " + choices.values() + " only");
		}
		return choices;
	}

	/**
	 * maxmemory is an unsigned long long in Redis: CONFIG SET takes up to 2^64-1 and
	 * prints it back. The settings hold a Java long, so a value past Long.MAX_VALUE is
	 * given to them as Long.MAX_VALUE (no budget anyone can reach either way) and
	 * remembered here so CONFIG GET prints what was set.
	 */
	private static final class MaxmemoryBinding implements Binding<Long> {

		private final EvictionSettings eviction;

		/** The last value set past Long.MAX_VALUE (negative as a long), or 0. */
		private volatile long beyondLong;

		MaxmemoryBinding(EvictionSettings eviction) {
			this.eviction = eviction;
		}

		@Override
		public Long get() {
			long live = eviction.maxmemory();
			long beyond = beyondLong;
			return live == Long.MAX_VALUE && beyond != 0 ? beyond : live;
		}

		@Override
		public void set(Long value) {
			beyondLong = value < 0 ? value : 0;
			eviction.maxmemory(value < 0 ? Long.MAX_VALUE : value);
		}

	}

}

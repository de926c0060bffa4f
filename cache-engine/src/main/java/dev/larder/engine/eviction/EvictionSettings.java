package dev.larder.engine.eviction;

import dev.larder.engine.EngineConfig;
import java.util.Objects;

/**
 * The maxmemory settings CONFIG SET may change while the engine runs: maxmemory,
 * maxmemory-policy, maxmemory-samples, maxmemory-eviction-tenacity, lfu-log-factor and
 * lfu-decay-time. Fields are volatile: a command reads them on another thread than the
 * CONFIG SET that wrote them. Setters check Redis's bounds and throw
 * {@link IllegalArgumentException} naming the parameter; CONFIG SET validates first and
 * answers Redis's errors itself.
 */
public final class EvictionSettings {

	/** Redis's bounds for maxmemory-samples. */
	public static final int MIN_SAMPLES = 1;

	public static final int MAX_SAMPLES = 64;

	private volatile long maxmemory;

	private volatile EvictionPolicy policy;

	private volatile int samples;

	private volatile int tenacity;

	private volatile int lfuLogFactor;

	private volatile int lfuDecayTime;

	private volatile Runnable onChange = () -> {
	};

	public EvictionSettings(EngineConfig config) {
		this.maxmemory = config.maxmemory();
		this.policy = config.maxmemoryPolicy();
		this.samples = config.maxmemorySamples();
		this.tenacity = config.maxmemoryEvictionTenacity();
		this.lfuLogFactor = config.lfuLogFactor();
		this.lfuDecayTime = config.lfuDecayTime();
	}

	/**
	 * Runs {@code listener} after every change made through a setter (the evictor follows
	 * policy and budget changes this way); replaces any earlier one.
	 */
	public void onChange(Runnable listener) {
		this.onChange = Objects.requireNonNull(listener, "listener");
	}

	/** The memory budget in bytes; 0 means none (Redis's default). */
	public long maxmemory() {
		return maxmemory;
	}

	public void maxmemory(long bytes) {
		if (bytes < 0) {
			throw new IllegalArgumentException("maxmemory must not be negative: " + bytes);
		}
		this.maxmemory = bytes;
		onChange.run();
	}

	public EvictionPolicy policy() {
		return policy;
	}

	public void policy(EvictionPolicy policy) {
		this.policy = Objects.requireNonNull(policy, "maxmemory-policy");
		onChange.run();
	}

	/** Keys sampled per shard and database for each eviction (Redis's default 5). */
	public int samples() {
		return samples;
	}

	public void samples(int samples) {
		this.samples = checkSamples(samples);
		onChange.run();
	}

	/**
	 * 0-100: how long one command may spend evicting before it leaves the rest to the
	 * next (Redis's default 10: about 500 microseconds; 100 never stops).
	 */
	public int tenacity() {
		return tenacity;
	}

	public void tenacity(int tenacity) {
		this.tenacity = checkTenacity(tenacity);
		onChange.run();
	}

	/** How many hits it takes to saturate an LFU counter (Redis's default 10). */
	public int lfuLogFactor() {
		return lfuLogFactor;
	}

	public void lfuLogFactor(int factor) {
		this.lfuLogFactor = checkNonNegative(factor, "lfu-log-factor");
		onChange.run();
	}

	/** Minutes after which an idle LFU counter is halved (Redis's default 1). */
	public int lfuDecayTime() {
		return lfuDecayTime;
	}

	public void lfuDecayTime(int minutes) {
		this.lfuDecayTime = checkNonNegative(minutes, "lfu-decay-time");
		onChange.run();
	}

	static int checkSamples(int samples) {
		if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
			throw new IllegalArgumentException(
					"maxmemory-samples must be between " + MIN_SAMPLES + " and " + MAX_SAMPLES + ": " + samples);
		}
		return samples;
	}

	static int checkTenacity(int tenacity) {
		if (tenacity < 0 || tenacity > 100) {
			throw new IllegalArgumentException("maxmemory-eviction-tenacity must be between 0 and 100: " + tenacity);
		}
		return tenacity;
	}

	static int checkNonNegative(int value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
		return value;
	}

}

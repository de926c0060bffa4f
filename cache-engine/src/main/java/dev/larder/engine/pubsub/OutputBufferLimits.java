package dev.larder.engine.pubsub;

import java.util.List;

/**
 * {@code client-output-buffer-limit} as CONFIG SET leaves it: per client class, the hard
 * limit (close at once), the soft limit and how many seconds a client may stay over it. 0
 * disables a limit.
 */
public final class OutputBufferLimits {

	/** One class's limits: bytes, bytes, and seconds over the soft limit. */
	public record Limit(long hard, long soft, long seconds) {

		boolean none() {
			return hard == 0 && soft == 0;
		}

	}

	/** getClientTypeName's order: normal, slave, pubsub. */
	public static final int NORMAL = 0;

	public static final int REPLICA = 1;

	public static final int PUBSUB = 2;

	/** Redis's defaults: {@code normal 0 0 0 slave 256mb 64mb 60 pubsub 32mb 8mb 60}. */
	public static final List<Limit> DEFAULTS = List.of(new Limit(0, 0, 0), new Limit(256L << 20, 64L << 20, 60),
			new Limit(32L << 20, 8L << 20, 60));

	private volatile List<Limit> limits = DEFAULTS;

	/**
	 * The three classes' limits, in {@link #NORMAL}, {@link #REPLICA}, {@link #PUBSUB}
	 * order.
	 */
	public List<Limit> get() {
		return limits;
	}

	public void set(List<Limit> limits) {
		if (limits.size() != 3) {
			throw new IllegalArgumentException("three client classes expected");
		}
		this.limits = List.copyOf(limits);
	}

	public Limit of(int clientClass) {
		return limits.get(clientClass);
	}

}

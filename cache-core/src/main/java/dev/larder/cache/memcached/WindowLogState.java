package dev.larder.cache.memcached;

import java.nio.ByteBuffer;
import java.time.Duration;

import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimitDecision;
import org.jspecify.annotations.Nullable;

/**
 * A sliding window as a log of grants: pairs of (epoch nanoseconds, permits), oldest
 * first, of the grants within the last period. A request is allowed if the grants still
 * in the window plus it stay within the limit; a denial says when enough of the oldest
 * grants leave the window. At most {@code permits} pairs of 12 bytes, so the log must fit
 * one Memcached item.
 */
final class WindowLogState implements MemcachedRateLimiters.Algorithm {

	private static final int ENTRY_BYTES = Long.BYTES + Integer.BYTES;

	private final long permits;

	private final long period;

	WindowLogState(RateLimit limit, int maxItemSize) {
		this.permits = limit.permits();
		this.period = limit.period().toNanos();
		long worstCase = limit.permits() * ENTRY_BYTES + 300;
		if (worstCase > maxItemSize) {
			throw new IllegalArgumentException("A sliding window of " + limit.permits() + " permits keeps up to "
					+ worstCase + " bytes per key in one Memcached item, over the item size limit of " + maxItemSize
					+ " bytes; use RateLimitAlgorithm.TOKEN_BUCKET (constant size), or raise memcached's -I together "
					+ "with larder.memcached.max-item-size");
		}
	}

	@Override
	public CasUpdate.Outcome<RateLimitDecision> decide(byte @Nullable [] state, long now, long requested,
			MemcachedExpiry expiry) {
		ByteBuffer log = ByteBuffer.wrap((state != null) ? state : new byte[0]);
		ByteBuffer live = ByteBuffer.allocate(log.remaining() + ENTRY_BYTES);
		long used = 0;
		while (log.remaining() >= ENTRY_BYTES) {
			long at = log.getLong();
			int count = log.getInt();
			if (at > now - this.period) {
				live.putLong(at).putInt(count);
				used += count;
			}
		}
		if (used + requested > this.permits) {
			return CasUpdate.Outcome.readOnly(new RateLimitDecision(false, this.permits - used,
					retryAfter(live, used + requested - this.permits, now)));
		}
		// Grants from instances whose clocks run behind may be older than the newest one:
		// keeping
		// the log in arrival order is harmless, retryAfter scans it for the oldest.
		live.putLong(now).putInt((int) requested);
		byte[] written = new byte[live.position()];
		live.flip().get(written);
		int exp = expiry.of(Duration.ofNanos(this.period).plusSeconds(1));
		return CasUpdate.Outcome.write(new RateLimitDecision(true, this.permits - used - requested, Duration.ZERO),
				written, exp);
	}

	/**
	 * How long until grants worth {@code excess} permits have left the window, oldest
	 * first.
	 */
	private Duration retryAfter(ByteBuffer live, long excess, long now) {
		int entries = live.position() / ENTRY_BYTES;
		long[] times = new long[entries];
		int[] counts = new int[entries];
		for (int i = 0; i < entries; i++) {
			times[i] = live.getLong(i * ENTRY_BYTES);
			counts[i] = live.getInt(i * ENTRY_BYTES + Long.BYTES);
		}
		sortByTime(times, counts);
		long freed = 0;
		for (int i = 0; i < entries; i++) {
			freed += counts[i];
			if (freed >= excess) {
				return Duration.ofNanos(Math.max(1, times[i] + this.period - now));
			}
		}
		return Duration.ofNanos(this.period);
	}

	private static void sortByTime(long[] times, int[] counts) {
		for (int i = 1; i < times.length; i++) {
			long time = times[i];
			int count = counts[i];
			int j = i - 1;
			while (j >= 0 && times[j] > time) {
				times[j + 1] = times[j];
				counts[j + 1] = counts[j];
				j--;
			}
			times[j + 1] = time;
			counts[j + 1] = count;
		}
	}

}

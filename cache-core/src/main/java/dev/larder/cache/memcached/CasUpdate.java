package dev.larder.cache.memcached;

import java.util.function.Function;

import net.rubyeye.xmemcached.GetsResponse;
import org.jspecify.annotations.Nullable;

/**
 * Read-decide-write on one small Memcached value, exact under concurrency from any number
 * of threads and processes: the value is read with {@code gets}, the decision computed
 * locally, and written back with {@code cas} (or {@code add} when there was no value),
 * which fails if anyone wrote in between; a failed write decides again on the fresh
 * value. A decision that writes nothing (a denial) is exact as of the read.
 */
final class CasUpdate {

	/**
	 * Each lost race means another caller made progress, so this bound is only hit by a
	 * fault.
	 */
	private static final int MAX_ATTEMPTS = 10_000;

	private CasUpdate() {
	}

	/**
	 * @param decide from the current value ({@code null}: absent) to the outcome; called
	 * again after a lost race
	 */
	static <R> R apply(MemcachedCalls memcached, String key, Function<byte @Nullable [], Outcome<R>> decide) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			GetsResponse<byte[]> current = memcached.gets(key);
			Outcome<R> outcome = decide.apply((current != null) ? current.getValue() : null);
			if (outcome.value() == null) {
				return outcome.result();
			}
			boolean written = (current != null)
					? memcached.cas(key, outcome.expiry(), outcome.value(), current.getCas())
					: memcached.add(key, outcome.expiry(), outcome.value());
			if (written) {
				return outcome.result();
			}
			Thread.onSpinWait();
		}
		throw new MemcachedAccessException("Gave up updating '" + key + "' after " + MAX_ATTEMPTS
				+ " attempts that each lost a compare-and-set race", null);
	}

	/**
	 * @param result what the caller gets
	 * @param value what to write; {@code null} to write nothing
	 * @param expiry Memcached expiration of the written value
	 */
	record Outcome<R>(R result, byte @Nullable [] value, int expiry) {

		static <R> Outcome<R> write(R result, byte[] value, int expiry) {
			return new Outcome<>(result, value, expiry);
		}

		static <R> Outcome<R> readOnly(R result) {
			return new Outcome<>(result, null, 0);
		}

	}

}

package dev.larder.cache.memcached;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Memcached's expiration argument: seconds for up to 30 days, an absolute Unix time
 * beyond (a larger number of seconds is read as a date in 1970 and the item expires at
 * once), and 0 for never. Sub-second ttls round up: rounding to 0 would mean "never
 * expire".
 */
final class MemcachedExpiry {

	static final long THIRTY_DAYS_SECONDS = 60L * 60 * 24 * 30;

	private final LongSupplier epochSeconds;

	MemcachedExpiry(LongSupplier epochSeconds) {
		this.epochSeconds = epochSeconds;
	}

	MemcachedExpiry() {
		this(() -> System.currentTimeMillis() / 1000);
	}

	int of(Duration ttl) {
		if (ttl.isZero()) {
			return 0;
		}
		long seconds = ttl.getSeconds() + ((ttl.getNano() > 0) ? 1 : 0);
		if (seconds <= THIRTY_DAYS_SECONDS) {
			return (int) seconds;
		}
		return (int) Math.min(Integer.MAX_VALUE, this.epochSeconds.getAsLong() + seconds);
	}

}

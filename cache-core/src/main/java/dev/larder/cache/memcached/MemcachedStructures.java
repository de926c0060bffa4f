package dev.larder.cache.memcached;

import java.time.InstantSource;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.lock.LockWatchdog;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.SortedSets;

/**
 * What Memcached can carry: locks ({@code add} + {@code cas}, fencing tokens from
 * {@code incr}) and rate limiters ({@code gets}/{@code cas} on a small state with a ttl).
 * Not sorted sets: Memcached stores opaque values, and an imitation read-modify-writing a
 * whole set per call would be neither atomic at scale nor fast, so it is refused with the
 * backends that do carry them.
 */
final class MemcachedStructures implements Structures, AutoCloseable {

	static final String NO_SORTED_SETS = "Memcached has no sorted sets; sorted sets are carried by the embedded, "
			+ "redis and caffeine backends (larder.backend=embedded|redis|caffeine). Keep Memcached for caching and "
			+ "locks/rate limiters, or switch larder.backend to one of those.";

	/** One per backend, closed with it. */
	private final LockWatchdog watchdog = new LockWatchdog("larder-memcached-lock-watchdog");

	private final MemcachedLocks locks;

	private final MemcachedRateLimiters rateLimiters;

	MemcachedStructures(MemcachedCalls memcached, StructureKeys keys, MemcachedExpiry expiry, InstantSource clock,
			int maxItemSize) {
		this.locks = new MemcachedLocks(memcached, keys, expiry, this.watchdog);
		this.rateLimiters = new MemcachedRateLimiters(memcached, keys, expiry, clock, maxItemSize);
	}

	@Override
	public SortedSets sortedSets() {
		throw new UnsupportedStructureException(NO_SORTED_SETS);
	}

	@Override
	public Locks locks() {
		return this.locks;
	}

	@Override
	public RateLimiters rateLimiters() {
		return this.rateLimiters;
	}

	@Override
	public void close() {
		this.watchdog.close();
	}

}

package dev.larder.cache.refresh;

import java.time.Duration;

/**
 * Makes a reload of one entry run once across every instance sharing the backend: a short
 * lock taken with the backend's own atomic write-if-absent ({@code SET ... NX PX} on
 * Redis and the embedded engine, {@code add} with an expiry on Memcached). It is never
 * released early: it expires, so it also stops other instances from reloading the entry
 * again right after it was reloaded.
 */
@FunctionalInterface
public interface RefreshLock {

	/** A lock for a single JVM, where the reloads in flight already say it all. */
	RefreshLock LOCAL = (storeKey, ttl) -> true;

	/**
	 * Takes the lock for the entry under {@code storeKey} for {@code ttl}.
	 * @return whether this instance got it
	 */
	boolean tryAcquire(Object storeKey, Duration ttl);

}

package dev.larder.cache.structure.lock;

/**
 * Named locks in the backend, shared by every application instance that uses it. Handles
 * are cheap and thread-safe: {@code locks.lock("nightly-report")}.
 */
public interface Locks {

	DistributedLock lock(String name);

}

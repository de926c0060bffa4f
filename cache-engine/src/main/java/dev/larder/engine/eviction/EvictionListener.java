package dev.larder.engine.eviction;

/**
 * Told of every key the engine evicts to stay under maxmemory (not of keys that expire or
 * are deleted). Called on the thread that evicted, after the key's shard lock is
 * released, so it may run commands; it should return quickly, as a write is waiting.
 */
@FunctionalInterface
public interface EvictionListener {

	/**
	 * @param database the logical database the key was in
	 * @param key the evicted key's bytes (the caller's own copy)
	 */
	void evicted(int database, byte[] key);

}

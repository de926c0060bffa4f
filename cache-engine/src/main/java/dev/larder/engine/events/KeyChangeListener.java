package dev.larder.engine.events;

/**
 * Told of every change to a key's value, whatever made it: a command from any client, a
 * script, a transaction, the in-process API, expiry or eviction (Redis's
 * signalModifiedKey and signalFlushedDb). Called on the thread that made the change,
 * holding the lock of the key's shard (for a flush or a swap, possibly none), so it must
 * be quick and must not call back into the engine.
 */
public interface KeyChangeListener {

	/** {@code key} in database {@code db} was written, deleted, expired or evicted. */
	void keyModified(int db, byte[] key);

	/** Every key of database {@code db} was removed; {@code db} is -1 for FLUSHALL. */
	void databaseFlushed(int db);

	/**
	 * SWAPDB is about to swap the contents of databases {@code a} and {@code b}: called
	 * holding every shard's lock, before the swap (so a listener can compare what each
	 * database holds with what will replace it, as Redis's touchAllWatchedKeysInDb).
	 */
	default void databasesSwapped(int a, int b) {
	}

}

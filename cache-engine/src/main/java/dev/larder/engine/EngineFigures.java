package dev.larder.engine;

import dev.larder.engine.command.EngineCore;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.Keyspace;

/**
 * A live, read-only view of the figures {@code INFO} prints that monitoring polls, for
 * in-process callers (meters, actuator endpoints) that would otherwise run INFO and parse
 * its text. Each call reads the current value; counters count since start-up or the last
 * {@code CONFIG RESETSTAT}, as Redis's do.
 */
public final class EngineFigures {

	private final EngineCore core;

	EngineFigures(EngineCore core) {
		this.core = core;
	}

	/**
	 * {@code used_memory}: bytes the keyspace and clients hold, as the engine counts
	 * them.
	 */
	public long usedMemory() {
		return this.core.memory().used();
	}

	/** {@code maxmemory}: the budget in bytes; 0 when unbounded. */
	public long maxMemory() {
		return this.core.eviction().maxmemory();
	}

	/** {@code total_commands_processed}. */
	public long commandsProcessed() {
		return this.core.stats().commandsProcessed.sum();
	}

	/** {@code connected_clients}: RESP connections open now. */
	public long connectedClients() {
		return this.core.stats().connectedClients.get();
	}

	/** {@code keyspace_hits}. */
	public long keyspaceHits() {
		return this.core.stats().keyspaceHits.sum();
	}

	/** {@code keyspace_misses}. */
	public long keyspaceMisses() {
		return this.core.stats().keyspaceMisses.sum();
	}

	/** {@code expired_keys}. */
	public long expiredKeys() {
		return this.core.stats().expiredKeys.sum();
	}

	/** {@code evicted_keys}. */
	public long evictedKeys() {
		return this.core.stats().evictedKeys.sum();
	}

	/**
	 * Keys in every database. Read without the shards' locks ({@link Database#sizeHint}):
	 * a scrape must not stall commands, and a gauge needs no snapshot.
	 */
	public long keys() {
		Keyspace keyspace = this.core.keyspace();
		long keys = 0;
		for (int db = 0; db < keyspace.databaseCount(); db++) {
			Database database = keyspace.db(db);
			for (int s = 0; s < keyspace.shardCount(); s++) {
				keys += database.sizeHint(s);
			}
		}
		return keys;
	}

}

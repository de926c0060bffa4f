package dev.larder.engine;

import dev.larder.engine.command.EngineCore;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;

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

	/** Keys in every database, as INFO keyspace sums them. */
	public long keys() {
		Keyspace keyspace = this.core.keyspace();
		long keys = 0;
		for (int s = 0; s < keyspace.shardCount(); s++) {
			Shard shard = keyspace.shard(s);
			shard.lock();
			try {
				for (int db = 0; db < keyspace.databaseCount(); db++) {
					Database database = keyspace.db(db);
					keys += database.size(s);
				}
			}
			finally {
				shard.unlock();
			}
		}
		return keys;
	}

}

package dev.larder.engine.keyspace;

import dev.larder.engine.EngineClock;

/**
 * All keys of all logical databases, split into a power-of-two number of {@link Shard}s.
 * Commands lock the shards of their keys (in ascending index order, so two multi-key
 * commands cannot deadlock) and then work through a {@link Database} view.
 */
public final class Keyspace {

	private final Shard[] shards;

	private final int mask;

	private final Database[] databases;

	private final EngineClock clock;

	private final EngineStats stats;

	public Keyspace(int shardCount, int databaseCount, EngineClock clock, EngineStats stats) {
		if (Integer.bitCount(shardCount) != 1) {
			throw new IllegalArgumentException("shard count must be a power of two");
		}
		this.shards = new Shard[shardCount];
		for (int i = 0; i < shardCount; i++) {
			shards[i] = new Shard(databaseCount);
		}
		this.mask = shardCount - 1;
		this.clock = clock;
		this.stats = stats;
		this.databases = new Database[databaseCount];
		for (int i = 0; i < databaseCount; i++) {
			databases[i] = new Database(this, i);
		}
	}

	public int shardCount() {
		return shards.length;
	}

	public int databaseCount() {
		return databases.length;
	}

	/**
	 * Shard of a key hash: a multiplicative remix, so the shard uses other bits than the
	 * dict bucket does.
	 */
	public int shardIndex(int hash) {
		return ((hash * 0x9E3779B9) >>> 16) & mask;
	}

	public int shardIndex(byte[] key) {
		return shardIndex(Bytes.hash(key));
	}

	public Shard shard(int index) {
		return shards[index];
	}

	public Database db(int index) {
		return databases[index];
	}

	public EngineClock clock() {
		return clock;
	}

	public EngineStats stats() {
		return stats;
	}

	public void lockAll() {
		for (Shard s : shards) {
			s.lock();
		}
	}

	public void unlockAll() {
		for (int i = shards.length - 1; i >= 0; i--) {
			shards[i].unlock();
		}
	}

	/**
	 * {@link Dict#touch} for a key of a database: warms the cache for a command about to
	 * run, takes no lock.
	 */
	public int touch(int db, byte[] key) {
		int h = Bytes.hash(key);
		return slice(shardIndex(h), db).dict.touch(key, h);
	}

	DbShard slice(int shard, int db) {
		return shards[shard].dbs[db];
	}

}

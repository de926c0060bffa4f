package dev.larder.engine.keyspace;

import dev.larder.engine.events.KeyChanges;

import dev.larder.engine.EngineClock;

/**
 * All keys of all logical databases, split into a power-of-two number of {@link Shard}s.
 * Commands lock the shards of their keys (in ascending index order, so two multi-key
 * commands cannot deadlock) and then work through a {@link Database} view.
 *
 * <p>
 * Memory accounting: each (shard, database) slice keeps a running total of the heap its
 * keys hold, updated under the shard lock by every change; {@link #usedBytes()} sums them
 * for INFO and eviction, {@link #usedBytes(int)} reads one shard exactly under its lock.
 */
public final class Keyspace {

	private final Shard[] shards;

	private final int mask;

	private final Database[] databases;

	private final EngineClock clock;

	private final EngineStats stats;

	private final MemoryGauge gauge = new MemoryGauge();

	private final KeyAccess access;

	private final KeyChanges changes = new KeyChanges();

	public Keyspace(int shardCount, int databaseCount, EngineClock clock, EngineStats stats) {
		if (Integer.bitCount(shardCount) != 1) {
			throw new IllegalArgumentException("shard count must be a power of two");
		}
		this.access = new KeyAccess(clock);
		this.shards = new Shard[shardCount];
		for (int i = 0; i < shardCount; i++) {
			shards[i] = new Shard(databaseCount, gauge, access);
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

	/** Where every change to a key is reported (WATCH, tracking, notifications). */
	public KeyChanges changes() {
		return changes;
	}

	public EngineStats stats() {
		return stats;
	}

	/** How keys record their accesses (LRU clock, LFU counter, TinyLFU sketch). */
	public KeyAccess access() {
		return access;
	}

	/**
	 * The used bytes of all keys, from the {@link MemoryGauge}: cheap, and within the
	 * gauge's precision of {@link #usedBytes()}; what eviction compares with maxmemory.
	 */
	public MemoryGauge gauge() {
		return gauge;
	}

	/**
	 * How often the key was read lately by the shard's TinyLFU sketch, 0-15 (0 when no
	 * TinyLFU policy ever ran). The caller holds the key's shard lock.
	 */
	public int readFrequency(byte[] key) {
		int h = Bytes.hash(key);
		Shard s = shards[shardIndex(h)];
		assert s.isHeldByCurrentThread() : "shard not locked";
		return s.sketch().frequency(h);
	}

	/**
	 * {@link #readFrequency(byte[])} read without the shard's lock: the sketch may be a
	 * write behind (or, rarely, mid-growth), which is fine for deciding whether a duel is
	 * worth the locks.
	 */
	public int readFrequencyHint(byte[] key) {
		int h = Bytes.hash(key);
		return shards[shardIndex(h)].sketch().frequency(h);
	}

	/**
	 * {@link #readFrequency(byte[])} of a stored key, from the hash its entry keeps.
	 */
	public int readFrequency(KeyEntry e) {
		Shard s = shards[shardIndex(e.hash)];
		assert s.isHeldByCurrentThread() : "shard not locked";
		return s.sketch().frequency(e.hash);
	}

	/**
	 * The highest database that ever held a key in the shard: databases above it are
	 * empty there (a hint, read without the lock).
	 */
	public int highestDb(int shard) {
		return shards[shard].highestDb;
	}

	/** The heap all shards' TinyLFU sketches hold (0 unless a TinyLFU policy ran). */
	public long sketchBytes() {
		long total = 0;
		for (Shard s : shards) {
			total += s.sketchBytesRelaxed();
		}
		return total;
	}

	/**
	 * Folds every shard's pending count into the gauge, so that it is as close to the
	 * exact total as its current precision allows. Needed when the precision is made
	 * finer (a lower maxmemory): counts held back under the coarser step could otherwise
	 * leave the gauge short by up to that step per shard, and eviction stop early.
	 */
	public void syncGauge() {
		for (Shard shard : shards) {
			shard.lock();
			try {
				shard.flushPending();
			}
			finally {
				shard.unlock();
			}
		}
	}

	/**
	 * The heap every key of every database holds (keys, values, entries, dict tables, TTL
	 * arrays), summed without taking locks: each slice's figure is read whole, but a
	 * command running meanwhile may be counted or not. What INFO's used_memory is made
	 * of, with {@link #startupBytes()}.
	 */
	public long usedBytes() {
		long total = 0;
		for (Shard shard : shards) {
			for (DbShard slice : shard.dbs) {
				total += slice.usedBytesRelaxed();
			}
		}
		return total;
	}

	/**
	 * The heap the keys of one shard hold, in every database; exact, as the caller holds
	 * the shard's lock.
	 */
	public long usedBytes(int shard) {
		assert shards[shard].isHeldByCurrentThread() : "shard " + shard + " not locked";
		long total = 0;
		for (DbShard slice : shards[shard].dbs) {
			total += slice.usedBytes;
		}
		return total;
	}

	/**
	 * The heap of the keyspace's fixed structure, there before the first key: this
	 * object, the shards and their locks, and an empty slice (with its dict) per database
	 * per shard. Redis's used_memory_startup, for the part the engine can count.
	 */
	public long startupBytes() {
		long perShard = Shard.SHELL + JvmLayout.referenceArray(databases.length) + databases.length * DbShard.SHELL;
		return JvmLayout.instance(Keyspace.class) + JvmLayout.referenceArray(shards.length)
				+ JvmLayout.referenceArray(databases.length) + databases.length * JvmLayout.instance(Database.class)
				+ shards.length * perShard;
	}

	/**
	 * Recounts every slice's memory from scratch, locking each shard in turn, and fails
	 * on the first whose running total differs (tests only: walks every key). Returns the
	 * total.
	 */
	long recountUsedBytes() {
		long total = 0;
		for (int s = 0; s < shards.length; s++) {
			shards[s].lock();
			try {
				for (int db = 0; db < databases.length; db++) {
					DbShard slice = shards[s].dbs[db];
					long counted = slice.recount();
					if (counted != slice.usedBytes) {
						throw new IllegalStateException(
								"shard " + s + " db " + db + " counts " + slice.usedBytes + " bytes, holds " + counted);
					}
					total += counted;
				}
			}
			finally {
				shards[s].unlock();
			}
		}
		return total;
	}

	/**
	 * SWAPDB: databases {@code a} and {@code b} exchange their keys (values, TTLs and
	 * memory totals go with them) in every shard. The caller holds every shard's lock.
	 */
	public void swap(int a, int b) {
		for (Shard s : shards) {
			assert s.isHeldByCurrentThread() : "shard not locked";
			DbShard first = s.dbs[a];
			s.dbs[a] = s.dbs[b];
			s.dbs[b] = first;
			s.dbs[a].db(a);
			s.dbs[b].db(b);
			s.highestDb = Math.max(s.highestDb, Math.max(a, b));
		}
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

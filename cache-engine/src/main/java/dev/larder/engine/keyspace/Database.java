package dev.larder.engine.keyspace;

import dev.larder.engine.events.KeyChanges;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One logical database (SELECT n) seen across all shards. Every method expects the caller
 * to hold the lock of the shard the key lives in (asserted when assertions are on);
 * shard-wide methods take the shard index. Reads expire lazily, as Redis's lookupKey
 * does: an expired key is deleted when touched and reported absent.
 */
public final class Database {

	private final Keyspace keyspace;

	private final int index;

	Database(Keyspace keyspace, int index) {
		this.keyspace = keyspace;
		this.index = index;
	}

	public int index() {
		return index;
	}

	public long now() {
		return keyspace.clock().millis();
	}

	/**
	 * The live entry for {@code key}, or null; deletes it first if it has expired.
	 * Records the access (Redis's lookupKey), for LRU and LFU.
	 */
	public @Nullable KeyEntry lookup(byte[] key) {
		KeyEntry e = lookupNoTouch(key);
		if (e != null) {
			keyspace.access().touch(e);
		}
		return e;
	}

	/**
	 * {@link #lookup} that leaves the key's access time and frequency alone, as Redis's
	 * LOOKUP_NOTOUCH does for OBJECT, TYPE, TTL and EXISTS.
	 */
	public @Nullable KeyEntry lookupNoTouch(byte[] key) {
		return lookupNoTouch(key, Bytes.hash(key));
	}

	private @Nullable KeyEntry lookupNoTouch(byte[] key, int h) {
		DbShard s = slice(h);
		KeyEntry e = s.get(key, h);
		if (e instanceof VolatileKeyEntry v && v.expireAt != KeyEntry.NO_EXPIRY && v.isExpired(now())) {
			removeExpired(e);
			keyspace.stats().expiredKeys.increment();
			return null;
		}
		return e;
	}

	/**
	 * {@link #lookup} that also counts keyspace hits and misses, for read commands, and
	 * under a TinyLFU policy counts the read in the shard's sketch, found or not.
	 */
	public @Nullable KeyEntry lookupRead(byte[] key) {
		int h = Bytes.hash(key);
		KeyEntry e = lookupNoTouch(key, h);
		if (e != null) {
			keyspace.access().touch(e);
		}
		countHitOrMiss(key, e);
		if (keyspace.access().mode() == KeyAccess.Mode.TINYLFU) {
			keyspace.shard(keyspace.shardIndex(h)).countRead(h);
		}
		return e;
	}

	/**
	 * {@link #lookupNoTouch} that counts keyspace hits and misses, as EXISTS does in
	 * Redis.
	 */
	public @Nullable KeyEntry lookupReadNoTouch(byte[] key) {
		KeyEntry e = lookupNoTouch(key);
		countHitOrMiss(key, e);
		return e;
	}

	private void countHitOrMiss(byte[] key, @Nullable KeyEntry e) {
		if (e == null) {
			keyspace.stats().keyspaceMisses.increment();
			keyspace.changes().notify(KeyChanges.NOTIFY_KEY_MISS, "keymiss", key, index);
		}
		else {
			keyspace.stats().keyspaceHits.increment();
		}
	}

	/**
	 * Sets a string with an absolute expiry, or none for {@link KeyEntry#NO_EXPIRY}, as
	 * SET with EX/PX/EXAT/PXAT does.
	 */
	public KeyEntry put(byte[] key, byte[] value, long expireAt) {
		if (expireAt == KeyEntry.NO_EXPIRY) {
			return put(key, value);
		}
		int h = Bytes.hash(key);
		DbShard s = slice(h);
		KeyEntry e = s.get(key, h);
		if (e == null) {
			e = s.addVolatile(key, h, value, keyspace.access().initial());
			added(key);
		}
		else {
			s.replace(e, value);
		}
		return s.setExpire(e, expireAt);
	}

	/** Sets a string and drops any TTL, as SET does. */
	public KeyEntry put(byte[] key, byte[] value) {
		int h = Bytes.hash(key);
		DbShard s = slice(h);
		KeyEntry e = s.get(key, h);
		if (e == null) {
			KeyEntry added = s.add(key, h, value, keyspace.access().initial());
			added(key);
			return added;
		}
		s.replace(e, value);
		s.persist(e);
		return e;
	}

	/**
	 * Replaces the value of a live entry in place, keeping its TTL (APPEND, INCR, SET
	 * KEEPTTL).
	 */
	public void replaceValue(KeyEntry e, byte[] value) {
		slice(e.hash).replace(e, value);
	}

	/**
	 * {@link #replaceValue} with a string Redis would hold raw whatever its content
	 * (dbUnshareStringValue: SETRANGE, APPEND), so OBJECT ENCODING says {@code raw}.
	 */
	public void replaceValueRaw(KeyEntry e, byte[] value) {
		slice(e.hash).replace(e, Values.rawString(value));
	}

	/**
	 * The bytes of a string key, at least {@code minLength} long (grown with zeros, as
	 * sdsgrowzero), to be changed in place by the caller under the key's shard lock, as
	 * SETBIT and BITFIELD write bits: the value becomes a {@link RawString} that owns its
	 * array, copied once from a bare array (which replies may share) and again only when
	 * it must grow.
	 */
	public byte[] bitsForUpdate(KeyEntry e, int minLength) {
		if (e.value instanceof RawString raw && raw.bytes.length >= minLength) {
			return raw.bytes;
		}
		byte[] old = e.stringUnderLock();
		byte[] bits = Arrays.copyOf(old, Math.max(old.length, minLength));
		slice(e.hash).replace(e, new RawString(bits));
		return bits;
	}

	/**
	 * Adds, under a key known to be absent, a bitmap of {@code length} zero bytes, and
	 * returns its bytes for the caller to write in place under the key's shard lock (see
	 * {@link #bitsForUpdate}).
	 */
	public byte[] addBits(byte[] key, int length) {
		byte[] bits = new byte[length];
		addValue(key, new RawString(bits));
		return bits;
	}

	/**
	 * {@link #add(byte[], byte[])} with a string Redis would create raw
	 * (createObject(OBJ_STRING, sds): SETRANGE on a missing key).
	 */
	public KeyEntry addRaw(byte[] key, byte[] value) {
		return addValue(key, Values.rawString(value));
	}

	/**
	 * {@link #put(byte[], byte[])} (setKey: the TTL goes, an expired key is reported
	 * expired and then new) of a bitmap, as BITOP stores its result: held raw, and
	 * {@code value} becomes the keyspace's, for {@link #bitsForUpdate} to change in place
	 * later.
	 */
	public KeyEntry putBits(byte[] key, byte[] value) {
		int h = Bytes.hash(key);
		KeyEntry e = lookupNoTouch(key, h);
		if (e == null) {
			return addValue(key, new RawString(value));
		}
		DbShard s = slice(h);
		s.replace(e, new RawString(value));
		s.persist(e);
		return e;
	}

	/**
	 * Adds a string under a key known to be absent (after a failed lookup under the same
	 * lock).
	 */
	public KeyEntry add(byte[] key, byte[] value) {
		return addValue(key, value);
	}

	/** Adds a collection under a key known to be absent. */
	public KeyEntry add(byte[] key, CollectionValue value) {
		return addValue(key, value);
	}

	/**
	 * Stores a collection under a key, replacing whatever value and TTL it had, as
	 * Redis's setKey does for the STORE commands: only an absent key is added (and
	 * reported new).
	 */
	public KeyEntry overwrite(byte[] key, CollectionValue value) {
		int h = Bytes.hash(key);
		KeyEntry e = lookupNoTouch(key, h);
		if (e == null) {
			return addValue(key, value);
		}
		DbShard s = slice(h);
		s.replace(e, value);
		s.persist(e);
		return e;
	}

	/**
	 * Adds a key known to be absent that holds {@code source}'s value itself, for RENAME,
	 * which moves a value rather than copying it. The source must have been removed
	 * first: a collection counts in one slice's memory total at a time, the last that
	 * took it.
	 */
	public KeyEntry addMoved(byte[] key, KeyEntry source) {
		assert !(source.value instanceof AccountedValue v) || v.owner == null : "move a removed key's value";
		KeyEntry moved = addValue(key, source.value);
		moved.access = source.access;
		return moved;
	}

	/**
	 * Adds a key known to be absent that holds a deep copy of {@code source}'s value, for
	 * COPY (possibly from another database).
	 */
	public KeyEntry addCopy(byte[] key, KeyEntry source) {
		return addValue(key, Values.deepCopy(source.value));
	}

	// Every way in takes a byte[] string or a CollectionValue (or a value already
	// stored), so Values.accept can rely on what it finds.
	private KeyEntry addValue(byte[] key, Object value) {
		int h = Bytes.hash(key);
		KeyEntry e = slice(h).add(key, h, value, keyspace.access().initial());
		added(key);
		return e;
	}

	/** dbAdd's notification. */
	private void added(byte[] key) {
		keyspace.changes().notify(KeyChanges.NOTIFY_NEW, "new", key, index);
	}

	/** Deletes a key; false when it did not exist (or had already expired). */
	public boolean delete(byte[] key) {
		KeyEntry e = lookup(key);
		if (e == null) {
			return false;
		}
		remove(e);
		return true;
	}

	public void remove(KeyEntry e) {
		slice(e.hash).remove(e);
	}

	/**
	 * Deletes a key found expired and reports it (Redis's deleteExpiredKeyAndPropagate),
	 * leaving the expired-keys count to the caller.
	 */
	public void removeExpired(KeyEntry e) {
		slice(e.hash).remove(e);
		KeyChanges changes = keyspace.changes();
		if (changes.observed() || changes.notifying(KeyChanges.NOTIFY_EXPIRED)) {
			// key() makes an array for a short key kept inline: only when someone listens
			byte[] key = e.key();
			changes.notify(KeyChanges.NOTIFY_EXPIRED, "expired", key, index);
			changes.modified(index, key);
		}
	}

	/**
	 * Deletes a key evicted to stay under maxmemory and reports it, as performEvictions
	 * does, leaving the evicted-keys count to the caller.
	 */
	public void removeEvicted(KeyEntry e) {
		slice(e.hash).remove(e);
		KeyChanges changes = keyspace.changes();
		if (changes.observed() || changes.notifying(KeyChanges.NOTIFY_EVICTED)) {
			byte[] key = e.key();
			changes.modified(index, key);
			changes.notify(KeyChanges.NOTIFY_EVICTED, "evicted", key, index);
		}
	}

	/**
	 * Sets the key's absolute expiry and returns the entry that stands for the key from
	 * now on (a key without a TTL gets a new entry): callers go on with the returned one.
	 */
	public KeyEntry expireAt(KeyEntry e, long atMillis) {
		return slice(e.hash).setExpire(e, atMillis);
	}

	public void persist(KeyEntry e) {
		slice(e.hash).persist(e);
	}

	/**
	 * The heap a key holds, as MEMORY USAGE reports it: its entry, its key's bytes and
	 * its value (not its share of the dict's table). What deleting it gives back.
	 */
	public static long memoryUsage(KeyEntry e) {
		return e.entryAndKeyBytes() + Values.memoryUsage(e.value);
	}

	// Shard-wide operations, for keyless commands (KEYS, SCAN, DBSIZE, FLUSHDB,
	// RANDOMKEY), active expiry and memory figures.

	/**
	 * The heap this database's keys in a shard hold: keys, entries, values, the dict's
	 * table and the TTL array. Exact, as the caller holds the shard's lock.
	 */
	public long usedBytes(int shard) {
		return sliceAt(shard).usedBytes;
	}

	/**
	 * The part of {@link #usedBytes} that is the keyspace's own structure (entries and
	 * the dict's table), Redis's overhead.hashtable.main.
	 */
	public long overheadMain(int shard) {
		return sliceAt(shard).overheadMain();
	}

	/**
	 * The part of {@link #usedBytes} that tracks TTLs (the array of keys that have one),
	 * Redis's overhead.hashtable.expires.
	 */
	public long overheadExpires(int shard) {
		return sliceAt(shard).overheadExpires();
	}

	public int size(int shard) {
		return sliceAt(shard).dict.size();
	}

	/**
	 * Unlocked read of a shard's key count: only a hint, to skip empty shards without
	 * taking their lock.
	 */
	public int sizeHint(int shard) {
		return keyspace.slice(shard, index).dict.size();
	}

	public int volatileCount(int shard) {
		return sliceAt(shard).volatileCount();
	}

	/**
	 * Unlocked read of a shard's TTL count: only a hint, to skip empty shards without
	 * taking their lock.
	 */
	public int volatileCountHint(int shard) {
		return keyspace.slice(shard, index).volatileCount();
	}

	public long scan(int shard, long cursor, Consumer<KeyEntry> visitor) {
		return sliceAt(shard).dict.scan(cursor, visitor);
	}

	public void forEach(int shard, Consumer<KeyEntry> visitor) {
		sliceAt(shard).dict.forEach(visitor);
	}

	/** A random key of the shard, or null when it has none. */
	public @Nullable KeyEntry random(int shard, RandomGenerator rnd) {
		return sliceAt(shard).dict.random(rnd);
	}

	/** A random key with a TTL of the shard, or null when it has none. */
	public @Nullable KeyEntry randomVolatile(int shard, RandomGenerator rnd) {
		return sliceAt(shard).randomVolatile(rnd);
	}

	/**
	 * Whether {@code e} is still the entry of its key in this database (not deleted,
	 * replaced or expired away since it was sampled). The caller holds its shard's lock.
	 */
	public boolean holds(KeyEntry e) {
		return slice(e.hash).dict.holds(e);
	}

	/**
	 * The stored entry of {@code key}, even one whose time to live has passed, without
	 * expiring it, recording an access or counting a hit (Redis's dictFind on the main
	 * dict, as WATCH's keyIsExpired and touchWatchedKey use it). The caller holds the
	 * key's shard lock.
	 */
	public @Nullable KeyEntry peek(byte[] key) {
		int h = Bytes.hash(key);
		return slice(h).get(key, h);
	}

	public void clear(int shard) {
		sliceAt(shard).clear();
	}

	private DbShard slice(int hash) {
		int shard = keyspace.shardIndex(hash);
		assert keyspace.shard(shard).isHeldByCurrentThread() : "shard " + shard + " not locked";
		return keyspace.slice(shard, index);
	}

	private DbShard sliceAt(int shard) {
		assert keyspace.shard(shard).isHeldByCurrentThread() : "shard " + shard + " not locked";
		return keyspace.slice(shard, index);
	}

}

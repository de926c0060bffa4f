package dev.larder.engine.command;

import dev.larder.engine.events.KeyChangeListener;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.KeyEntry;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Which clients watch which keys (Redis's per-db watched_keys dicts and multi.c's
 * touchWatchedKey / touchAllWatchedKeysInDb / isWatchedKeyExpired), fed by the engine's
 * one change feed. It listens only once some client has watched a key, so an engine that
 * never sees WATCH pays nothing on writes.
 *
 * <p>
 * The table is split like the keyspace, one bucket per shard, each guarded by its own
 * monitor. That monitor is always the last lock taken: a shard lock is never requested
 * while holding one, so it cannot take part in a deadlock. Whoever reads the keyspace to
 * decide (WATCH, a change report, EXEC's expiry check) holds the key's shard lock.
 */
final class WatchRegistry implements KeyChangeListener {

	private final Keyspace keyspace;

	private final Map<WatchKey, List<WatchedKey>>[] buckets;

	/** Watches held by all clients: a change report returns at once while none is. */
	private final AtomicInteger watching = new AtomicInteger();

	private final AtomicBoolean listening = new AtomicBoolean();

	@SuppressWarnings({ "unchecked", "rawtypes" }) // an array of a generic type
	WatchRegistry(Keyspace keyspace) {
		this.keyspace = keyspace;
		this.buckets = new Map[keyspace.shardCount()];
		for (int i = 0; i < buckets.length; i++) {
			buckets[i] = new HashMap<>();
		}
	}

	/**
	 * WATCH of {@code key} in {@code db}; the caller holds the key's shard lock (WATCH's
	 * key specs make the executor take it), so whether the key is stored, and expired,
	 * cannot change meanwhile.
	 */
	void watch(SessionWatches owner, int db, byte[] key, long now) {
		if (owner.watches(db, key)) {
			return;
		}
		if (listening.compareAndSet(false, true)) {
			keyspace.changes().addListener(this);
		}
		int hash = Bytes.hash(key);
		WatchedKey wk = new WatchedKey(db, key, hash, owner);
		KeyEntry e = keyspace.db(db).peek(key);
		wk.expired = e != null && e.isExpired(now);
		wk.present = e != null && !wk.expired;
		Map<WatchKey, List<WatchedKey>> bucket = bucket(hash);
		synchronized (bucket) {
			bucket.computeIfAbsent(new WatchKey(db, key, hash), k -> new ArrayList<>(2)).add(wk);
		}
		owner.keys.add(wk);
		watching.incrementAndGet();
	}

	/** Redis's unwatchAllKeys: forgets every key the client watches. */
	void unwatchAll(SessionWatches owner) {
		for (WatchedKey wk : owner.keys) {
			Map<WatchKey, List<WatchedKey>> bucket = bucket(wk.hash);
			synchronized (bucket) {
				WatchKey k = new WatchKey(wk.db, wk.key, wk.hash);
				List<WatchedKey> list = bucket.get(k);
				if (list != null) {
					list.remove(wk);
					if (list.isEmpty()) {
						bucket.remove(k);
					}
				}
			}
			watching.decrementAndGet();
		}
		owner.keys.clear();
	}

	/** Adds the shards of the client's watched keys to {@code shards}. */
	void addShards(SessionWatches owner, BitSet shards) {
		for (WatchedKey wk : owner.keys) {
			shards.set(keyspace.shardIndex(wk.hash));
		}
	}

	/**
	 * Redis's isWatchedKeyExpired: whether a key alive when watched has since passed its
	 * time to live, even if nothing deleted it yet. The caller holds the shard locks of
	 * all the client's watched keys.
	 */
	boolean anyExpired(SessionWatches owner, long now) {
		for (WatchedKey wk : owner.keys) {
			boolean expiredWhenWatched;
			synchronized (bucket(wk.hash)) {
				expiredWhenWatched = wk.expired;
			}
			if (!expiredWhenWatched) {
				KeyEntry e = keyspace.db(wk.db).peek(wk.key);
				if (e != null && e.isExpired(now)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * touchWatchedKey: every client watching the key becomes dirty, except where the key
	 * was already expired when watched and is now gone (its deletion is no logical
	 * change; the watch then becomes one of a missing key).
	 */
	@Override
	public void keyModified(int db, byte[] key) {
		if (watching.get() == 0) {
			return;
		}
		int hash = Bytes.hash(key);
		Shard shard = keyspace.shard(keyspace.shardIndex(hash));
		// Commands report under the key's shard lock. A report made after the lock was
		// released (the executor's interim signal) comes from a thread holding no shard
		// lock, so taking this one alone cannot deadlock.
		boolean locked = !shard.isHeldByCurrentThread();
		if (locked) {
			shard.lock();
		}
		try {
			Map<WatchKey, List<WatchedKey>> bucket = bucket(hash);
			synchronized (bucket) {
				List<WatchedKey> list = bucket.get(new WatchKey(db, key, hash));
				if (list == null) {
					return;
				}
				for (WatchedKey wk : list) {
					if (wk.expired && keyspace.db(db).peek(key) == null) {
						wk.expired = false;
						wk.present = false;
						continue;
					}
					wk.owner.dirty = true;
				}
			}
		}
		finally {
			if (locked) {
				shard.unlock();
			}
		}
	}

	/**
	 * touchAllWatchedKeysInDb(db, NULL) for FLUSHDB and FLUSHALL: a watched key that is
	 * stored when the database is emptied makes its client dirty, unless it was already
	 * expired when watched.
	 */
	@Override
	public void databaseFlushed(int db) {
		if (watching.get() == 0) {
			return;
		}
		for (Map<WatchKey, List<WatchedKey>> bucket : buckets) {
			synchronized (bucket) {
				for (Map.Entry<WatchKey, List<WatchedKey>> entry : bucket.entrySet()) {
					if (db != -1 && entry.getKey().db != db) {
						continue;
					}
					for (WatchedKey wk : entry.getValue()) {
						if (wk.present) {
							wk.owner.dirty = true;
						}
						wk.expired = false;
						wk.present = false;
					}
				}
			}
		}
	}

	/**
	 * touchAllWatchedKeysInDb both ways for SWAPDB, called before the swap with every
	 * shard locked or none (a shard not held is locked in turn, ascending).
	 */
	@Override
	public void databasesSwapped(int a, int b) {
		if (watching.get() == 0) {
			return;
		}
		long now = keyspace.clock().millis();
		for (int s = 0; s < buckets.length; s++) {
			Shard shard = keyspace.shard(s);
			boolean locked = !shard.isHeldByCurrentThread();
			if (locked) {
				shard.lock();
			}
			try {
				synchronized (buckets[s]) {
					for (Map.Entry<WatchKey, List<WatchedKey>> entry : buckets[s].entrySet()) {
						int db = entry.getKey().db;
						if (db == a || db == b) {
							swapped(entry.getValue(), entry.getKey().key, db, db == a ? b : a, now);
						}
					}
				}
			}
			finally {
				if (locked) {
					shard.unlock();
				}
			}
		}
	}

	/**
	 * One watched key of {@code emptied}, whose contents {@code replacedWith}'s replace.
	 */
	private void swapped(List<WatchedKey> watchers, byte[] key, int emptied, int replacedWith, long now) {
		KeyEntry before = keyspace.db(emptied).peek(key);
		KeyEntry after = keyspace.db(replacedWith).peek(key);
		if (before == null && after == null) {
			return;
		}
		boolean afterExpired = after != null && after.isExpired(now);
		for (WatchedKey wk : watchers) {
			if (wk.expired) {
				if (after == null) {
					// an expired key now deleted: no logical change
					wk.expired = false;
					wk.present = false;
					continue;
				}
				if (afterExpired) {
					continue; // expired, and still so
				}
			}
			else if (before == null && afterExpired) {
				// a missing key replaced by an expired one
				wk.expired = true;
				continue;
			}
			wk.owner.dirty = true;
		}
	}

	private Map<WatchKey, List<WatchedKey>> bucket(int hash) {
		return buckets[keyspace.shardIndex(hash)];
	}

	/** A (database, key) of the table, hashed as the keyspace hashes the key. */
	private static final class WatchKey {

		final int db;

		final byte[] key;

		final int hash;

		WatchKey(int db, byte[] key, int hash) {
			this.db = db;
			this.key = key;
			this.hash = hash;
		}

		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof WatchKey k && k.db == db && k.hash == hash && Arrays.equals(k.key, key);
		}

		@Override
		public int hashCode() {
			return hash * 31 + db;
		}

	}

}

package dev.larder.engine.keyspace;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one logical database that fall in one shard. Besides the dict it keeps a
 * dense array of the keys that have a TTL: the active expiry cycle samples it uniformly
 * in O(1), where Redis samples its separate expires dict. Guarded by the owning
 * {@link Shard}'s lock.
 */
final class DbShard {

	private static final KeyEntry[] NONE = new KeyEntry[0];

	final Dict<KeyEntry> dict = new Dict<>();

	/**
	 * The keys with a TTL in slots below {@link #volatileCount}; the slots past it are
	 * null.
	 */
	private @Nullable KeyEntry[] volatiles = NONE;

	private int volatileCount;

	int volatileCount() {
		return volatileCount;
	}

	@Nullable KeyEntry get(byte[] key, int hash) {
		return dict.get(key, hash);
	}

	KeyEntry add(byte[] key, int hash, Object value) {
		KeyEntry e = new KeyEntry(key, hash, value);
		dict.insert(e);
		return e;
	}

	void remove(KeyEntry e) {
		dict.remove(e.key, e.hash);
		unlinkVolatile(e);
	}

	void setExpire(KeyEntry e, long at) {
		e.expireAt = at;
		if (e.volatileIndex < 0) {
			if (volatileCount == volatiles.length) {
				volatiles = Arrays.copyOf(volatiles, Math.max(8, volatileCount * 2));
			}
			e.volatileIndex = volatileCount;
			volatiles[volatileCount++] = e;
		}
	}

	void persist(KeyEntry e) {
		e.expireAt = KeyEntry.NO_EXPIRY;
		unlinkVolatile(e);
	}

	@Nullable KeyEntry randomVolatile(RandomGenerator rnd) {
		return volatileCount == 0 ? null : volatileAt(rnd.nextInt(volatileCount));
	}

	void clear() {
		dict.clear();
		volatiles = NONE;
		volatileCount = 0;
	}

	/**
	 * Swap-remove, so removal stays O(1); shrinks the array after mass expiry to give the
	 * memory back.
	 */
	private void unlinkVolatile(KeyEntry e) {
		int i = e.volatileIndex;
		if (i < 0) {
			return;
		}
		KeyEntry last = volatileAt(--volatileCount);
		volatiles[i] = last;
		last.volatileIndex = i;
		volatiles[volatileCount] = null;
		e.volatileIndex = -1;
		if (volatiles.length > 64 && volatileCount * 4 < volatiles.length) {
			volatiles = Arrays.copyOf(volatiles, volatiles.length / 2);
		}
	}

	// The type cannot say that the slots below volatileCount are never null, and this is
	// every key removal's path, so no check is added to prove it.
	@SuppressWarnings("NullAway")
	private KeyEntry volatileAt(int i) {
		return volatiles[i];
	}

}

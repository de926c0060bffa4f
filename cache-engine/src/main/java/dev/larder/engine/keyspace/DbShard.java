package dev.larder.engine.keyspace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one logical database that fall in one shard. Besides the dict it keeps a
 * dense array of the keys that have a TTL: the active expiry cycle samples it uniformly
 * in O(1), where Redis samples its separate expires dict. Guarded by the owning
 * {@link Shard}'s lock.
 *
 * <p>
 * It also keeps the running total of the heap its keys hold ({@link #usedBytes}): per key
 * the entry and the key's bytes, the value (a string's array, or what the collection
 * reports, see {@link AccountedValue}), and the dict's table and the array of keys with a
 * TTL. Every change adds its difference under the shard lock the command holds already,
 * so the total is exact whenever the lock is free, and costs a long add per write and
 * nothing per read.
 */
final class DbShard {

	private static final VolatileKeyEntry[] NONE = new VolatileKeyEntry[0];

	/** A key's entry object, without its key bytes or value. */
	static final long ENTRY_BYTES = JvmLayout.instance(KeyEntry.class);

	/** The entry of a key that has (or had) a TTL. */
	static final long VOLATILE_ENTRY_BYTES = JvmLayout.instance(VolatileKeyEntry.class);

	/** The entries of short keys, which hold their key's bytes. */
	static final long INLINE_ENTRY_BYTES = JvmLayout.instance(InlineKeyEntry.class);

	static final long VOLATILE_INLINE_ENTRY_BYTES = JvmLayout.instance(VolatileInlineKeyEntry.class);

	/** The heap of an empty slice: this object and its dict. */
	static final long SHELL = JvmLayout.instance(DbShard.class) + Dict.SHELL;

	private static final VarHandle USED_BYTES;

	static {
		try {
			USED_BYTES = MethodHandles.lookup().findVarHandle(DbShard.class, "usedBytes", long.class);
		}
		catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	final Dict<KeyEntry> dict = new Dict<>();

	/** The shard this slice belongs to, whose lock guards it. */
	private final Shard shard;

	/**
	 * The keys with a TTL in slots below {@link #volatileCount}; the slots past it are
	 * null.
	 */
	private @Nullable VolatileKeyEntry[] volatiles = NONE;

	private int volatileCount;

	/**
	 * The heap this slice's keys hold, as described above. Written under the shard lock,
	 * also by the collections it holds ({@link AccountedValue#resized}).
	 */
	long usedBytes;

	/** The logical database of this slice (SWAPDB moves a slice to another). */
	private int db;

	DbShard(Shard shard, int db) {
		this.shard = shard;
		this.db = db;
	}

	void db(int db) {
		this.db = db;
	}

	/**
	 * Records a change of {@code delta} bytes: in this slice's exact total and, in
	 * batches, in the keyspace's gauge.
	 */
	void account(long delta) {
		usedBytes += delta;
		shard.account(delta);
	}

	/**
	 * The entry object alone, without a key array of its own (overhead.hashtable.main).
	 */
	static long entryBytes(KeyEntry e) {
		if (e instanceof InlineKey) {
			return e instanceof VolatileKeyEntry ? VOLATILE_INLINE_ENTRY_BYTES : INLINE_ENTRY_BYTES;
		}
		return e instanceof VolatileKeyEntry ? VOLATILE_ENTRY_BYTES : ENTRY_BYTES;
	}

	/**
	 * {@link #usedBytes} read without the lock, for figures summed across shards (INFO):
	 * never torn, possibly a command behind.
	 */
	long usedBytesRelaxed() {
		return (long) USED_BYTES.getOpaque(this);
	}

	/**
	 * What the dict's entries and table and the TTL array take, Redis's
	 * overhead.hashtable.main and .expires: the rest of {@link #usedBytes} is keys and
	 * values.
	 */
	long overheadMain() {
		long[] entries = { 0 };
		dict.forEach(e -> entries[0] += entryBytes(e));
		return entries[0] + dict.tableBytes();
	}

	long overheadExpires() {
		return volatilesBytes();
	}

	int volatileCount() {
		return volatileCount;
	}

	@Nullable KeyEntry get(byte[] key, int hash) {
		return dict.get(key, hash);
	}

	KeyEntry add(byte[] key, int hash, Object value, int access) {
		return insert(KeyEntry.of(key, hash, value), access);
	}

	/**
	 * Adds a key that is about to get a TTL in its final entry class, sparing the
	 * replacement {@link #setExpire} would make.
	 */
	KeyEntry addVolatile(byte[] key, int hash, Object value, int access) {
		return insert(VolatileKeyEntry.of(key, hash, value), access);
	}

	private KeyEntry insert(KeyEntry e, int access) {
		e.access = access;
		if (db > shard.highestDb) {
			shard.highestDb = db;
		}
		long table = dict.tableBytes();
		dict.insert(e);
		account(e.entryAndKeyBytes() + attach(e.value) + dict.tableBytes() - table);
		return e;
	}

	void remove(KeyEntry e) {
		long structure = dict.tableBytes() + volatilesBytes();
		KeyEntry removed = dict.removeEntry(e);
		unlinkVolatile(e);
		long delta = 0;
		if (removed != null) {
			delta -= removed.entryAndKeyBytes() + detach(removed.value);
		}
		account(delta + dict.tableBytes() + volatilesBytes() - structure);
	}

	/** Gives a stored key another value (SET over any type, APPEND, INCR ...). */
	void replace(KeyEntry e, Object value) {
		Object old = e.value;
		e.value = value;
		account(attach(value) - detach(old));
	}

	/** Makes this slice the owner of a value being stored; returns its size. */
	private long attach(Object value) {
		if (value instanceof byte[] string) {
			return JvmLayout.byteArray(string.length);
		}
		if (value instanceof RawString raw) {
			return RawString.SHELL + JvmLayout.byteArray(raw.bytes.length);
		}
		AccountedValue v = (AccountedValue) value;
		v.owner = this;
		return v.memoryUsage();
	}

	/** The reverse of {@link #attach}, for a value that leaves this slice. */
	private long detach(Object value) {
		if (value instanceof byte[] string) {
			return JvmLayout.byteArray(string.length);
		}
		if (value instanceof RawString raw) {
			return RawString.SHELL + JvmLayout.byteArray(raw.bytes.length);
		}
		AccountedValue v = (AccountedValue) value;
		if (v.owner == this) {
			v.owner = null;
		}
		return v.memoryUsage();
	}

	/**
	 * Gives a stored key a TTL and returns the entry that now stands for the key: a key
	 * that never had one changes entry class, so callers must go on with the returned
	 * entry.
	 */
	VolatileKeyEntry setExpire(KeyEntry e, long at) {
		VolatileKeyEntry v;
		if (e instanceof VolatileKeyEntry already) {
			v = already;
		}
		else {
			v = VolatileKeyEntry.copyOf(e);
			dict.replace(e, v);
			account(v.entryAndKeyBytes() - e.entryAndKeyBytes());
		}
		v.expireAt = at;
		if (v.volatileIndex < 0) {
			if (volatileCount == volatiles.length) {
				long before = volatilesBytes();
				volatiles = Arrays.copyOf(volatiles, Math.max(8, volatileCount * 2));
				account(volatilesBytes() - before);
			}
			v.volatileIndex = volatileCount;
			volatiles[volatileCount++] = v;
		}
		return v;
	}

	void persist(KeyEntry e) {
		if (e instanceof VolatileKeyEntry v) {
			v.expireAt = KeyEntry.NO_EXPIRY;
			long before = volatilesBytes();
			unlinkVolatile(v);
			account(volatilesBytes() - before);
		}
	}

	private long volatilesBytes() {
		return volatiles == NONE ? 0 : JvmLayout.referenceArray(volatiles.length);
	}

	@Nullable KeyEntry randomVolatile(RandomGenerator rnd) {
		return volatileCount == 0 ? null : volatileAt(rnd.nextInt(volatileCount));
	}

	/**
	 * Drops every key at once. The values dropped keep pointing at this slice as their
	 * owner, which is harmless: nothing can reach them any more to change them.
	 */
	void clear() {
		dict.clear();
		volatiles = NONE;
		volatileCount = 0;
		account(-usedBytes);
	}

	/**
	 * {@link #usedBytes} recomputed from scratch by walking every key and value (tests
	 * only), to check that the running total never drifts. Throws when a collection's own
	 * figure drifted or it is not attached to this slice (its changes would be lost).
	 */
	long recount() {
		long[] total = { dict.tableBytes() + volatilesBytes() };
		dict.forEach(e -> total[0] += e.entryAndKeyBytes() + recountValue(e));
		return total[0];
	}

	private long recountValue(KeyEntry e) {
		if (!(e.value instanceof AccountedValue v)) {
			return Values.memoryUsage(e.value);
		}
		long counted = v.recount();
		if (v.owner != this || counted != v.memoryUsage()) {
			throw new IllegalStateException("value of " + Bytes.string(e.key()) + " reports " + v.memoryUsage()
					+ " bytes, holds " + counted + (v.owner == this ? "" : ", and is not attached to its slice"));
		}
		return counted;
	}

	/**
	 * Swap-remove, so removal stays O(1); shrinks the array after mass expiry to give the
	 * memory back.
	 */
	private void unlinkVolatile(KeyEntry entry) {
		if (!(entry instanceof VolatileKeyEntry e) || e.volatileIndex < 0) {
			return;
		}
		int i = e.volatileIndex;
		VolatileKeyEntry last = volatileAt(--volatileCount);
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
	private VolatileKeyEntry volatileAt(int i) {
		return volatiles[i];
	}

}

package dev.larder.engine.keyspace;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A chained hash table over byte-string keys with a power-of-two table, like Redis's
 * dict. It exists (instead of {@code HashMap}) for three reasons: SCAN needs Redis's
 * reverse-binary cursor, which stays valid across resizes; the expiry cycle and RANDOMKEY
 * need uniform-ish random sampling; and one node per key, holding the key bytes directly,
 * keeps per-key memory close to Redis's.
 *
 * <p>
 * Not thread-safe: the owning shard's lock guards it. Resizing rehashes at once (no
 * incremental rehash yet).
 */
public final class Dict<E extends DictEntry> {

	private static final int MIN_CAPACITY = 4;

	/** The heap of an empty dict object, its table not included. */
	static final long SHELL = JvmLayout.instance(Dict.class);

	/** Null until the first insert; a bucket is null while it has no entries. */
	private @Nullable DictEntry @Nullable [] table;

	private int size;

	public int size() {
		return size;
	}

	public boolean isEmpty() {
		return size == 0;
	}

	/**
	 * The heap its bucket table takes (0 before the first insert): what memory accounting
	 * reads before and after a change, since inserts and removes may resize it.
	 */
	public long tableBytes() {
		@Nullable DictEntry[] t = table;
		return t == null ? 0 : JvmLayout.referenceArray(t.length);
	}

	/** The entry for {@code key}, or null when it is absent. */
	@SuppressWarnings("unchecked")
	public @Nullable E get(byte[] key, int hash) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			return null;
		}
		for (DictEntry e = t[hash & (t.length - 1)]; e != null; e = e.next) {
			if (e.hash == hash && e.keyEquals(key)) {
				return (E) e;
			}
		}
		return null;
	}

	/**
	 * Loads the lines a lookup of {@code key} will need (its bucket, the entries of its
	 * chain, the matching entry's key and value) and returns a meaningless number made
	 * from them, so the loads are not optimised away. Called without the owning lock, for
	 * commands about to run: concurrent writers may change the chain under it, which is
	 * harmless for loads whose results are thrown away, and the walk is bounded so a
	 * chain seen mid-resize cannot hold it.
	 */
	public int touch(byte[] key, int hash) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			return 0;
		}
		int sink = 0;
		DictEntry e = t[hash & (t.length - 1)];
		for (int steps = 0; e != null && steps < 4; steps++, e = e.next) {
			if (e.hash == hash) {
				Object v = e.value;
				sink += e.key.length
						+ (v instanceof byte[] b ? b.length : v instanceof RawString r ? r.bytes.length : 1);
			}
		}
		return sink;
	}

	/** Adds an entry whose key is known to be absent. */
	public void insert(E entry) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			t = new DictEntry[MIN_CAPACITY];
			table = t;
		}
		else if (size >= t.length) {
			t = resize(t, t.length << 1);
		}
		int i = entry.hash & (t.length - 1);
		entry.next = t[i];
		t[i] = entry;
		size++;
	}

	/**
	 * Removes and returns the entry for {@code key}, or returns null when it is absent.
	 */
	@SuppressWarnings("unchecked")
	public @Nullable E remove(byte[] key, int hash) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			return null;
		}
		int i = hash & (t.length - 1);
		DictEntry prev = null;
		for (DictEntry e = t[i]; e != null; prev = e, e = e.next) {
			if (e.hash == hash && e.keyEquals(key)) {
				if (prev == null) {
					t[i] = e.next;
				}
				else {
					prev.next = e.next;
				}
				e.next = null;
				size--;
				shrinkIfSparse(t);
				return (E) e;
			}
		}
		return null;
	}

	/**
	 * Removes {@code entry} itself (found by identity, so a short key kept inline needs
	 * no array); returns it, or null when it is not in the dict.
	 */
	@SuppressWarnings("unchecked")
	public @Nullable E removeEntry(E entry) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			return null;
		}
		int i = entry.hash & (t.length - 1);
		DictEntry prev = null;
		for (DictEntry e = t[i]; e != null; prev = e, e = e.next) {
			if (e == entry) {
				if (prev == null) {
					t[i] = e.next;
				}
				else {
					prev.next = e.next;
				}
				e.next = null;
				size--;
				shrinkIfSparse(t);
				return (E) e;
			}
		}
		return null;
	}

	/** Whether {@code entry} itself is in the dict. */
	public boolean holds(E entry) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			return false;
		}
		for (DictEntry e = t[entry.hash & (t.length - 1)]; e != null; e = e.next) {
			if (e == entry) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Puts {@code replacement}, an entry for the same key, in the place of
	 * {@code existing} in its chain.
	 */
	public void replace(E existing, E replacement) {
		@Nullable DictEntry[] t = Objects.requireNonNull(table, "replace in an empty dict");
		int i = existing.hash & (t.length - 1);
		DictEntry prev = null;
		for (DictEntry e = t[i]; e != null; prev = e, e = e.next) {
			if (e == existing) {
				replacement.next = e.next;
				if (prev == null) {
					t[i] = replacement;
				}
				else {
					prev.next = replacement;
				}
				e.next = null;
				return;
			}
		}
		throw new IllegalStateException("entry to replace is not in the dict");
	}

	public void clear() {
		table = null;
		size = 0;
	}

	/**
	 * One step of Redis's dictScan: visits the bucket at {@code cursor} and returns the
	 * next cursor (0 when done). Reverse-binary increments guarantee that entries present
	 * for the whole scan are visited at least once even if the table grows or shrinks
	 * between calls.
	 */
	@SuppressWarnings("unchecked")
	public long scan(long cursor, Consumer<? super E> visitor) {
		@Nullable DictEntry[] t = table;
		if (t == null || size == 0) {
			return 0;
		}
		long mask = t.length - 1;
		for (DictEntry e = t[(int) (cursor & mask)]; e != null; e = e.next) {
			visitor.accept((E) e);
		}
		cursor |= ~mask;
		cursor = Long.reverse(cursor);
		cursor++;
		return Long.reverse(cursor);
	}

	/**
	 * A random entry (random non-empty bucket, then a random chain position), or null
	 * when empty.
	 */
	@SuppressWarnings("unchecked")
	public @Nullable E random(RandomGenerator rnd) {
		@Nullable DictEntry[] t = table;
		if (t == null || size == 0) {
			return null;
		}
		DictEntry head;
		do {
			head = t[rnd.nextInt(t.length)];
		}
		while (head == null);
		int len = 0;
		for (DictEntry e = head; e != null; e = e.next) {
			len++;
		}
		DictEntry e = head;
		for (int skip = rnd.nextInt(len); skip > 0; skip--) {
			// Chains average under one entry, so this rarely runs.
			e = Objects.requireNonNull(e.next, "skip < len: the chain has a further entry");
		}
		return (E) e;
	}

	@SuppressWarnings("unchecked")
	public void forEach(Consumer<? super E> action) {
		@Nullable DictEntry[] t = table;
		if (t == null) {
			return;
		}
		for (DictEntry head : t) {
			for (DictEntry e = head; e != null; e = e.next) {
				action.accept((E) e);
			}
		}
	}

	/**
	 * Redis shrinks below 10% fill; doing the same keeps random sampling cheap after mass
	 * deletes.
	 */
	private void shrinkIfSparse(@Nullable DictEntry[] t) {
		if (t.length > MIN_CAPACITY && size * 10L < t.length) {
			resize(t, Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size)) << 1));
		}
	}

	/** Rehashes {@code old}, the current table, into a new one and returns it. */
	private @Nullable DictEntry[] resize(@Nullable DictEntry[] old, int capacity) {
		@Nullable DictEntry[] t = new DictEntry[capacity];
		int mask = capacity - 1;
		for (DictEntry head : old) {
			DictEntry e = head;
			while (e != null) {
				DictEntry next = e.next;
				int i = e.hash & mask;
				e.next = t[i];
				t[i] = e;
				e = next;
			}
		}
		table = t;
		return t;
	}

}

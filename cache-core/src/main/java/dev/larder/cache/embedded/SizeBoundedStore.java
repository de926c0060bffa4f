package dev.larder.cache.embedded;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.RemovalListener;
import dev.larder.cache.CacheSettings;
import dev.larder.cache.backend.CacheStore;
import org.jspecify.annotations.Nullable;

/**
 * An embedded cache with a {@code max-size}: the engine holds the entries, and a Caffeine
 * index of their keys (bounded to max-size, expiring after the cache's ttl) decides which
 * ones stay. When the index evicts a key for size, the key is deleted from the engine, so
 * the cache never holds more than max-size entries written through it, and it keeps the
 * ones Caffeine's Window TinyLFU would keep: hits touch the index, so a scan of one-off
 * keys does not push out the popular ones.
 *
 * <p>
 * The engine is the truth and the index may only know more keys than the engine holds,
 * never fewer. Writes therefore reach the engine before the index, and deletes leave the
 * index before the engine; a race between the two can only leave the index naming a key
 * the engine no longer has (one fewer entry cached), never an untracked key. The index
 * never calls the engine while it holds its own locks: its eviction listener only queues
 * the key, and the caller that caused the eviction deletes it once its own call is done
 * ({@link #settle()}).
 *
 * <p>
 * Keys the engine itself evicts to stay under maxmemory leave the index too, so that they
 * do not take up places in it. Because that removal comes after the engine's, a
 * concurrent put of the same key could be forgotten by the index; each such key is
 * checked again afterwards and put back in the index if the engine has it.
 */
final class SizeBoundedStore implements CacheStore {

	private final EmbeddedStore engine;

	private final Runnable evictionListener;

	/** The rendered keys; the values mean nothing. */
	private final Cache<String, Boolean> index;

	/** Keys the index dropped for size, still to delete from the engine. */
	private final Queue<String> sizeEvicted = new ConcurrentLinkedQueue<>();

	/** Keys the engine evicted and the index forgot, to check again. */
	private final Queue<String> memoryEvicted = new ConcurrentLinkedQueue<>();

	/**
	 * @param engine the cache's keys in the engine
	 * @param settings the cache's settings: its max-size and whether it expires
	 * @param evictionListener told of each entry removed for size or memory
	 */
	SizeBoundedStore(EmbeddedStore engine, CacheSettings settings, Runnable evictionListener) {
		this.engine = engine;
		this.evictionListener = evictionListener;
		RemovalListener<String, Boolean> onEviction = this::indexEvicted;
		// Runnable::run: the index's maintenance, hence its size evictions, happens
		// within
		// the call that wrote, so that the caller's settle() sees the keys at once.
		Caffeine<String, Boolean> builder = Caffeine.newBuilder()
			.maximumSize(settings.maxSize())
			.executor(Runnable::run)
			.evictionListener(onEviction);
		if (settings.expires()) {
			// The cache's ttl, which jitter only shortens: an index entry outlives its
			// key,
			// and is dropped exactly when it expires (a write-order queue, unlike the
			// coarse timer wheel of per-entry expiry) so it stops taking a place. With
			// stale-if-error the key lives that much longer in the engine, and so here.
			builder.expireAfterWrite(settings.storeTtl());
		}
		this.index = builder.build();
	}

	@Override
	public @Nullable Object get(Object key) {
		Object value = this.engine.get(key);
		if (value != null) {
			this.index.getIfPresent((String) key);
		}
		settle();
		return value;
	}

	@Override
	public void put(Object key, Object value, Duration ttl) {
		this.engine.put(key, value, ttl);
		this.index.put((String) key, Boolean.TRUE);
		settle();
	}

	@Override
	public @Nullable Object putIfAbsent(Object key, Object value, Duration ttl) {
		Object existing = this.engine.putIfAbsent(key, value, ttl);
		if (existing == null) {
			this.index.put((String) key, Boolean.TRUE);
		}
		else {
			this.index.getIfPresent((String) key);
		}
		settle();
		return existing;
	}

	@Override
	public boolean delete(Object key) {
		this.index.invalidate((String) key);
		boolean deleted = this.engine.delete(key);
		settle();
		return deleted;
	}

	@Override
	public void clear() {
		this.index.invalidateAll();
		this.engine.clear();
		settle();
	}

	/**
	 * The keys the index holds: the entries written through this cache, less those
	 * evicted, expired or deleted through it. Keys deleted over RESP still count.
	 */
	@Override
	public long estimatedSize() {
		return this.index.estimatedSize();
	}

	@Override
	public long remainingTtlMillis(Object key) {
		return this.engine.remainingTtlMillis(key);
	}

	@Override
	public Object nativeStore() {
		return this.engine.nativeStore();
	}

	/**
	 * A key of this cache the engine evicted to stay under maxmemory; called on the
	 * evicting thread, so it only updates the index and queues the key for a check.
	 */
	void evictedByEngine(String key) {
		this.index.invalidate(key);
		this.memoryEvicted.add(key);
		this.evictionListener.run();
	}

	private void indexEvicted(@Nullable String key, @Nullable Boolean value, RemovalCause cause) {
		// Expired index entries expired in the engine too; only size evictions need a
		// delete.
		if (cause == RemovalCause.SIZE && key != null) {
			this.sizeEvicted.add(key);
		}
	}

	/**
	 * Carries out what the index decided, on the caller's thread with no lock held: a key
	 * evicted for size is deleted from the engine (and counted if it was still there),
	 * and a key evicted by the engine that was written again meanwhile goes back in the
	 * index.
	 */
	private void settle() {
		String key;
		while ((key = this.memoryEvicted.poll()) != null) {
			if (this.engine.exists(key)) {
				this.index.asMap().putIfAbsent(key, Boolean.TRUE);
			}
		}
		while ((key = this.sizeEvicted.poll()) != null) {
			if (this.engine.delete(key)) {
				this.evictionListener.run();
			}
		}
	}

}

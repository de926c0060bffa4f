package dev.larder.cache.memcached;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.larder.cache.backend.CacheStore;
import net.rubyeye.xmemcached.MemcachedClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One cache's entries in a Memcached pool.
 *
 * <p>
 * Memcached cannot list keys, so {@code clear()} works by namespace generation: every
 * data key carries the cache's current generation number, kept in Memcached itself under
 * one key per cache; clearing increments it ({@code incr}, atomic, O(1)), after which old
 * entries are never read again and age out under Memcached's LRU. A generation that is
 * lost (evicted) is recreated from the clock, never from 0, so it cannot collide with an
 * old one.
 *
 * <p>
 * Reads stay one round trip: a get fetches the generation key together with the data key
 * of the last generation this instance saw, in one multi-get, and trusts the data only if
 * the generation is still that one; so a clear by any instance is seen by every
 * instance's next read. Plain writes use the last generation seen (a write into a
 * generation cleared meanwhile is simply never read); evict and putIfAbsent, which must
 * act on the live entry, read it first.
 */
final class MemcachedStore implements CacheStore {

	private static final Log logger = LogFactory.getLog(MemcachedStore.class);

	/** Room Memcached's item header and the key take inside the item size limit. */
	private static final int ITEM_OVERHEAD = 64;

	private final MemcachedClient client;

	private final String cacheName;

	private final String namespace;

	private final String generationKey;

	private final int maxItemSize;

	private final MemcachedExpiry expiry;

	private final Runnable skippedWriteListener;

	private final AtomicBoolean warnedOversized = new AtomicBoolean();

	/** The generation this instance last saw; -1 until it has looked. */
	private volatile long knownGeneration = -1;

	MemcachedStore(MemcachedClient client, String cacheName, String namespace, int maxItemSize, MemcachedExpiry expiry,
			Runnable skippedWriteListener) {
		this.client = client;
		this.cacheName = cacheName;
		this.namespace = namespace;
		this.generationKey = MemcachedKeys.legal(namespace + "generation");
		this.maxItemSize = maxItemSize;
		this.expiry = expiry;
		this.skippedWriteListener = skippedWriteListener;
	}

	@Override
	public @Nullable Object get(Object key) {
		long known = this.knownGeneration;
		if (known < 0) {
			String dataKey = dataKey(key, liveGeneration());
			return call("get", () -> this.client.get(dataKey, BytesTranscoder.INSTANCE));
		}
		String guess = dataKey(key, known);
		Map<String, byte[]> found = call("get",
				() -> this.client.get(List.of(this.generationKey, guess), BytesTranscoder.INSTANCE));
		byte[] generation = (found != null) ? found.get(this.generationKey) : null;
		if (generation == null) {
			// The generation was lost: start a fresh one; nothing older may be read.
			liveGeneration();
			return null;
		}
		long live = parse(generation);
		if (live == known) {
			return found.get(guess);
		}
		this.knownGeneration = live;
		String dataKey = dataKey(key, live);
		return call("get", () -> this.client.get(dataKey, BytesTranscoder.INSTANCE));
	}

	@Override
	public void put(Object key, Object value, Duration ttl) {
		byte[] bytes = (byte[]) value;
		long known = this.knownGeneration;
		String dataKey = dataKey(key, (known >= 0) ? known : liveGeneration());
		if (tooLarge(dataKey, bytes)) {
			return;
		}
		call("set", () -> this.client.set(dataKey, this.expiry.of(ttl), bytes, BytesTranscoder.INSTANCE));
	}

	@Override
	public @Nullable Object putIfAbsent(Object key, Object value, Duration ttl) {
		byte[] bytes = (byte[]) value;
		String dataKey = dataKey(key, liveGeneration());
		if (tooLarge(dataKey, bytes)) {
			return null;
		}
		int exp = this.expiry.of(ttl);
		for (int attempt = 0; attempt < 3; attempt++) {
			if (call("add", () -> this.client.add(dataKey, exp, bytes, BytesTranscoder.INSTANCE))) {
				return null;
			}
			byte[] existing = call("get", () -> this.client.get(dataKey, BytesTranscoder.INSTANCE));
			if (existing != null) {
				return existing;
			}
			// The entry expired or was evicted between add and get: try to add again.
		}
		return null;
	}

	@Override
	public boolean delete(Object key) {
		String dataKey = dataKey(key, liveGeneration());
		return call("delete", () -> this.client.delete(dataKey));
	}

	@Override
	public void clear() {
		this.knownGeneration = call("incr", () -> this.client.incr(this.generationKey, 1, freshGeneration()));
	}

	@Override
	public Object nativeStore() {
		return this.client;
	}

	/**
	 * The Memcached key of a rendered cache key: namespace, generation, then the key
	 * itself.
	 */
	private String dataKey(Object renderedKey, long generation) {
		String tail = ((String) renderedKey).substring(this.namespace.length());
		return MemcachedKeys.legal(this.namespace + generation + ":" + tail);
	}

	/** Reads the generation from Memcached (creating it if lost) and remembers it. */
	private long liveGeneration() {
		byte[] current = call("get", () -> this.client.get(this.generationKey, BytesTranscoder.INSTANCE));
		if (current == null) {
			byte[] initial = Long.toString(freshGeneration()).getBytes(StandardCharsets.US_ASCII);
			call("add", () -> this.client.add(this.generationKey, 0, initial, BytesTranscoder.INSTANCE));
			byte[] winner = call("get", () -> this.client.get(this.generationKey, BytesTranscoder.INSTANCE));
			current = (winner != null) ? winner : initial;
		}
		long generation = parse(current);
		this.knownGeneration = generation;
		return generation;
	}

	private static long freshGeneration() {
		return System.currentTimeMillis();
	}

	private static long parse(byte[] generation) {
		return Long.parseLong(new String(generation, StandardCharsets.US_ASCII).trim());
	}

	private boolean tooLarge(String dataKey, byte[] value) {
		if (value.length + dataKey.length() + ITEM_OVERHEAD <= this.maxItemSize) {
			return false;
		}
		this.skippedWriteListener.run();
		if (this.warnedOversized.compareAndSet(false, true)) {
			logger.warn("Cache '" + this.cacheName + "': a value of " + value.length
					+ " bytes is over Memcached's item " + "size limit (" + this.maxItemSize
					+ " bytes) and was not cached; such values are counted in "
					+ "cache.puts.skipped and not logged again. Raise memcached's -I and larder.memcached.max-item-size "
					+ "together to cache them.");
		}
		return true;
	}

	private <T> T call(String operation, MemcachedCall<T> call) {
		try {
			return call.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MemcachedAccessException("Interrupted during Memcached " + operation, ex);
		}
		catch (Exception ex) {
			throw new MemcachedAccessException("Memcached " + operation + " failed: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface MemcachedCall<T> {

		T run() throws Exception;

	}

}

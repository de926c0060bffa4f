package dev.larder.cache.backend;

import dev.larder.cache.CacheSettings;

/**
 * What a backend knows about the cache it creates a store for.
 *
 * @param cacheName the cache's name
 * @param namespace the prefix every rendered key of this cache starts with
 * ({@code <prefix><cache>::}); stores that clear by scanning, or version a namespace, use
 * it
 * @param settings the cache's resolved settings
 * @param evictionListener to call whenever the backend itself drops an entry (size or
 * expiry)
 * @param skippedWriteListener to call when the backend declines to store a value it
 * cannot hold (e.g. larger than Memcached's item size), so the skip is counted rather
 * than silent
 */
public record StoreContext(String cacheName, String namespace, CacheSettings settings, Runnable evictionListener,
		Runnable skippedWriteListener) {

	/** A context whose listeners do nothing, for stores used outside a cache manager. */
	public static StoreContext of(String cacheName, String namespace, CacheSettings settings) {
		return new StoreContext(cacheName, namespace, settings, () -> {
		}, () -> {
		});
	}

}

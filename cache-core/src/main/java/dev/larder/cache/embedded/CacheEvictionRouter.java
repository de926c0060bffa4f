package dev.larder.cache.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.larder.engine.eviction.EvictionListener;

/**
 * Hands each key the engine evicts under maxmemory to the cache it belongs to, found by
 * the namespace every rendered key starts with ({@code <prefix><cache>::}), so that
 * {@code cache.evictions} counts memory evictions per cache. Keys of no cache (sorted
 * sets, locks, keys written over RESP) are ignored.
 *
 * <p>
 * Registered once on the engine; the engine has no way to remove a listener, so
 * {@link #close()} makes it deaf instead.
 */
final class CacheEvictionRouter implements EvictionListener {

	/** Larder's caches live in database 0: {@code Engine.execute} addresses it. */
	private static final int CACHE_DATABASE = 0;

	private static final String SEPARATOR = "::";

	private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();

	private volatile boolean closed;

	/**
	 * Routes the evicted keys of a namespace to a handler, which receives the rendered
	 * key. Two caches over the same namespace (two managers on one engine) both hear of
	 * each eviction.
	 */
	void route(String namespace, Consumer<String> handler) {
		this.handlers.merge(namespace, handler, Consumer::andThen);
	}

	@Override
	public void evicted(int database, byte[] key) {
		if (this.closed || database != CACHE_DATABASE || this.handlers.isEmpty()) {
			return;
		}
		String rendered = new String(key, StandardCharsets.UTF_8);
		// The cache name may itself contain the separator: try each end of a namespace.
		for (int end = rendered.indexOf(SEPARATOR); end >= 0; end = rendered.indexOf(SEPARATOR, end + 1)) {
			Consumer<String> handler = this.handlers.get(rendered.substring(0, end + SEPARATOR.length()));
			if (handler != null) {
				handler.accept(rendered);
				return;
			}
		}
	}

	void close() {
		this.closed = true;
		this.handlers.clear();
	}

}

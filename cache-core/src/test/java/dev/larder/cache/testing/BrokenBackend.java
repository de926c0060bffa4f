package dev.larder.cache.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.backend.CacheStore;
import dev.larder.cache.backend.StoreContext;
import dev.larder.cache.caffeine.CaffeineBackend;

/**
 * A Caffeine backend with a switch that makes every store call fail, as a backend does
 * when its server is down. It exercises Larder's failure policy, not any backend's
 * behaviour.
 */
public final class BrokenBackend implements CacheBackend {

	private final CaffeineBackend healthy = new CaffeineBackend();

	private final AtomicBoolean down = new AtomicBoolean();

	public void goDown() {
		this.down.set(true);
	}

	public void comeBack() {
		this.down.set(false);
	}

	@Override
	public String type() {
		return "broken";
	}

	@Override
	public CacheStore createStore(StoreContext context) {
		CacheStore store = this.healthy.createStore(context);
		return new CacheStore() {

			@Override
			public Object get(Object key) {
				check();
				return store.get(key);
			}

			@Override
			public void put(Object key, Object value, Duration ttl) {
				check();
				store.put(key, value, ttl);
			}

			@Override
			public Object putIfAbsent(Object key, Object value, Duration ttl) {
				check();
				return store.putIfAbsent(key, value, ttl);
			}

			@Override
			public boolean delete(Object key) {
				check();
				return store.delete(key);
			}

			@Override
			public void clear() {
				check();
				store.clear();
			}

			@Override
			public Object nativeStore() {
				return store.nativeStore();
			}

		};
	}

	private void check() {
		if (this.down.get()) {
			throw new IllegalStateException("backend is down");
		}
	}

	@Override
	public boolean storesReferences() {
		return true;
	}

	@Override
	public boolean requiresStringKeys() {
		return false;
	}

}

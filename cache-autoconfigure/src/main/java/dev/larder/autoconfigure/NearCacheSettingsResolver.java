package dev.larder.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.near.NearCacheSettings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns {@code larder.near-cache.*} and {@code larder.caches.<name>.near-cache.*} into
 * the cache manager's near-cache settings: on by default for the embedded backend only,
 * each cache's values over the global ones, and a near cache in front of a backend that
 * reports no changed keys (Memcached) refused unless it has a ttl, the only thing that
 * would ever drop its stale entries.
 */
final class NearCacheSettingsResolver {

	private final CacheBackend backend;

	NearCacheSettingsResolver(CacheBackend backend) {
		this.backend = backend;
	}

	void apply(LarderProperties properties, LarderCacheManager.Builder builder) {
		LarderProperties.NearCache global = properties.getNearCache();
		boolean enabled = (global.getEnabled() != null) ? global.getEnabled() : "embedded".equals(this.backend.type());
		NearCacheSettings defaults = new NearCacheSettings(enabled, global.getMaxSize(), global.getTtl());
		check(defaults, "larder.near-cache.ttl", global.getEnabled() != null);
		builder.nearCache(defaults);
		for (Map.Entry<String, LarderProperties.CacheSpec> entry : properties.getCaches().entrySet()) {
			LarderProperties.NearCacheSpec spec = entry.getValue().getNearCache();
			if (spec.getEnabled() == null && spec.getMaxSize() == null && spec.getTtl() == null) {
				continue;
			}
			NearCacheSettings settings = defaults;
			if (spec.getEnabled() != null) {
				settings = settings.withEnabled(spec.getEnabled());
			}
			if (spec.getMaxSize() != null) {
				settings = settings.withMaxSize(spec.getMaxSize());
			}
			if (spec.getTtl() != null) {
				settings = settings.withTtl(spec.getTtl());
			}
			check(settings, "larder.caches." + entry.getKey() + ".near-cache.ttl", true);
			builder.nearCache(entry.getKey(), settings);
		}
	}

	/**
	 * Refuses a near cache that nothing would ever invalidate.
	 * @param explicit whether the user asked for it (a default of "off" is never wrong)
	 */
	private void check(NearCacheSettings settings, String ttlProperty, boolean explicit) {
		if (!explicit || !settings.enabled() || settings.expires() || this.backend.storesReferences()
				|| this.backend.keyInvalidations() != null) {
			return;
		}
		throw new InvalidConfigurationPropertyValueException(ttlProperty, Duration.ZERO,
				why() + ", so a near cache in front of it can only expire its entries: set " + ttlProperty
						+ " to a short duration (such as 5s, the most a near hit may be stale), "
						+ "or disable the near cache (near-cache.enabled=false)");
	}

	private String why() {
		if ("redis".equals(this.backend.type())) {
			// RedisBackend offers CLIENT TRACKING only where it can keep it exact.
			return "the redis backend reports changed keys (CLIENT TRACKING) only on a standalone or Sentinel "
					+ "Redis read from its master; on a Redis Cluster (tracking would have to follow every master "
					+ "through resharding and failovers) or with larder.redis.read-from set to replicas (a read from "
					+ "a lagging replica could refill the near cache with a value the master already invalidated) "
					+ "it reports none";
		}
		return "the " + this.backend.type() + " backend reports no changed keys";
	}

}

package dev.larder.benchmarks;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.caffeine.CaffeineBackend;

import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * The cache managers compared, configured alike: one Caffeine spec, values stored by reference,
 * nulls allowed, caches created on first use.
 */
public enum CacheImplementation {

	/** Spring's own {@code CaffeineCacheManager}: the reference. */
	SPRING {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			CaffeineCacheManager manager = new CaffeineCacheManager();
			manager.setCacheSpecification(caffeineSpec);
			return manager;
		}
	},

	/** Larder's {@code LarderCacheManager} on its Caffeine backend. */
	LARDER {
		@Override
		CacheManager cacheManager(String caffeineSpec) {
			return LarderCacheManager.builder(new CaffeineBackend(caffeineSpec, false))
				.defaultSettings(CacheSettings.defaults())
				.build();
		}
	};

	/** The Caffeine spec both managers get. */
	public static final String CAFFEINE_SPEC = "maximumSize=100000";

	abstract CacheManager cacheManager(String caffeineSpec);

	/** Parses a JMH {@code @Param} value, case-insensitively. */
	static CacheImplementation of(String name) {
		return valueOf(name.toUpperCase(java.util.Locale.ROOT));
	}

}

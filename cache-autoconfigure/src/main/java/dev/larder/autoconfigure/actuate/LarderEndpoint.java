package dev.larder.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.near.NearCache;
import dev.larder.cache.stats.CacheStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/larder}, read-only: the backend, every cache with its settings, size
 * and counters, and, when an embedded engine runs, its server, memory and keyspace
 * figures and slow log. {@code /actuator/larder/{cache}} shows one cache.
 */
@Endpoint(id = "larder")
public class LarderEndpoint {

	private final LarderCacheManager cacheManager;

	private final @Nullable EngineReport engine;

	LarderEndpoint(LarderCacheManager cacheManager, @Nullable EngineReport engine) {
		this.cacheManager = cacheManager;
		this.engine = engine;
	}

	@ReadOperation
	public Map<String, Object> larder() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("backend", this.cacheManager.getBackend().type());
		Map<String, Object> caches = new TreeMap<>();
		for (LarderCache cache : this.cacheManager.getCaches()) {
			caches.put(cache.getName(), describe(cache));
		}
		report.put("caches", caches);
		if (this.engine != null) {
			report.put("engine", this.engine.report());
		}
		return report;
	}

	/** One cache, or 404 when no cache of that name exists yet. */
	@ReadOperation
	public @Nullable Map<String, Object> cache(@Selector String name) {
		LarderCache cache = this.cacheManager.getCaches()
			.stream()
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElse(null);
		return (cache != null) ? describe(cache) : null;
	}

	private static Map<String, Object> describe(LarderCache cache) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("settings", settings(cache.getSettings()));
		long size = cache.estimatedSize();
		if (size >= 0) {
			description.put("size", size);
		}
		description.put("statistics", statistics(cache.getStatistics()));
		NearCache near = cache.getNearCache();
		if (near != null) {
			CacheStatistics stats = cache.getStatistics();
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("size", near.estimatedSize());
			described.put("hits", stats.nearHitCount());
			described.put("misses", stats.nearMissCount());
			description.put("nearCache", described);
		}
		return description;
	}

	private static Map<String, Object> settings(CacheSettings settings) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("ttl", settings.expires() ? settings.ttl().toString() : "none");
		described.put("ttlJitter", settings.ttlJitter());
		described.put("allowNullValues", settings.allowNullValues());
		described.put("maxSize", settings.bounded() ? settings.maxSize() : "unbounded");
		return described;
	}

	private static Map<String, Object> statistics(CacheStatistics stats) {
		Map<String, Object> described = new LinkedHashMap<>();
		if (!stats.isEnabled()) {
			described.put("recording", false);
		}
		long hits = stats.hitCount();
		long misses = stats.missCount();
		described.put("hits", hits);
		described.put("misses", misses);
		if (hits + misses > 0) {
			described.put("hitRatio", (double) hits / (hits + misses));
		}
		described.put("puts", stats.putCount());
		described.put("evictions", stats.evictionCount());
		described.put("removals", stats.removalCount());
		long loads = stats.loadSuccessCount() + stats.loadFailureCount();
		described.put("loads", Map.of("success", stats.loadSuccessCount(), "failure", stats.loadFailureCount()));
		if (loads > 0) {
			described.put("meanLoadMillis", stats.totalLoadTimeNanos() / 1e6 / loads);
		}
		described.put("errors", stats.errorCount());
		described.put("skippedPuts", stats.skippedWriteCount());
		described.put("refreshes",
				Map.of("success", stats.refreshSuccessCount(), "failure", stats.refreshFailureCount()));
		described.put("stale", stats.staleCount());
		return described;
	}

}

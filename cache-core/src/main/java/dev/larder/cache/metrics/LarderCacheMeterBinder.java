package dev.larder.cache.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.larder.cache.LarderCache;
import dev.larder.cache.stats.CacheStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a Larder cache's statistics as Micrometer's standard cache meters
 * ({@code cache.gets} with {@code result=hit|miss}, {@code cache.puts},
 * {@code cache.evictions}, {@code cache.size}), plus {@code cache.removals},
 * {@code cache.loads} with {@code result=success|failure}, {@code cache.load.duration},
 * {@code cache.errors} and {@code cache.puts.skipped}.
 *
 * <p>
 * A cache with a near cache also gets {@code cache.level.gets} with
 * {@code level=near|backend} and {@code result=hit|miss}: where each get was answered. A
 * near miss goes on to the backend, so the near level's gets are all of the cache's gets
 * and the backend's are the near misses; {@code cache.gets} still counts each get once.
 */
public class LarderCacheMeterBinder extends CacheMeterBinder<LarderCache> {

	private final CacheStatistics statistics;

	private final boolean near;

	public LarderCacheMeterBinder(LarderCache cache, Iterable<Tag> tags) {
		super(cache, cache.getName(), tags);
		this.statistics = cache.getStatistics();
		this.near = cache.getNearCache() != null;
	}

	@Override
	protected @Nullable Long size() {
		LarderCache cache = getCache();
		long size = (cache != null) ? cache.estimatedSize() : -1;
		return (size >= 0) ? size : null;
	}

	@Override
	protected long hitCount() {
		return this.statistics.hitCount();
	}

	@Override
	protected Long missCount() {
		return this.statistics.missCount();
	}

	@Override
	protected Long evictionCount() {
		return this.statistics.evictionCount();
	}

	@Override
	protected long putCount() {
		return this.statistics.putCount();
	}

	@Override
	protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
		CacheStatistics stats = this.statistics;
		FunctionCounter.builder("cache.removals", stats, CacheStatistics::removalCount)
			.tags(getTagsWithCacheName())
			.description("Entries removed from the cache on request")
			.register(registry);
		FunctionCounter.builder("cache.loads", stats, CacheStatistics::loadSuccessCount)
			.tags(getTagsWithCacheName())
			.tag("result", "success")
			.description("Values loaded into the cache on a miss")
			.register(registry);
		FunctionCounter.builder("cache.loads", stats, CacheStatistics::loadFailureCount)
			.tags(getTagsWithCacheName())
			.tag("result", "failure")
			.description("Loads on a miss that threw")
			.register(registry);
		// A real timer rather than totals, so dashboards can show load-time percentiles.
		Timer loaded = loadTimer("success").register(registry);
		Timer failed = loadTimer("failure").register(registry);
		stats.addLoadObserver((success, nanos) -> (success ? loaded : failed).record(nanos, TimeUnit.NANOSECONDS));
		FunctionCounter.builder("cache.errors", stats, CacheStatistics::errorCount)
			.tags(getTagsWithCacheName())
			.description("Backend failures, turned into misses when the cache fails open")
			.register(registry);
		FunctionCounter.builder("cache.puts.skipped", stats, CacheStatistics::skippedWriteCount)
			.tags(getTagsWithCacheName())
			.description("Values the backend declined to store, e.g. over Memcached's item size")
			.register(registry);
		if (this.near) {
			levelGets(registry, "near", "hit", CacheStatistics::nearHitCount);
			levelGets(registry, "near", "miss", CacheStatistics::nearMissCount);
			levelGets(registry, "backend", "hit", CacheStatistics::backendHitCount);
			levelGets(registry, "backend", "miss", CacheStatistics::backendMissCount);
		}
	}

	private void levelGets(MeterRegistry registry, String level, String result,
			ToDoubleFunction<CacheStatistics> count) {
		FunctionCounter.builder("cache.level.gets", this.statistics, count)
			.tags(getTagsWithCacheName())
			.tag("level", level)
			.tag("result", result)
			.description("Gets answered (hit) or not (miss) by each level: the near cache, then the backend")
			.register(registry);
	}

	private Timer.Builder loadTimer(String result) {
		return Timer.builder("cache.load.duration")
			.tags(getTagsWithCacheName())
			.tag("result", result)
			.description("Time spent loading values on a miss")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(1));
	}

}

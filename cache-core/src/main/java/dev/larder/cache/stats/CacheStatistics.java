package dev.larder.cache.stats;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for one cache, cheap enough to update on every call (striped
 * {@link LongAdder}s). They back Spring Boot's standard cache meters and Larder's own.
 *
 * <p>
 * Counting can be switched off, as Caffeine's {@code recordStats} can: on a local cache's
 * hit path an increment is a measurable share of the cost (see docs/benchmarks.md).
 * Errors and skipped writes are always counted: they are rare and they matter.
 */
public final class CacheStatistics {

	private final boolean enabled;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder nearHits = new LongAdder();

	private final LongAdder nearMisses = new LongAdder();

	private final LongAdder puts = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder removals = new LongAdder();

	private final LongAdder loadSuccesses = new LongAdder();

	private final LongAdder loadFailures = new LongAdder();

	private final LongAdder totalLoadNanos = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final LongAdder skippedWrites = new LongAdder();

	private final List<LoadObserver> loadObservers = new CopyOnWriteArrayList<>();

	/** Counts everything. */
	public CacheStatistics() {
		this(true);
	}

	/**
	 * @param enabled whether hits, misses, puts, evictions, removals and loads are
	 * counted
	 */
	public CacheStatistics(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void recordHit() {
		if (this.enabled) {
			this.hits.increment();
		}
	}

	public void recordMiss() {
		if (this.enabled) {
			this.misses.increment();
		}
	}

	/**
	 * A hit in the near cache: a hit of the cache, and the only count the near-cache hit
	 * path makes.
	 */
	public void recordNearHit() {
		if (this.enabled) {
			this.nearHits.increment();
		}
	}

	/**
	 * A miss in the near cache; the backend's hit or miss that follows is counted too.
	 */
	public void recordNearMiss() {
		if (this.enabled) {
			this.nearMisses.increment();
		}
	}

	public void recordPut() {
		if (this.enabled) {
			this.puts.increment();
		}
	}

	/** An entry the backend dropped on its own (size bound or expiry). */
	public void recordEviction() {
		if (this.enabled) {
			this.evictions.increment();
		}
	}

	/** An entry removed on request ({@code evict}). */
	public void recordRemoval() {
		if (this.enabled) {
			this.removals.increment();
		}
	}

	public void recordLoad(boolean success, long nanos) {
		if (this.enabled) {
			(success ? this.loadSuccesses : this.loadFailures).increment();
			this.totalLoadNanos.add(nanos);
			for (LoadObserver observer : this.loadObservers) {
				observer.loaded(success, nanos);
			}
		}
	}

	/**
	 * Tells {@code observer} of every load from now on (while counting is enabled): the
	 * counters here keep totals only, an observer can keep a latency distribution.
	 */
	public void addLoadObserver(LoadObserver observer) {
		this.loadObservers.add(observer);
	}

	/** Told of each load's outcome and time. */
	@FunctionalInterface
	public interface LoadObserver {

		void loaded(boolean success, long nanos);

	}

	/** A backend failure, whether it was turned into a miss or thrown. */
	public void recordError() {
		this.errors.increment();
	}

	/**
	 * A value the backend declined to store (too large for it); the call itself
	 * succeeded.
	 */
	public void recordSkippedWrite() {
		this.skippedWrites.increment();
	}

	public long skippedWriteCount() {
		return this.skippedWrites.sum();
	}

	/** Hits of the cache, at either level: each get counts once, as a hit or a miss. */
	public long hitCount() {
		return this.hits.sum() + this.nearHits.sum();
	}

	/** Hits in the backend (a near-cache miss or no near cache). */
	public long backendHitCount() {
		return this.hits.sum();
	}

	/** Misses in the backend: the cache's misses. */
	public long backendMissCount() {
		return this.misses.sum();
	}

	public long nearHitCount() {
		return this.nearHits.sum();
	}

	public long nearMissCount() {
		return this.nearMisses.sum();
	}

	public long missCount() {
		return this.misses.sum();
	}

	public long putCount() {
		return this.puts.sum();
	}

	public long evictionCount() {
		return this.evictions.sum();
	}

	public long removalCount() {
		return this.removals.sum();
	}

	public long loadSuccessCount() {
		return this.loadSuccesses.sum();
	}

	public long loadFailureCount() {
		return this.loadFailures.sum();
	}

	public long totalLoadTimeNanos() {
		return this.totalLoadNanos.sum();
	}

	public long errorCount() {
		return this.errors.sum();
	}

	@Override
	public String toString() {
		return "CacheStatistics[hits=" + hitCount() + ", misses=" + missCount() + ", nearHits=" + nearHitCount()
				+ ", nearMisses=" + nearMissCount() + ", puts=" + putCount() + ", evictions=" + evictionCount()
				+ ", removals=" + removalCount() + ", loads=" + loadSuccessCount() + ", loadFailures="
				+ loadFailureCount() + ", errors=" + errorCount() + ", skippedWrites=" + skippedWriteCount() + "]";
	}

}

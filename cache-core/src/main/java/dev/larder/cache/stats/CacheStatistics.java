package dev.larder.cache.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for one cache, cheap enough to update on every call (striped {@link LongAdder}s).
 * They back Spring Boot's standard cache meters and Larder's own.
 */
public final class CacheStatistics {

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder puts = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder removals = new LongAdder();

	private final LongAdder loadSuccesses = new LongAdder();

	private final LongAdder loadFailures = new LongAdder();

	private final LongAdder totalLoadNanos = new LongAdder();

	private final LongAdder errors = new LongAdder();

	public void recordHit() {
		this.hits.increment();
	}

	public void recordMiss() {
		this.misses.increment();
	}

	public void recordPut() {
		this.puts.increment();
	}

	/** An entry the backend dropped on its own (size bound or expiry). */
	public void recordEviction() {
		this.evictions.increment();
	}

	/** An entry removed on request ({@code evict}). */
	public void recordRemoval() {
		this.removals.increment();
	}

	public void recordLoad(boolean success, long nanos) {
		(success ? this.loadSuccesses : this.loadFailures).increment();
		this.totalLoadNanos.add(nanos);
	}

	/** A backend failure, whether it was turned into a miss or thrown. */
	public void recordError() {
		this.errors.increment();
	}

	public long hitCount() {
		return this.hits.sum();
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
		return "CacheStatistics[hits=" + hitCount() + ", misses=" + missCount() + ", puts=" + putCount()
				+ ", evictions=" + evictionCount() + ", removals=" + removalCount() + ", loads="
				+ loadSuccessCount() + ", loadFailures=" + loadFailureCount() + ", errors=" + errorCount() + "]";
	}

}

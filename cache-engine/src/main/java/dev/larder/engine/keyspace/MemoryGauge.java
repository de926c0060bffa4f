package dev.larder.engine.keyspace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The keyspace's used bytes summed across shards, cheap enough to read before every
 * write. Each shard adds its changes to a pending count under its own lock and folds it
 * into the shared total only when it passes {@link #flushBytes()}, so writers on
 * different shards rarely touch the shared line; the total is then within shards x
 * flushBytes of the exact sum. Eviction sets flushBytes from maxmemory so that the error
 * stays a small fraction of it.
 */
public final class MemoryGauge {

	/** The largest fold step: 16 KiB per shard. */
	static final long MAX_FLUSH_BYTES = 16 * 1024;

	private final AtomicLong total = new AtomicLong();

	private volatile long flushBytes = MAX_FLUSH_BYTES;

	private volatile long maxError = Long.MAX_VALUE;

	/** The approximate total, in bytes. */
	public long get() {
		return total.get();
	}

	long flushBytes() {
		return flushBytes;
	}

	/**
	 * Keeps the gauge within about {@code bytes} of the exact total, for a budget of that
	 * precision (at least 64 bytes per shard, at most {@link #MAX_FLUSH_BYTES}).
	 */
	public void precision(long bytes, int shards) {
		long flush = Math.max(64, Math.min(MAX_FLUSH_BYTES, bytes / shards));
		this.flushBytes = flush;
		this.maxError = flush * shards;
	}

	/** How far {@link #get()} may be from the exact total, in either direction. */
	public long maxError() {
		return maxError;
	}

	void add(long delta) {
		total.addAndGet(delta);
	}

}

package dev.larder.benchmarks.hitratio;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine in process, bounded by entry count. Maintenance runs on the calling thread
 * ({@code executor(Runnable::run)}), so evictions happen in request order and a replay
 * does not depend on when a pool thread gets the CPU.
 */
final class CaffeineCache implements BatchCache {

	private final Cache<Integer, byte[]> cache;

	private final byte[] value;

	CaffeineCache(long maximumSize, int valueSize) {
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).recordStats().build();
		this.value = new byte[valueSize];
	}

	@Override
	public void get(int[] keys, int offset, int count, boolean[] hit) {
		for (int i = 0; i < count; i++) {
			hit[i] = this.cache.getIfPresent(keys[offset + i]) != null;
		}
	}

	@Override
	public void set(int[] keys, int count) {
		for (int i = 0; i < count; i++) {
			this.cache.put(keys[i], this.value);
		}
	}

	long entries() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	long evictions() {
		return this.cache.stats().evictionCount();
	}

}

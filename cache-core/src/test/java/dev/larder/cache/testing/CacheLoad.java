package dev.larder.cache.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.larder.cache.LarderCache;

/**
 * {@code @Cacheable}-style load on a cache: a few threads each calling
 * {@code get(key, loader)} on a small key space, about once a millisecond, recording how
 * long every call took, every exception, and every load from the "source of truth".
 */
public final class CacheLoad implements AutoCloseable {

	private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final LarderCache cache;

	private final int keys;

	private final List<Thread> threads = new ArrayList<>();

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	private final Queue<Throwable> exceptions = new ConcurrentLinkedQueue<>();

	private final AtomicInteger loads = new AtomicInteger();

	private volatile boolean running = true;

	private CacheLoad(LarderCache cache, int keys) {
		this.cache = cache;
		this.keys = keys;
	}

	public static CacheLoad start(LarderCache cache, int threads, int keys) {
		CacheLoad load = new CacheLoad(cache, keys);
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(load::run, "cache-load-" + i);
			thread.setDaemon(true);
			load.threads.add(thread);
			thread.start();
		}
		return load;
	}

	private void run() {
		while (this.running) {
			int key = ThreadLocalRandom.current().nextInt(this.keys);
			long start = System.nanoTime();
			try {
				Object value = this.cache.get(key, () -> {
					this.loads.incrementAndGet();
					return "v" + key;
				});
				if (!("v" + key).equals(value)) {
					this.exceptions.add(new AssertionError("key " + key + " answered " + value));
				}
			}
			catch (Throwable ex) {
				this.exceptions.add(ex);
			}
			this.calls.add(new Call(start, System.nanoTime()));
			LockSupport.parkNanos(PACE_NANOS);
		}
	}

	/** Loads from the source of truth so far. */
	public int loads() {
		return this.loads.get();
	}

	/** Every exception a caller saw (or a wrong value), so far. */
	public List<Throwable> exceptions() {
		return List.copyOf(this.exceptions);
	}

	/** Every call completed so far. */
	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** Calls completed so far. */
	public int callCount() {
		return this.calls.size();
	}

	@Override
	public void close() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** One call: when it started and ended, in {@link System#nanoTime()}. */
	public record Call(long start, long end) {

		public long millis() {
			return TimeUnit.NANOSECONDS.toMillis(this.end - this.start);
		}

	}

}

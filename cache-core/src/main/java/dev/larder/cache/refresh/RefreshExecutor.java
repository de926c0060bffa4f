package dev.larder.cache.refresh;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads background reloads run on, one pool per cache manager: bounded in threads
 * and in queued reloads, so a burst of hot keys cannot grow without limit (a reload that
 * does not fit is skipped: the entry is then loaded on expiry, as without refresh-ahead).
 * Threads are named {@code larder-refresh-<n>}, are daemons, start on first use and end
 * when idle.
 */
public final class RefreshExecutor implements AutoCloseable {

	/** Reloads running at once, per cache manager. */
	public static final int DEFAULT_THREADS = 4;

	/** Reloads waiting for a thread, per cache manager. */
	public static final int DEFAULT_QUEUE = 1024;

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ThreadPoolExecutor executor;

	public RefreshExecutor() {
		this(DEFAULT_THREADS, DEFAULT_QUEUE);
	}

	public RefreshExecutor(int threads, int queue) {
		this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				threadFactory(POOLS.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
	}

	private static ThreadFactory threadFactory(int pool) {
		AtomicInteger count = new AtomicInteger();
		String prefix = (pool == 1) ? "larder-refresh-" : "larder-refresh-" + pool + "-";
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Runs a task soon; answers {@code false} when the pool is full or closed. */
	public boolean execute(Runnable task) {
		try {
			this.executor.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Stops taking reloads and interrupts those running. */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}

package dev.larder.engine.scripting;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle Lua runtimes. A pool rather than a ThreadLocal: in-process callers may be virtual
 * threads, one per request, which would build a fresh runtime (~100 us) for nearly every
 * EVAL. A runtime is used by one thread at a time, then returned; at most {@code maxIdle}
 * are kept.
 */
final class LuaRuntimePool {

	private final ConcurrentLinkedQueue<LuaRuntime> idle = new ConcurrentLinkedQueue<>();

	private final AtomicInteger idleCount = new AtomicInteger();

	private final int maxIdle;

	private final Lrand48 random;

	LuaRuntimePool(int maxIdle, Lrand48 random) {
		this.maxIdle = maxIdle;
		this.random = random;
	}

	LuaRuntime acquire() {
		LuaRuntime r = idle.poll();
		if (r != null) {
			idleCount.decrementAndGet();
			return r;
		}
		return new LuaRuntime(random);
	}

	void release(LuaRuntime r) {
		if (idleCount.incrementAndGet() <= maxIdle) {
			idle.offer(r);
		}
		else {
			idleCount.decrementAndGet();
		}
	}

	int idle() {
		return idleCount.get();
	}

}

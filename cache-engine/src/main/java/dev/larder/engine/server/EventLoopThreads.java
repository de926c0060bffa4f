package dev.larder.engine.server;

import dev.larder.engine.FatalErrors;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * Ties the RESP server's event-loop threads to {@link FatalErrors}. Netty catches what
 * escapes a loop itself (it logs it and lets the thread end), so a dead loop is noticed
 * by its termination, not by an uncaught-exception handler: once it ends while the server
 * is not closing, its connections are never served again.
 */
final class EventLoopThreads {

	private EventLoopThreads() {
	}

	/**
	 * Netty's threads (FastThreadLocalThread, daemon) that report an uncaught throwable.
	 */
	static ThreadFactory factory(String name, FatalErrors fatal) {
		return new DefaultThreadFactory(name, true) {
			@Override
			protected Thread newThread(Runnable r, String threadName) {
				Thread t = super.newThread(r, threadName);
				t.setUncaughtExceptionHandler((thread, e) -> fatal.report("its event loop", e));
				return t;
			}
		};
	}

	/**
	 * Reports each loop of {@code group} that terminates while {@code closing} is false.
	 */
	static void watch(EventLoopGroup group, String name, BooleanSupplier closing, FatalErrors fatal) {
		for (EventExecutor loop : group) {
			loop.terminationFuture().addListener(f -> {
				if (!closing.getAsBoolean()) {
					fatal.threadDied("an event loop of " + name);
				}
			});
		}
	}

}

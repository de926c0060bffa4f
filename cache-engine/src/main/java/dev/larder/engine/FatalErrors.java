package dev.larder.engine;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;

/**
 * Where the engine's threads report what they cannot handle. A
 * {@link VirtualMachineError} (OutOfMemoryError, StackOverflowError, an internal JVM
 * error) leaves the process in a state nobody can vouch for: a half-built reply, a lock
 * bookkeeping step skipped, a thread that Netty or an executor let die. Embedded in an
 * application, the engine must not take the application's JVM down, so it logs loudly and
 * the thread carries on (the failed connection is closed, the periodic task runs again).
 * Standalone ({@link EngineConfig#haltOnFatalError()}), it halts the process with
 * {@link #EXIT_CODE}, so that a supervisor restarts a clean one instead of a server that
 * accepts connections and answers nothing; {@code Runtime.halt}, not {@code exit},
 * because shutdown hooks may themselves hang when the heap is exhausted.
 */
public final class FatalErrors {

	/**
	 * The exit status of a halted engine: the JVM's own for -XX:+ExitOnOutOfMemoryError.
	 */
	public static final int EXIT_CODE = 3;

	private static final System.Logger log = System.getLogger(FatalErrors.class.getName());

	private final boolean halt;

	private final IntConsumer halter;

	FatalErrors(boolean halt, IntConsumer halter) {
		this.halt = halt;
		this.halter = Objects.requireNonNull(halter, "halter");
	}

	/** Per the config: halting on a fatal error, or surviving it. */
	public static FatalErrors of(EngineConfig config) {
		return new FatalErrors(config.haltOnFatalError(), status -> Runtime.getRuntime().halt(status));
	}

	/** Never halts: logs and lets the thread go on. */
	public static FatalErrors surviving() {
		return new FatalErrors(false, status -> {
		});
	}

	public boolean halts() {
		return halt;
	}

	/**
	 * A thread of the engine met {@code error} while doing {@code what}. Halts the
	 * process if the error is a {@link VirtualMachineError} and the engine runs
	 * standalone; otherwise logs it and returns.
	 */
	public void report(String what, Throwable error) {
		if (halt && error instanceof VirtualMachineError) {
			haltAfterTelling(what + " failed with " + error);
			return;
		}
		try {
			log.log(System.Logger.Level.ERROR,
					"Engine thread " + Thread.currentThread().getName() + ": " + what + " failed", error);
		}
		catch (Throwable logging) {
			// the log itself may not find the memory; the thread must still survive
		}
	}

	/**
	 * An engine thread is gone while the engine runs (an event loop whose own loop
	 * threw): nothing will serve what it owned.
	 */
	public void threadDied(String thread) {
		if (halt) {
			haltAfterTelling("engine thread " + thread + " ended while the engine runs");
			return;
		}
		log.log(System.Logger.Level.ERROR, "Engine thread " + thread
				+ " ended while the engine runs: the connections it served are lost; restart the engine");
	}

	/** Runs {@code task}, reporting anything it throws instead of passing it on. */
	public Runnable surviving(String what, Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (Throwable t) {
				report(what, t);
			}
		};
	}

	/**
	 * Daemon threads named {@code name} whose uncaught throwables are {@link #report
	 * reported}.
	 */
	public ThreadFactory threads(String name) {
		return r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			t.setUncaughtExceptionHandler((thread, e) -> report("a task", e));
			return t;
		};
	}

	private void haltAfterTelling(String message) {
		try {
			// plain stderr first: a logging framework may need memory that is not there
			System.err.println("FATAL: " + message + "; halting the engine (exit status " + EXIT_CODE + ")");
			System.err.flush();
			log.log(System.Logger.Level.ERROR, "FATAL: " + message + "; halting the engine");
		}
		catch (Throwable ignored) {
			// halting matters more than telling
		}
		finally {
			halter.accept(EXIT_CODE);
		}
	}

}

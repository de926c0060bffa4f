package dev.larder.cache.support;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Calls to a remote backend, bounded so that a hung server costs each caller at most a
 * short fail-fast budget once it has shown it is in trouble.
 *
 * <ul>
 * <li>A healthy backend's calls wait up to the full timeout.</li>
 * <li>After a failure (until the next success) calls, and the breaker's probes, wait only
 * the fail-fast budget.</li>
 * <li>When a call times out, every call still in flight has its wait cut to the fail-fast
 * budget: on a shared connection replies come in order, so they are stuck behind the one
 * that timed out.</li>
 * <li>When the circuit opens, every call still in flight is released at once with
 * {@link CircuitBreaker.OpenException}, which the cache treats as a miss.</li>
 * </ul>
 * The command itself may go on in the client (which has its own timeout); only the caller
 * stops waiting for it.
 */
public final class FailFastCalls {

	private final String backend;

	private final CircuitBreaker breaker;

	private final Duration timeout;

	private final Duration failFastTimeout;

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	/**
	 * @param backend the backend's name, for messages
	 * @param breaker the backend's circuit breaker
	 * @param timeout how long a call to a healthy backend may wait
	 * @param failFastTimeout how long a call may wait once the backend has failed since
	 * its last success, and how long a probe may wait
	 */
	public FailFastCalls(String backend, CircuitBreaker breaker, Duration timeout, Duration failFastTimeout) {
		if (failFastTimeout.isNegative() || failFastTimeout.isZero()) {
			throw new IllegalArgumentException("failFastTimeout must be positive, got " + failFastTimeout);
		}
		this.backend = backend;
		this.breaker = breaker;
		this.timeout = timeout;
		this.failFastTimeout = failFastTimeout;
		breaker.onOpen(this::releaseAll);
	}

	public CircuitBreaker breaker() {
		return this.breaker;
	}

	public Duration failFastTimeout() {
		return this.failFastTimeout;
	}

	/**
	 * Starts {@code command} unless the circuit refuses it; the future completes with its
	 * result, or exceptionally when it fails, its budget runs out
	 * ({@link TimedOutException}) or the circuit opens meanwhile.
	 */
	public <T extends @Nullable Object> CompletableFuture<T> callAsync(Command<T> command) {
		CompletableFuture<T> result = start(command);
		if (result instanceof Call<T> call && !call.isDone()) {
			ScheduledFuture<?> timer = Timers.schedule(() -> timeOut(call, call.budget), call.budget);
			call.whenComplete((value, ex) -> timer.cancel(false));
		}
		return result;
	}

	/**
	 * {@link #callAsync} for blocking callers: waits at most the call's budget, with no
	 * timer of its own.
	 */
	public <T extends @Nullable Object> T call(Command<T> command) {
		CompletableFuture<T> result = start(command);
		Duration budget = (result instanceof Call<T> call) ? call.budget : Duration.ZERO;
		try {
			return result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			timeOut(result, budget);
			return join(result);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.completeExceptionally(ex);
			throw new CompletionException("Interrupted while waiting for " + this.backend, ex);
		}
		catch (ExecutionException ex) {
			throw asRuntime(ex.getCause());
		}
	}

	private <T extends @Nullable Object> CompletableFuture<T> start(Command<T> command) {
		CircuitBreaker.Admission admission = this.breaker.admit();
		if (admission == CircuitBreaker.Admission.REFUSED) {
			return CompletableFuture.failedFuture(new CircuitBreaker.OpenException(this.backend));
		}
		Call<T> result = new Call<>((admission == CircuitBreaker.Admission.CALL) ? this.timeout : this.failFastTimeout);
		this.inFlight.add(result);
		result.whenComplete((value, ex) -> settle(result, ex));
		CompletableFuture<T> started;
		try {
			started = command.start(admission == CircuitBreaker.Admission.PROBE);
		}
		catch (RuntimeException ex) {
			started = CompletableFuture.failedFuture(ex);
		}
		started.whenComplete((value, ex) -> {
			if (ex == null) {
				result.complete(value);
			}
			else {
				result.completeExceptionally(unwrap(ex));
			}
		});
		return result;
	}

	private void timeOut(CompletableFuture<?> call, Duration budget) {
		call.completeExceptionally(new TimedOutException(this.backend, budget));
	}

	private void settle(CompletableFuture<?> call, @Nullable Throwable failure) {
		this.inFlight.remove(call);
		if (failure == null) {
			this.breaker.recordSuccess();
			return;
		}
		if (failure instanceof CircuitBreaker.OpenException) {
			// Released because the circuit opened: not a failure of its own.
			return;
		}
		if (failure instanceof TimedOutException) {
			// Everyone behind the call that timed out gets the short budget too.
			this.inFlight
				.forEach((other) -> Timers.schedule(() -> timeOut(other, this.failFastTimeout), this.failFastTimeout));
		}
		this.breaker.recordFailure();
	}

	private void releaseAll() {
		CircuitBreaker.OpenException released = new CircuitBreaker.OpenException(this.backend);
		this.inFlight.forEach((call) -> call.completeExceptionally(released));
	}

	private static <T extends @Nullable Object> T join(CompletableFuture<T> result) {
		try {
			return result.join();
		}
		catch (CompletionException ex) {
			throw asRuntime(ex.getCause());
		}
	}

	/** Calls in flight right now; for tests and diagnostics. */
	public int inFlightCount() {
		return this.inFlight.size();
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	private static RuntimeException asRuntime(@Nullable Throwable ex) {
		return (ex instanceof RuntimeException runtime) ? runtime : new CompletionException(ex);
	}

	/** A call in flight, with the budget it was admitted with. */
	private static final class Call<T extends @Nullable Object> extends CompletableFuture<T> {

		private final Duration budget;

		Call(Duration budget) {
			this.budget = budget;
		}

	}

	/**
	 * The one daemon thread that times out asynchronous calls (as the JDK's
	 * {@code orTimeout} does, but failing with a message that names the backend).
	 */
	private static final class Timers {

		private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

		private Timers() {
		}

		static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
			return SCHEDULER.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
		}

		private static ScheduledThreadPoolExecutor scheduler() {
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "larder-call-timeouts");
				thread.setDaemon(true);
				return thread;
			});
			scheduler.setRemoveOnCancelPolicy(true);
			return scheduler;
		}

	}

	/** Starts one backend call. */
	@FunctionalInterface
	public interface Command<T extends @Nullable Object> {

		/**
		 * @param probe whether this is the breaker's probe, which should restore the
		 * connection first if it is down
		 */
		CompletableFuture<T> start(boolean probe);

	}

	/** A call that got no answer within its budget. */
	public static final class TimedOutException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public TimedOutException(String backend, Duration budget) {
			super("The " + backend + " backend did not answer within " + budget.toMillis() + " ms", null, false, false);
		}

	}

}

package dev.larder.cache.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a hung backend costs callers: commands that never complete stand for a server that
 * does not answer.
 */
class FailFastCallsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Duration FAIL_FAST = Duration.ofMillis(100);

	private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30));

	private final FailFastCalls calls = new FailFastCalls("test", this.breaker, TIMEOUT, FAIL_FAST);

	@Test
	void aHealthyBackendsCallsGetTheirResult() {
		assertThat(this.calls.<String>call((probe) -> CompletableFuture.completedFuture("v"))).isEqualTo("v");
		assertThat(this.calls.callAsync((probe) -> CompletableFuture.completedFuture("w")).join()).isEqualTo("w");
		assertThat(this.calls.inFlightCount()).isZero();
	}

	@Test
	void afterAFailureCallsWaitOnlyTheFailFastBudget() {
		this.breaker.recordFailure();
		long start = System.nanoTime();
		assertThatThrownBy(() -> this.calls.call((probe) -> new CompletableFuture<String>()))
			.isInstanceOf(FailFastCalls.TimedOutException.class)
			.hasMessage("The test backend did not answer within 100 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
	}

	@Test
	void aTimeoutCutsTheWaitOfEveryCallInFlightToTheFailFastBudget() {
		long start = System.nanoTime();
		List<CompletableFuture<String>> waiting = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			// Admitted while healthy: 2 s each.
			waiting.add(this.calls.callAsync((probe) -> new CompletableFuture<>()));
		}
		this.breaker.recordFailure();
		// Admitted after a failure: 100 ms, so it times out first, as the oldest command
		// on
		// a hung connection would.
		assertThatThrownBy(() -> this.calls.call((probe) -> new CompletableFuture<String>()))
			.isInstanceOf(FailFastCalls.TimedOutException.class);
		for (CompletableFuture<String> call : waiting) {
			assertThatThrownBy(call::join).cause()
				.isInstanceOfAny(FailFastCalls.TimedOutException.class, CircuitBreaker.OpenException.class);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well before the 2 s timeout")
			.isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void openingTheCircuitReleasesEveryCallInFlightAtOnce() {
		List<CompletableFuture<String>> waiting = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			waiting.add(this.calls.callAsync((probe) -> new CompletableFuture<>()));
		}
		assertThat(this.calls.inFlightCount()).isEqualTo(5);
		for (int i = 0; i < 3; i++) {
			this.breaker.recordFailure();
		}
		for (CompletableFuture<String> call : waiting) {
			assertThat(call).isCompletedExceptionally();
			assertThatThrownBy(call::join).hasCauseInstanceOf(CircuitBreaker.OpenException.class);
		}
		assertThat(this.calls.inFlightCount()).isZero();
	}

	@Test
	void anOpenCircuitRefusesWithoutStartingTheCommandAndTheProbeIsTold() {
		AtomicInteger started = new AtomicInteger();
		CircuitBreaker breaker = new CircuitBreaker(1, Duration.ZERO);
		FailFastCalls calls = new FailFastCalls("test", breaker, TIMEOUT, FAIL_FAST);
		assertThatThrownBy(() -> calls.call((probe) -> {
			started.incrementAndGet();
			return CompletableFuture.failedFuture(new IllegalStateException("down"));
		})).isInstanceOf(IllegalStateException.class);
		assertThat(breaker.isOpen()).isTrue();
		AtomicBoolean probed = new AtomicBoolean();
		assertThat(calls.<String>call((probe) -> {
			probed.set(probe);
			return CompletableFuture.completedFuture("back");
		})).isEqualTo("back");
		assertThat(probed).isTrue();
		assertThat(breaker.isOpen()).isFalse();

		CircuitBreaker open = new CircuitBreaker(1, Duration.ofSeconds(30));
		open.recordFailure();
		FailFastCalls refused = new FailFastCalls("test", open, TIMEOUT, FAIL_FAST);
		assertThatThrownBy(() -> refused.call((probe) -> {
			started.incrementAndGet();
			return CompletableFuture.completedFuture("never");
		})).isInstanceOf(CircuitBreaker.OpenException.class);
		assertThat(started).hasValue(1);
	}

}

package dev.larder.cache.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTests {

	private final AtomicLong now = new AtomicLong();

	private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(1), this.now::get);

	@Test
	void staysClosedBelowTheThreshold() {
		this.breaker.recordFailure();
		this.breaker.recordFailure();
		assertThat(this.breaker.allowsCall()).isTrue();
		this.breaker.recordSuccess();
		this.breaker.recordFailure();
		this.breaker.recordFailure();
		assertThat(this.breaker.isOpen()).isFalse();
	}

	@Test
	void opensAfterConsecutiveFailuresThenLetsOneProbeThroughPerInterval() {
		failThreeTimes();
		assertThat(this.breaker.isOpen()).isTrue();
		assertThat(this.breaker.allowsCall()).isFalse();
		this.now.addAndGet(Duration.ofMillis(999).toNanos());
		assertThat(this.breaker.allowsCall()).isFalse();
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(this.breaker.allowsCall()).as("the probe").isTrue();
		assertThat(this.breaker.allowsCall()).as("everyone else while the probe runs").isFalse();
	}

	@Test
	void aSuccessfulProbeClosesTheCircuit() {
		failThreeTimes();
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.breaker.allowsCall()).isTrue();
		this.breaker.recordSuccess();
		assertThat(this.breaker.isOpen()).isFalse();
		assertThat(this.breaker.allowsCall()).isTrue();
	}

	@Test
	void aFailedProbeKeepsItOpenForAnotherInterval() {
		failThreeTimes();
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.breaker.allowsCall()).isTrue();
		this.breaker.recordFailure();
		assertThat(this.breaker.allowsCall()).isFalse();
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.breaker.allowsCall()).isTrue();
	}

	@Test
	void admitsWithTheFullBudgetUntilAFailureThenFailFastThenProbesOnly() {
		assertThat(this.breaker.admit()).isEqualTo(CircuitBreaker.Admission.CALL);
		this.breaker.recordFailure();
		assertThat(this.breaker.admit()).isEqualTo(CircuitBreaker.Admission.FAIL_FAST_CALL);
		this.breaker.recordFailure();
		this.breaker.recordFailure();
		assertThat(this.breaker.admit()).isEqualTo(CircuitBreaker.Admission.REFUSED);
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.breaker.admit()).isEqualTo(CircuitBreaker.Admission.PROBE);
		assertThat(this.breaker.admit()).isEqualTo(CircuitBreaker.Admission.REFUSED);
		this.breaker.recordSuccess();
		assertThat(this.breaker.admit()).isEqualTo(CircuitBreaker.Admission.CALL);
	}

	@Test
	void openListenersRunOncePerOpening() {
		AtomicLong openings = new AtomicLong();
		this.breaker.onOpen(openings::incrementAndGet);
		failThreeTimes();
		this.breaker.recordFailure();
		assertThat(openings).hasValue(1);
		this.breaker.recordSuccess();
		failThreeTimes();
		assertThat(openings).hasValue(2);
	}

	private void failThreeTimes() {
		for (int i = 0; i < 3; i++) {
			this.breaker.recordFailure();
		}
	}

}

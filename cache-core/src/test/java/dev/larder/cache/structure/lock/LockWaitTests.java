package dev.larder.cache.structure.lock;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The waiting every lock implementation shares. Steps start at a second here, so a pause
 * that returns well within half a second (the shortest jittered first step) was cut short
 * by the wait or the bound.
 */
class LockWaitTests {

	private static final Duration SECOND = Duration.ofSeconds(1);

	private static final long SHORTER_THAN_ANY_STEP_NANOS = Duration.ofMillis(450).toNanos();

	@Test
	void refusesANegativeOrMissingWait() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockWait.start("report", Duration.ofMillis(-1), SECOND, SECOND))
			.withMessage("Lock 'report': wait must be zero or positive, got PT-0.001S");
		assertThatIllegalArgumentException().isThrownBy(() -> LockWait.start("report", null, SECOND, SECOND))
			.withMessage("Lock 'report': wait must be zero or positive, got null");
	}

	@Test
	void aZeroWaitAllowsOneAttemptOnly() {
		assertThat(LockWait.start("report", Duration.ZERO, SECOND, SECOND).pause()).isFalse();
	}

	@Test
	void aPauseNeverOutlastsTheWait() {
		LockWait waiting = LockWait.start("report", Duration.ofMillis(20), SECOND, SECOND);
		long start = System.nanoTime();
		assertThat(waiting.pause()).isTrue();
		assertThat(waiting.pause()).isFalse();
		assertThat(System.nanoTime() - start).isLessThan(SHORTER_THAN_ANY_STEP_NANOS);
	}

	@Test
	void aPauseNeverOutlastsTheBoundTheBackendGave() {
		LockWait waiting = LockWait.start("report", Duration.ofMinutes(1), SECOND, SECOND);
		long start = System.nanoTime();
		assertThat(waiting.pause(Duration.ofMillis(1))).isTrue();
		assertThat(System.nanoTime() - start).isLessThan(SHORTER_THAN_ANY_STEP_NANOS);
	}

	@Test
	void anInterruptedWaiterStopsWaitingAndKeepsItsInterrupt() {
		LockWait waiting = LockWait.start("report", Duration.ofMinutes(1), SECOND, SECOND);
		Thread.currentThread().interrupt();
		assertThat(waiting.pause()).isFalse();
		assertThat(Thread.interrupted()).isTrue();
	}

}

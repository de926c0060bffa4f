package dev.larder.engine.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.FatalErrors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A periodic task of the engine that throws, even an Error, runs again on schedule
 * instead of being cancelled silently (issue 15: no engine thread may stop for good).
 */
class PeriodicTaskSurvivalTest {

	@Test
	void aTaskThatThrowsAnErrorKeepsItsSchedule() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch ranAgain = new CountDownLatch(3);
		Runnable task = Evictor.surviving(() -> {
			ranAgain.countDown();
			if (runs.incrementAndGet() == 1) {
				throw new OutOfMemoryError("simulated");
			}
		}, FatalErrors.surviving());
		// the kind of executor the evictor's timer is
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		try {
			timer.scheduleAtFixedRate(task, 1, 1, TimeUnit.MILLISECONDS);
			assertThat(ranAgain.await(10, TimeUnit.SECONDS)).as("ran after the Error").isTrue();
		}
		finally {
			timer.shutdownNow();
		}
	}

}

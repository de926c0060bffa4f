package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Standalone, a VirtualMachineError halts the process; embedded, it is logged and the
 * thread goes on. The halt itself is replaced by a recorder here (a real halt is
 * {@code StandaloneFatalErrorTest}'s).
 */
class FatalErrorsTest {

	private final List<Integer> halts = new CopyOnWriteArrayList<>();

	@Test
	void standaloneHaltsOnAVirtualMachineErrorOnly() {
		FatalErrors fatal = new FatalErrors(true, halts::add);
		fatal.report("a test", new IllegalStateException("an ordinary failure"));
		assertThat(halts).isEmpty();
		fatal.report("a test", new OutOfMemoryError("Java heap space"));
		assertThat(halts).containsExactly(FatalErrors.EXIT_CODE);
		fatal.report("a test", new StackOverflowError());
		assertThat(halts).hasSize(2);
	}

	@Test
	void embeddedNeverHaltsAndTheTaskSurvives() {
		FatalErrors fatal = new FatalErrors(false, halts::add);
		Runnable task = fatal.surviving("a test", () -> {
			throw new OutOfMemoryError("Java heap space");
		});
		task.run(); // reported, not thrown
		fatal.threadDied("larder-io");
		assertThat(halts).isEmpty();
	}

	@Test
	void aDeadEngineThreadHaltsTheStandaloneServer() {
		new FatalErrors(true, halts::add).threadDied("an event loop of larder-io");
		assertThat(halts).containsExactly(FatalErrors.EXIT_CODE);
	}

	@Test
	void anEngineThreadReportsWhatKillsIt() throws InterruptedException {
		CountDownLatch halted = new CountDownLatch(1);
		FatalErrors fatal = new FatalErrors(true, status -> {
			halts.add(status);
			halted.countDown();
		});
		Thread t = fatal.threads("larder-test").newThread(() -> {
			throw new OutOfMemoryError("Java heap space");
		});
		assertThat(t.isDaemon()).isTrue();
		t.start();
		assertThat(halted.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(halts).containsExactly(FatalErrors.EXIT_CODE);
	}

	@Test
	void theConfigDecides() {
		assertThat(FatalErrors.of(EngineConfig.defaults()).halts()).isFalse();
		assertThat(FatalErrors.of(EngineConfig.builder().haltOnFatalError(true).build()).halts()).isTrue();
	}

}

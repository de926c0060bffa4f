package dev.larder.test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.engine.Engine;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmbeddedRedis} under JUnit's parallel execution (classes concurrent, four
 * threads): classes that flush the shared engine never overlap each other or a class that
 * reads it, test methods that flush a class's engine never overlap each other, and the
 * rest does run in parallel.
 */
class EmbeddedRedisParallelTests {

	/** Tests running now on the shared engine, and the most seen at once. */
	static final AtomicInteger onSharedEngine = new AtomicInteger();

	static final AtomicInteger mostOnSharedEngineWhileFlushing = new AtomicInteger();

	static final AtomicInteger onClassEngine = new AtomicInteger();

	static final AtomicInteger mostOnClassEngine = new AtomicInteger();

	static volatile CountDownLatch rendezvous = new CountDownLatch(2);

	@Test
	void flushingClassesHoldTheirEngineAloneWhileOthersRunInParallel() {
		mostOnSharedEngineWhileFlushing.set(0);
		mostOnClassEngine.set(0);
		rendezvous = new CountDownLatch(2);
		JUnitRun.allPass(JUnitRun.PARALLEL_CLASSES, SharedFlushingA.class, SharedFlushingB.class, SharedFlushingC.class,
				SharedReading.class, OwnEngineConcurrentMethods.class, MeetingA.class, MeetingB.class);
		assertThat(mostOnSharedEngineWhileFlushing.get()).isEqualTo(1);
		assertThat(mostOnClassEngine.get()).isEqualTo(1);
		assertThat(rendezvous.getCount()).as("the classes without a flush ran at the same time").isZero();
	}

	/** Writes keys and checks that nobody flushed or wrote in between. */
	static void exclusiveWork(Engine engine, String prefix, AtomicInteger active, AtomicInteger most) {
		most.accumulateAndGet(active.incrementAndGet(), Math::max);
		try {
			assertThat(Redis.dbsize(engine)).as("flushed before the test, nobody else writing").isZero();
			for (int i = 0; i < 200; i++) {
				Redis.set(engine, prefix + i, "v");
			}
			assertThat(Redis.dbsize(engine)).as("only this test's keys").isEqualTo(200);
		}
		finally {
			active.decrementAndGet();
		}
	}

	@EmbeddedRedis(scope = EmbeddedRedis.Scope.JVM)
	@Fixture
	static class SharedFlushingA {

		@RepeatedTest(3)
		void work(Engine engine) {
			exclusiveWork(engine, "a:", onSharedEngine, mostOnSharedEngineWhileFlushing);
		}

	}

	@EmbeddedRedis(scope = EmbeddedRedis.Scope.JVM)
	@Fixture
	static class SharedFlushingB {

		@RepeatedTest(3)
		void work(Engine engine) {
			exclusiveWork(engine, "b:", onSharedEngine, mostOnSharedEngineWhileFlushing);
		}

	}

	@EmbeddedRedis(scope = EmbeddedRedis.Scope.JVM)
	@Fixture
	static class SharedFlushingC {

		@RepeatedTest(3)
		void work(Engine engine) {
			exclusiveWork(engine, "c:", onSharedEngine, mostOnSharedEngineWhileFlushing);
		}

	}

	/** Reads the shared engine without flushing: its keys must survive the whole test. */
	@EmbeddedRedis(scope = EmbeddedRedis.Scope.JVM, reset = EmbeddedRedis.Reset.NONE)
	@Fixture
	static class SharedReading {

		@RepeatedTest(3)
		void work(Engine engine) {
			mostOnSharedEngineWhileFlushing.accumulateAndGet(onSharedEngine.incrementAndGet(), Math::max);
			try {
				for (int i = 0; i < 200; i++) {
					Redis.set(engine, "reader:" + i, "v");
				}
				for (int i = 0; i < 200; i++) {
					assertThat(engine.execute("EXISTS", "reader:" + i).toString()).as("not flushed").contains("1");
				}
			}
			finally {
				onSharedEngine.decrementAndGet();
			}
		}

	}

	/**
	 * Asks for concurrent methods; the flush before each makes the lock run them one by
	 * one.
	 */
	@EmbeddedRedis
	@Execution(ExecutionMode.CONCURRENT)
	@Fixture
	static class OwnEngineConcurrentMethods {

		@RepeatedTest(4)
		void work(Engine engine) {
			exclusiveWork(engine, "own:", onClassEngine, mostOnClassEngine);
		}

	}

	@EmbeddedRedis(reset = EmbeddedRedis.Reset.NONE)
	@Fixture
	static class MeetingA {

		@Test
		void meets() throws InterruptedException {
			rendezvous.countDown();
			assertThat(rendezvous.await(60, TimeUnit.SECONDS)).as("MeetingB ran at the same time").isTrue();
		}

	}

	@EmbeddedRedis(reset = EmbeddedRedis.Reset.NONE)
	@Fixture
	static class MeetingB {

		@Test
		void meets() throws InterruptedException {
			rendezvous.countDown();
			assertThat(rendezvous.await(60, TimeUnit.SECONDS)).as("MeetingA ran at the same time").isTrue();
		}

	}

}

package dev.larder.cache.structure.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.LockWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The {@link LockWatchdog} every lock implementation shares, driven directly over real
 * grants of the backend: it renews while the grant is held, stops when the grant is
 * released or closed, when its holder thread ends, when the grant turns out lost
 * (reported) and when the watchdog closes (its one thread ends with it); a renewal that
 * fails is reported and retried.
 *
 * <p>
 * The grants are wrapped in a {@link Recording} handle that counts the watchdog's
 * renewals and can hold one back or make one fail. That renewals stopped is shown with a
 * witness: a second grant on the same watchdog, renewed at the same period by the same
 * thread. Once the witness was renewed three more times, any renewal still scheduled for
 * the stopped grant would have run. No fixed sleeps: latches and polls with deadlines.
 */
public abstract class LockWatchdogTests extends StructureConformanceSupport {

	private static final Duration LEASE = Duration.ofMillis(300);

	private static final Duration LONG_LEASE = Duration.ofSeconds(60);

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private final String threadName = "test-lock-watchdog-" + UUID.randomUUID();

	private final LockWatchdog watchdog = new LockWatchdog(this.threadName);

	private final CapturedLog log = new CapturedLog();

	/**
	 * The longest the backend keeps a grant of {@code lease} that nobody renews
	 * (Memcached counts whole seconds and adds one).
	 */
	protected Duration longestHold(Duration lease) {
		return lease;
	}

	/**
	 * Captured instead of printed: the warnings these tests provoke are asserted, not
	 * news.
	 */
	@BeforeEach
	void captureWatchdogLog() {
		this.log.start();
		watchdogLogger().addAppender(this.log);
		watchdogLogger().setAdditive(false);
	}

	@AfterEach
	void closeWatchdog() {
		this.watchdog.close();
		watchdogLogger().setAdditive(true);
		watchdogLogger().detachAppender(this.log);
	}

	@Test
	void renewsTheLeaseWhileTheGrantIsHeld() {
		List<Structures> instances = twoInstances(settings());
		String name = unique("renewed");
		Recording held = acquire(instances.get(0), name);
		LockHandle watched = this.watchdog.watch(held, LEASE, Thread.currentThread());
		// Past the longest the backend keeps an unrenewed lease: only renewals keep it.
		assertThat(instances.get(1).locks().lock(name).tryAcquire(longestHold(LEASE).plus(LEASE), LONG_LEASE))
			.isEmpty();
		assertThat(held.renewals()).isGreaterThanOrEqualTo(2);
		assertThat(watched.isHeld()).isTrue();
		assertThat(watched.lockName()).isEqualTo(name);
		assertThat(watched.fencingToken()).isEqualTo(held.fencingToken());
		assertThat(watched.release()).isTrue();
		assertThat(instances.get(1).locks().lock(name).isLocked()).isFalse();
		assertThat(this.log.warningsAbout(name)).isEmpty();
	}

	@Test
	void releasingTheGrantStopsItsRenewals() {
		endingTheGrantStopsItsRenewals(LockHandle::release);
	}

	@Test
	void closingTheGrantStopsItsRenewals() {
		endingTheGrantStopsItsRenewals(LockHandle::close);
	}

	private void endingTheGrantStopsItsRenewals(Consumer<LockHandle> end) {
		Structures structures = instance();
		String name = unique("ended");
		Recording held = acquire(structures, name);
		Recording witness = acquire(structures, unique("witness"));
		LockHandle watched = this.watchdog.watch(held, LEASE, Thread.currentThread());
		LockHandle watchedWitness = this.watchdog.watch(witness, LEASE, Thread.currentThread());
		held.awaitRenewals(1);
		end.accept(watched);
		assertThat(structures.locks().lock(name).isLocked()).isFalse();
		assertNoMoreAttempts(held, witness);
		assertThat(watched.release()).isFalse();
		assertThat(watchedWitness.release()).isTrue();
		assertThat(this.log.warningsAbout(name)).isEmpty();
	}

	@Test
	void theRenewalsStopWhenTheHolderThreadEnds() throws Exception {
		List<Structures> instances = twoInstances(settings());
		String name = unique("orphan");
		Recording held = acquire(instances.get(0), name);
		CountDownLatch done = new CountDownLatch(1);
		Thread holder = new Thread(() -> awaitLatch(done));
		holder.start();
		this.watchdog.watch(held, LEASE, holder);
		held.awaitRenewals(2);
		done.countDown();
		holder.join(DEADLINE.toMillis());
		assertThat(holder.isAlive()).isFalse();
		// Never released: the lock is free again once the lease runs out unrenewed.
		LockHandle next = instances.get(1).locks().lock(name).tryAcquire(DEADLINE, LONG_LEASE).orElseThrow();
		assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
		assertThat(held.isHeld()).isFalse();
		assertThat(next.release()).isTrue();
		assertThat(this.log.warningsAbout(name)).isEmpty();
	}

	@Test
	void aLostGrantIsReportedAndItsRenewalsStop() {
		List<Structures> instances = twoInstances(settings());
		String name = unique("lost");
		Recording held = acquire(instances.get(0), name);
		CountDownLatch resume = held.holdBackFirstRenewal();
		this.watchdog.watch(held, LEASE, Thread.currentThread());
		held.awaitAttempts(1);
		// The renewal is held back until the lease ran out and another grant took the
		// lock.
		LockHandle next = instances.get(1).locks().lock(name).tryAcquire(DEADLINE, LONG_LEASE).orElseThrow();
		// Only now: the held-back renewal holds up the watchdog's thread.
		Recording witness = acquire(instances.get(0), unique("witness"));
		LockHandle watchedWitness = this.watchdog.watch(witness, LEASE, Thread.currentThread());
		resume.countDown();
		Eventually.await(DEADLINE, "the lost grant reported", () -> !this.log.warningsAbout(name).isEmpty());
		assertThat(this.log.warningsAbout(name)).singleElement()
			.asString()
			.contains("fencing token " + held.fencingToken())
			.contains("was lost");
		assertNoMoreAttempts(held, witness);
		assertThat(held.attempts()).isOne();
		assertThat(held.renewals()).isZero();
		// The lost grant's renewal left the new holder's grant alone.
		assertThat(next.isHeld()).isTrue();
		assertThat(next.release()).isTrue();
		assertThat(watchedWitness.release()).isTrue();
	}

	@Test
	void aFailedRenewalIsReportedAndRetried() {
		Structures structures = instance();
		String name = unique("failing");
		Recording held = acquire(structures, name);
		held.failFirstRenewal(new IllegalStateException("backend unreachable (injected)"));
		LockHandle watched = this.watchdog.watch(held, LEASE, Thread.currentThread());
		Eventually.await(DEADLINE, "the failed renewal reported", () -> !this.log.warningsAbout(name).isEmpty());
		assertThat(this.log.warningsAbout(name)).singleElement()
			.asString()
			.contains("could not extend")
			.contains("backend unreachable (injected)");
		held.awaitRenewals(2);
		assertThat(watched.isHeld()).isTrue();
		assertThat(watched.release()).isTrue();
	}

	@Test
	void oneThreadServesEveryGrantAndEndsWhenTheWatchdogCloses() throws Exception {
		List<Structures> instances = twoInstances(settings());
		assertThat(watchdogThreads()).as("started by the first grant watched").isEmpty();
		List<String> names = new ArrayList<>();
		List<LockHandle> watched = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			names.add(unique("grant-" + i));
			Recording held = acquire(instances.get(0), names.get(i));
			watched.add(this.watchdog.watch(held, LEASE, Thread.currentThread()));
			held.awaitRenewals(1);
		}
		List<Thread> threads = watchdogThreads();
		assertThat(threads).hasSize(1);
		assertThat(threads.get(0).isDaemon()).isTrue();
		this.watchdog.close();
		threads.get(0).join(DEADLINE.toMillis());
		assertThat(threads.get(0).isAlive()).isFalse();
		assertThat(watchdogThreads()).isEmpty();
		Recording late = acquire(instances.get(0), unique("late"));
		assertThatIllegalStateException().isThrownBy(() -> this.watchdog.watch(late, LEASE, Thread.currentThread()))
			.withMessageContaining("closed");
		assertThat(watchdogThreads()).as("a closed watchdog starts no thread").isEmpty();
		assertThat(late.release()).isTrue();
		// Unrenewed, the first grant runs out with its lease; the others are still
		// released by their holder.
		LockHandle next = instances.get(1).locks().lock(names.get(0)).tryAcquire(DEADLINE, LONG_LEASE).orElseThrow();
		assertThat(next.release()).isTrue();
		for (LockHandle grant : watched.subList(1, watched.size())) {
			grant.close();
		}
		names.forEach((name) -> assertThat(instances.get(1).locks().lock(name).isLocked()).isFalse());
	}

	private Recording acquire(Structures structures, String name) {
		return new Recording(structures.locks().lock(name).tryAcquire(Duration.ZERO, LEASE).orElseThrow());
	}

	/**
	 * Waits for one renewal of the witness (any renewal of {@code stopped} under way has
	 * then ended: one thread runs both), then three more; {@code stopped} must not have
	 * been renewed since.
	 */
	private static void assertNoMoreAttempts(Recording stopped, Recording witness) {
		// Two, not one: the witness's next attempt may already be under way when the
		// grant ends, in the same round as a renewal of the stopped grant that started
		// before it ended. The one after that comes a period later, on the watchdog's one
		// thread, so whatever was in flight has finished by then.
		witness.awaitAttempts(witness.attempts() + 2);
		int settled = stopped.attempts();
		witness.awaitAttempts(witness.attempts() + 3);
		assertThat(stopped.attempts()).isEqualTo(settled);
	}

	private List<Thread> watchdogThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(this.threadName))
			.toList();
	}

	private static Logger watchdogLogger() {
		return (Logger) LoggerFactory.getLogger(LockWatchdog.class);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A real grant that counts the watchdog's renewals, and can hold back or fail the
	 * first one.
	 */
	private static final class Recording implements LockHandle {

		private final LockHandle grant;

		private final AtomicInteger attempts = new AtomicInteger();

		private final AtomicInteger renewals = new AtomicInteger();

		private final AtomicReference<RuntimeException> failFirst = new AtomicReference<>();

		private final AtomicReference<CountDownLatch> holdFirst = new AtomicReference<>();

		Recording(LockHandle grant) {
			this.grant = grant;
		}

		CountDownLatch holdBackFirstRenewal() {
			CountDownLatch resume = new CountDownLatch(1);
			this.holdFirst.set(resume);
			return resume;
		}

		void failFirstRenewal(RuntimeException failure) {
			this.failFirst.set(failure);
		}

		int attempts() {
			return this.attempts.get();
		}

		int renewals() {
			return this.renewals.get();
		}

		void awaitAttempts(int count) {
			Eventually.await(DEADLINE, count + " renewal attempts of " + this.grant, () -> attempts() >= count);
		}

		void awaitRenewals(int count) {
			Eventually.await(DEADLINE, count + " renewals of " + this.grant, () -> renewals() >= count);
		}

		@Override
		public boolean extend(Duration lease) {
			this.attempts.incrementAndGet();
			RuntimeException failure = this.failFirst.getAndSet(null);
			if (failure != null) {
				throw failure;
			}
			CountDownLatch resume = this.holdFirst.getAndSet(null);
			if (resume != null) {
				awaitLatch(resume);
			}
			boolean extended = this.grant.extend(lease);
			if (extended) {
				this.renewals.incrementAndGet();
			}
			return extended;
		}

		@Override
		public String lockName() {
			return this.grant.lockName();
		}

		@Override
		public long fencingToken() {
			return this.grant.fencingToken();
		}

		@Override
		public boolean isHeld() {
			return this.grant.isHeld();
		}

		@Override
		public boolean release() {
			return this.grant.release();
		}

		@Override
		public String toString() {
			return this.grant.toString();
		}

	}

	/** The watchdog's warnings, as the application's log would show them. */
	private static final class CapturedLog extends AppenderBase<ILoggingEvent> {

		private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

		@Override
		protected void append(ILoggingEvent event) {
			this.events.add(event);
		}

		/** By lock name: other suites' watchdogs may log meanwhile. */
		List<String> warningsAbout(String lockName) {
			return this.events.stream()
				.filter((event) -> event.getLevel() == Level.WARN)
				.map(ILoggingEvent::getFormattedMessage)
				.filter((message) -> message.contains("'" + lockName + "'"))
				.toList();
		}

	}

}

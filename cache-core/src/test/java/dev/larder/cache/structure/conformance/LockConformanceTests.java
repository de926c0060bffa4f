package dev.larder.cache.structure.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Distributed locks: never two holders, release only by the holder, fencing tokens that
 * strictly increase with each grant, leases that free the lock of a holder that died,
 * extension and the watchdog. Contention runs from many threads of two instances sharing
 * the backend. Leases that must run out are short and real; everything else waits with
 * deadlines, never fixed sleeps.
 */
public abstract class LockConformanceTests extends StructureConformanceSupport {

	/** Long enough never to run out during a test that does not want it to. */
	private static final Duration LONG_LEASE = Duration.ofSeconds(60);

	/** Short enough that waiting for it to run out keeps the suite quick. */
	private static final Duration SHORT_LEASE = Duration.ofMillis(300);

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private DistributedLock lock(Structures structures, String name) {
		return structures.locks().lock(name);
	}

	@Test
	void aHeldLockIsNotGrantedAgainUntilReleased() {
		DistributedLock lock = lock(instance(), unique("lock"));
		assertThat(lock.isLocked()).isFalse();
		LockHandle first = lock.tryAcquire(Duration.ZERO, LONG_LEASE).orElseThrow();
		assertThat(first.lockName()).isEqualTo(lock.name());
		assertThat(lock.isLocked()).isTrue();
		assertThat(first.isHeld()).isTrue();
		assertThat(lock.tryAcquire(Duration.ZERO, LONG_LEASE)).isEmpty();
		assertThat(lock.tryAcquire(Duration.ofMillis(50), LONG_LEASE)).isEmpty();
		assertThat(first.release()).isTrue();
		assertThat(first.isHeld()).isFalse();
		assertThat(lock.isLocked()).isFalse();
		assertThat(first.release()).isFalse();
		try (LockHandle second = lock.tryAcquire(Duration.ZERO, LONG_LEASE).orElseThrow()) {
			assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
		}
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void aWaiterGetsTheLockWhenTheHolderReleases() throws Exception {
		List<Structures> instances = twoInstances(settings());
		String name = unique("handover");
		LockHandle held = lock(instances.get(0), name).tryAcquire(Duration.ZERO, LONG_LEASE).orElseThrow();
		CountDownLatch waiting = new CountDownLatch(1);
		Future<Optional<LockHandle>> waiter = this.pool.submit(() -> {
			waiting.countDown();
			return lock(instances.get(1), name).tryAcquire(DEADLINE, LONG_LEASE);
		});
		waiting.await();
		held.close();
		LockHandle next = waiter.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS).orElseThrow();
		assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
		next.close();
	}

	@Test
	void onlyTheHolderCanRelease() {
		List<Structures> instances = twoInstances(settings());
		String name = unique("holder");
		LockHandle expired = lock(instances.get(0), name).tryAcquire(Duration.ZERO, SHORT_LEASE).orElseThrow();
		// The first grant's lease runs out; the other instance takes the lock.
		LockHandle current = lock(instances.get(1), name).tryAcquire(DEADLINE, LONG_LEASE).orElseThrow();
		assertThat(current.fencingToken()).isGreaterThan(expired.fencingToken());
		assertThat(expired.isHeld()).isFalse();
		assertThat(expired.extend(LONG_LEASE)).isFalse();
		assertThat(expired.release()).isFalse();
		assertThat(current.isHeld()).isTrue();
		assertThat(lock(instances.get(0), name).isLocked()).isTrue();
		assertThat(current.release()).isTrue();
	}

	@Test
	void aHolderThatDiedBlocksOthersOnlyUntilItsLeaseEnds() {
		List<Structures> instances = twoInstances(settings());
		String name = unique("crashed");
		// Acquired and never released: the process holding it "died".
		long crashedToken = lock(instances.get(0), name).tryAcquire(Duration.ZERO, SHORT_LEASE)
			.orElseThrow()
			.fencingToken();
		Optional<LockHandle> next = lock(instances.get(1), name).tryAcquire(DEADLINE, LONG_LEASE);
		assertThat(next).isPresent();
		assertThat(next.get().fencingToken()).isGreaterThan(crashedToken);
		next.get().close();
	}

	@Test
	void extendingKeepsTheLockPastItsFirstLease() {
		List<Structures> instances = twoInstances(settings());
		String name = unique("extended");
		LockHandle held = lock(instances.get(0), name).tryAcquire(Duration.ZERO, Duration.ofSeconds(2)).orElseThrow();
		assertThat(held.extend(LONG_LEASE)).isTrue();
		// Waiting well past the first lease (also past Memcached's, rounded up to whole
		// seconds plus
		// one): had the extension not taken, the other would get it. The 2 s first lease
		// leaves a slow
		// machine room to extend before it runs out.
		assertThat(lock(instances.get(1), name).tryAcquire(Duration.ofMillis(3500), LONG_LEASE)).isEmpty();
		assertThat(held.isHeld()).isTrue();
		assertThat(held.release()).isTrue();
	}

	@Test
	void theWatchdogRenewsUntilTheHandleCloses() throws Exception {
		List<Structures> instances = twoInstances(settings());
		String name = unique("watchdog");
		LockHandle held = lock(instances.get(0), name).tryAcquireWithWatchdog(Duration.ZERO, SHORT_LEASE).orElseThrow();
		// Five leases long: only renewals keep it.
		assertThat(lock(instances.get(1), name).tryAcquire(SHORT_LEASE.multipliedBy(5), LONG_LEASE)).isEmpty();
		assertThat(held.isHeld()).isTrue();
		held.close();
		LockHandle next = lock(instances.get(1), name).tryAcquire(DEADLINE, SHORT_LEASE).orElseThrow();
		assertThat(next.fencingToken()).isGreaterThan(held.fencingToken());
		assertThat(held.isHeld()).isFalse();
		assertThat(next.release()).isTrue();
	}

	@Test
	void theWatchdogStopsWhenTheAcquiringThreadDies() throws Exception {
		List<Structures> instances = twoInstances(settings());
		String name = unique("orphan");
		AtomicReference<LockHandle> orphan = new AtomicReference<>();
		Thread holder = new Thread(() -> orphan
			.set(lock(instances.get(0), name).tryAcquireWithWatchdog(Duration.ZERO, SHORT_LEASE).orElseThrow()));
		holder.start();
		holder.join();
		assertThat(orphan.get()).isNotNull();
		LockHandle next = lock(instances.get(1), name).tryAcquire(DEADLINE, LONG_LEASE).orElseThrow();
		assertThat(next.fencingToken()).isGreaterThan(orphan.get().fencingToken());
		assertThat(orphan.get().isHeld()).isFalse();
		next.close();
	}

	@Test
	void neverTwoHoldersAndTokensStrictlyIncrease() throws Exception {
		List<Structures> instances = twoInstances(settings());
		String name = unique("contended");
		int threadsPerInstance = 4;
		int grantsPerThread = 15;
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicInteger outOfOrder = new AtomicInteger();
		AtomicInteger grants = new AtomicInteger();
		// Written only inside the critical section, so a token at or below it means two
		// holders or a reused token.
		long[] lastToken = { 0 };
		List<Future<?>> done = new ArrayList<>();
		for (Structures structures : instances) {
			DistributedLock lock = lock(structures, name);
			for (int t = 0; t < threadsPerInstance; t++) {
				done.add(this.pool.submit(() -> {
					for (int i = 0; i < grantsPerThread; i++) {
						try (LockHandle held = lock.tryAcquire(DEADLINE, LONG_LEASE).orElseThrow()) {
							if (inside.incrementAndGet() != 1) {
								overlaps.incrementAndGet();
							}
							synchronized (lastToken) {
								if (held.fencingToken() <= lastToken[0]) {
									outOfOrder.incrementAndGet();
								}
								lastToken[0] = held.fencingToken();
							}
							Thread.yield();
							grants.incrementAndGet();
							inside.decrementAndGet();
						}
					}
				}));
			}
		}
		for (Future<?> future : done) {
			future.get(120, TimeUnit.SECONDS);
		}
		assertThat(overlaps).hasValue(0);
		assertThat(outOfOrder).hasValue(0);
		assertThat(grants).hasValue(2 * threadsPerInstance * grantsPerThread);
		assertThat(lock(instances.get(0), name).isLocked()).isFalse();
	}

	@Test
	void locksOfDifferentNamesAreIndependent() {
		Structures structures = instance();
		try (LockHandle a = lock(structures, unique("a")).tryAcquire(Duration.ZERO, LONG_LEASE).orElseThrow();
				LockHandle b = lock(structures, unique("b")).tryAcquire(Duration.ZERO, LONG_LEASE).orElseThrow()) {
			assertThat(a.isHeld()).isTrue();
			assertThat(b.isHeld()).isTrue();
		}
	}

	@Test
	void refusesMeaninglessWaitsAndLeases() {
		DistributedLock lock = lock(instance(), unique("arguments"));
		assertThatIllegalArgumentException().isThrownBy(() -> lock.tryAcquire(Duration.ofSeconds(-1), LONG_LEASE));
		assertThatIllegalArgumentException().isThrownBy(() -> lock.tryAcquire(Duration.ZERO, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> lock.tryAcquire(Duration.ZERO, Duration.ofNanos(10)));
		assertThat(lock.isLocked()).isFalse();
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Many threads on overlapping keys, with multi-key commands that lock several shards in
 * both key orders (RENAME a b against RENAME b a, MSET, DEL, COPY). Checks that no
 * increment is lost and that nothing deadlocks (the whole run has a hard deadline).
 */
class ConcurrencyTest {

	private static final int THREADS = 8;

	private static final int OPS = 20_000;

	private static final int COUNTERS = 16;

	@Test
	void noLostUpdatesAndNoDeadlock() {
		try (Engine engine = Engine.start(EngineConfig.builder().shards(4).activeExpiry(false).build())) {
			AtomicLongArray expected = new AtomicLongArray(COUNTERS);
			AtomicLongArray expectedHash = new AtomicLongArray(COUNTERS);
			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
				ExecutorService pool = Executors.newFixedThreadPool(THREADS);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> futures = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					long seed = t;
					futures.add(pool.submit(() -> {
						Random rnd = new Random(seed);
						start.await();
						for (int i = 0; i < OPS; i++) {
							int c = rnd.nextInt(COUNTERS);
							String a = "churn:" + rnd.nextInt(8);
							String b = "churn:" + rnd.nextInt(8);
							switch (rnd.nextInt(10)) {
								case 0, 1 -> {
									long by = rnd.nextInt(5) + 1;
									assertThat(engine.execute("INCRBY", "counter:" + c, Long.toString(by)))
										.isInstanceOf(Reply.IntegerReply.class);
									expected.addAndGet(c, by);
								}
								case 2 -> {
									engine.execute("HINCRBY", "hash", "f" + c, "1");
									expectedHash.incrementAndGet(c);
								}
								case 3 -> engine.execute("MSET", a, "x", b, "y", "counter-shadow:" + c, "z");
								case 4 -> engine.execute("RENAME", a, b);
								case 5 -> engine.execute("DEL", a, b, "counter-shadow:" + c);
								case 6 -> engine.execute("COPY", a, b, "REPLACE");
								case 7 -> engine.execute("MGET", "counter:" + c, a, b, "counter:" + (COUNTERS - 1 - c));
								case 8 -> engine.execute("EXISTS", a, b, "counter:" + c);
								default -> {
									engine.execute("INCR", "counter:" + c);
									expected.incrementAndGet(c);
								}
							}
							if (rnd.nextInt(10) == 9) {
								expected.incrementAndGet(c);
								engine.execute("INCR", "counter:" + c);
							}
						}
						return null;
					}));
				}
				start.countDown();
				for (Future<?> f : futures) {
					f.get();
				}
				pool.shutdown();
			});
			for (int c = 0; c < COUNTERS; c++) {
				long want = expected.get(c);
				Reply got = engine.execute("GET", "counter:" + c);
				assertThat(got).as("counter " + c).isEqualTo(want == 0 ? Reply.NULL : Reply.bulk(Long.toString(want)));
				Reply field = engine.execute("HGET", "hash", "f" + c);
				long wantHash = expectedHash.get(c);
				assertThat(field).isEqualTo(wantHash == 0 ? Reply.NULL : Reply.bulk(Long.toString(wantHash)));
			}
		}
	}

	@Test
	void opposingMultiShardRenamesDoNotDeadlock() {
		try (Engine engine = Engine.start(EngineConfig.builder().shards(64).activeExpiry(false).build())) {
			engine.execute("SET", "left", "v");
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				Thread[] threads = new Thread[4];
				for (int t = 0; t < threads.length; t++) {
					boolean forward = t % 2 == 0;
					threads[t] = new Thread(() -> {
						for (int i = 0; i < 50_000; i++) {
							engine.execute("RENAME", forward ? "left" : "right", forward ? "right" : "left");
						}
					});
					threads[t].start();
				}
				for (Thread t : threads) {
					t.join();
				}
			});
			assertThat(engine.execute("EXISTS", "left", "right")).isEqualTo(Reply.integer(1));
		}
	}

}

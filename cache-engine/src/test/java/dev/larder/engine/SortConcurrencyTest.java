package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SORT BY and GET read keys their arguments do not name, in every shard: the executor
 * locks all shards for them, so a SORT sees the weight keys as one MSET left them, never
 * half of one, and nothing deadlocks against multi-key writers (the run has a hard
 * deadline).
 */
class SortConcurrencyTest {

	private static final int IDS = 16;

	private static final int OPS = 3_000;

	@Test
	void sortReadsPatternKeysAtomicallyWithoutDeadlock() {
		try (Engine engine = Engine.start(EngineConfig.builder().shards(8).activeExpiry(false).build())) {
			List<String> push = new ArrayList<>(List.of("RPUSH", "ids"));
			for (int i = 0; i < IDS; i++) {
				push.add(Integer.toString(i));
			}
			engine.execute(push.toArray(String[]::new));
			engine.execute(rotation(0));
			List<String> sorted = new ArrayList<>();
			for (int i = 0; i < IDS; i++) {
				sorted.add(Integer.toString(i));
			}
			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
				ExecutorService pool = Executors.newFixedThreadPool(6);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> futures = new ArrayList<>();
				for (int t = 0; t < 6; t++) {
					int thread = t;
					futures.add(pool.submit(() -> {
						Random rnd = new Random(thread);
						start.await();
						for (int i = 0; i < OPS; i++) {
							switch (thread % 3) {
								// writers: every weight at once, a new rotation of 0..15
								case 0 -> engine.execute(rotation(rnd.nextInt(IDS)));
								// readers: the weights in sorted order are 0..15 exactly
								case 1 -> assertThat(texts(engine.execute("SORT", "ids", "BY", "w_*", "GET", "w_*")))
									.isEqualTo(sorted);
								default -> {
									engine.execute("SORT", "ids", "BY", "w_*", "LIMIT", "0", "4", "STORE", "top");
									engine.execute("RENAME", "top", "top:" + rnd.nextInt(4));
									engine.execute("SORT_RO", "ids", "BY", "nosort", "GET", "w_*");
								}
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
		}
	}

	/** MSET w_0..w_15 to (i + r) mod 16. */
	private static String[] rotation(int r) {
		List<String> mset = new ArrayList<>(List.of("MSET"));
		for (int i = 0; i < IDS; i++) {
			mset.add("w_" + i);
			mset.add(Integer.toString((i + r) % IDS));
		}
		return mset.toArray(String[]::new);
	}

	private static List<String> texts(Reply reply) {
		List<String> out = new ArrayList<>();
		for (Reply item : ((Reply.ArrayReply) reply).items()) {
			out.add(new String(((Reply.BulkString) item).value(), StandardCharsets.UTF_8));
		}
		return out;
	}

}

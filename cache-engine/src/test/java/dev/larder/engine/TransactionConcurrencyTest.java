package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once: optimistic WATCH/GET/MULTI/SET/EXEC loops lose no update, and a
 * transaction's writes to keys of several shards are seen all or none by other
 * transactions.
 */
class TransactionConcurrencyTest {

	private static final int CLIENTS = 8;

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).shards(16).build());
	}

	@AfterAll
	static void stop() {
		engine.close();
	}

	interface ClientWork {

		void run(int index, RespClient client) throws Exception;

	}

	/** Runs {@code work} on {@code clients} connections at once, released together. */
	private static void concurrently(int clients, ClientWork work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				int index = i;
				done.add(pool.submit(() -> {
					try (RespClient c = new RespClient(engine.port())) {
						go.await();
						work.run(index, c);
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> f : done) {
				f.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void checkAndSetLoopsLoseNoIncrement() throws Exception {
		int perClient = 100;
		String[] counters = { "cas:a", "cas:b", "cas:c" };
		concurrently(CLIENTS, (index, c) -> {
			for (int done = 0; done < perClient;) {
				String key = counters[ThreadLocalRandom.current().nextInt(counters.length)];
				c.call("WATCH", key);
				Resp current = c.call("GET", key);
				long next = (current.isNull() ? 0 : Long.parseLong(current.text())) + 1;
				c.call("MULTI");
				c.call("SET", key, Long.toString(next));
				c.call("INCR", "cas:commits");
				if (!c.call("EXEC").isNull()) {
					done++;
				}
			}
		});
		long sum = 0;
		for (String key : counters) {
			sum += Long.parseLong(((Reply.BulkString) engine.execute("GET", key)).asString());
		}
		assertThat(sum).isEqualTo((long) CLIENTS * perClient);
		assertThat(engine.execute("GET", "cas:commits")).isEqualTo(Reply.bulk(Long.toString(sum)));
	}

	@Test
	void otherTransactionsSeeAMultiKeyTransactionWhole() throws Exception {
		String[] keys = new String[8];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = "whole:" + i;
			engine.execute("SET", keys[i], "0");
		}
		AtomicBoolean torn = new AtomicBoolean();
		concurrently(CLIENTS, (index, c) -> {
			boolean writer = index % 2 == 0;
			for (int round = 0; round < 150; round++) {
				c.call("MULTI");
				if (writer) {
					// moves one unit between two keys: the sum of all keys stays 0
					int from = ThreadLocalRandom.current().nextInt(keys.length);
					c.call("DECR", keys[from]);
					c.call("INCR",
							keys[(from + 1 + ThreadLocalRandom.current().nextInt(keys.length - 1)) % keys.length]);
					c.call("EXEC");
				}
				else {
					for (String key : keys) {
						c.call("GET", key);
					}
					long sum = 0;
					for (Resp r : c.call("EXEC").items()) {
						sum += Long.parseLong(r.text());
					}
					if (sum != 0) {
						torn.set(true);
					}
				}
			}
		});
		assertThat(torn).as("a reader saw half a transaction").isFalse();
		long sum = 0;
		for (String key : keys) {
			sum += Long.parseLong(((Reply.BulkString) engine.execute("GET", key)).asString());
		}
		assertThat(sum).isZero();
	}

}

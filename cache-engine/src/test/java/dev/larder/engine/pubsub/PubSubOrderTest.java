package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several publishers (RESP connections pipelining, and an in-process caller) and several
 * subscribers (RESP2, RESP3, pattern, in-process) at once: every subscriber gets every
 * message exactly once, and each publisher's messages in the order it published them.
 */
class PubSubOrderTest {

	private static final int PUBLISHERS = 4;

	private static final int MESSAGES = 3000;

	private static final int BATCH = 50;

	@Test
	// the subscriptions' lifetime is what the test needs, not their methods
	@SuppressWarnings("try")
	void everyMessageOnceAndInOrderPerPublisher() throws Exception {
		try (Engine engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build())) {
			ExecutorService pool = Executors.newCachedThreadPool();
			try {
				List<Future<List<String>>> subscribers = new ArrayList<>();
				List<RespClient> clients = new ArrayList<>();
				for (String[] mode : new String[][] { { "2", "SUBSCRIBE", "load" }, { "3", "SUBSCRIBE", "load" },
						{ "2", "PSUBSCRIBE", "lo*" } }) {
					RespClient c = new RespClient(engine.port());
					clients.add(c);
					c.call("HELLO", mode[0]);
					c.call(mode[1], mode[2]);
					int payloadIndex = mode[1].equals("PSUBSCRIBE") ? 3 : 2;
					subscribers.add(pool.submit(() -> {
						List<String> got = new ArrayList<>();
						while (got.size() < (PUBLISHERS + 1) * MESSAGES) {
							Resp r = c.read();
							got.add(r.items().get(payloadIndex).text());
						}
						return got;
					}));
				}
				LinkedBlockingQueue<String> inProcess = new LinkedBlockingQueue<>();
				try (Subscription s = engine.subscribe(m -> inProcess.add(m.messageAsString()), "load")) {
					List<Future<?>> publishers = new ArrayList<>();
					for (int p = 0; p < PUBLISHERS; p++) {
						int publisher = p;
						publishers.add(pool.submit(() -> {
							try (RespClient c = new RespClient(engine.port())) {
								for (int i = 0; i < MESSAGES; i += BATCH) {
									for (int j = i; j < i + BATCH; j++) {
										c.send(RespClient.encode("PUBLISH", "load", publisher + ":" + j));
									}
									for (int j = i; j < i + BATCH; j++) {
										assertThat(c.read().text()).isEqualTo("4");
									}
								}
							}
							return null;
						}));
					}
					publishers.add(pool.submit(() -> {
						for (int j = 0; j < MESSAGES; j++) {
							engine.execute("PUBLISH", "load", PUBLISHERS + ":" + j);
						}
						return null;
					}));
					for (Future<?> f : publishers) {
						f.get(60, TimeUnit.SECONDS);
					}
					for (Future<List<String>> f : subscribers) {
						assertInOrder(f.get(60, TimeUnit.SECONDS));
					}
					List<String> got = new ArrayList<>();
					while (got.size() < (PUBLISHERS + 1) * MESSAGES) {
						String m = inProcess.poll(30, TimeUnit.SECONDS);
						assertThat(m).as("in-process message %d", got.size()).isNotNull();
						got.add(m);
					}
					assertInOrder(got);
				}
				for (RespClient c : clients) {
					c.close();
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	/** Each publisher's sequence numbers, in arrival order, are 0, 1, 2, ... */
	private static void assertInOrder(List<String> messages) {
		int[] next = new int[PUBLISHERS + 1];
		for (String m : messages) {
			int colon = m.indexOf(':');
			int publisher = Integer.parseInt(m.substring(0, colon));
			int seq = Integer.parseInt(m.substring(colon + 1));
			assertThat(seq).as("publisher %d", publisher).isEqualTo(next[publisher]);
			next[publisher]++;
		}
		for (int n : next) {
			assertThat(n).isEqualTo(MESSAGES);
		}
	}

}

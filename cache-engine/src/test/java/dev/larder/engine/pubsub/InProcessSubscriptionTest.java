package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.testing.RespClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Engine.subscribe / psubscribe: messages from in-process and RESP publishers. */
class InProcessSubscriptionTest {

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		engine.close();
	}

	@Test
	// the subscriptions' lifetime is what the test needs, not their methods
	@SuppressWarnings("try")
	void channelAndPatternSubscriptionsReceiveAndCount() throws Exception {
		BlockingQueue<Message> got = new LinkedBlockingQueue<>();
		try (Subscription channel = engine.subscribe(got::add, "orders");
				Subscription pattern = engine.psubscribe(got::add, "ord*")) {
			assertThat(engine.execute("PUBLISH", "orders", "o1")).isEqualTo(Reply.integer(2));
			Message first = got.poll(5, TimeUnit.SECONDS);
			Message second = got.poll(5, TimeUnit.SECONDS);
			assertThat(first).isNotNull();
			assertThat(second).isNotNull();
			assertThat(java.util.List.of(first.patternAsString() == null ? "-" : first.patternAsString(),
					second.patternAsString() == null ? "-" : second.patternAsString()))
				.containsExactlyInAnyOrder("-", "ord*");
			assertThat(first.messageAsString()).isEqualTo("o1");
			assertThat(engine.execute("PUBSUB", "NUMSUB", "orders"))
				.isEqualTo(Reply.array(Reply.bulk("orders"), Reply.integer(1)));

			try (RespClient resp = new RespClient(engine.port())) {
				assertThat(resp.call("PUBLISH", "orders", "o2").text()).isEqualTo("2");
			}
			assertThat(got.poll(5, TimeUnit.SECONDS).channelAsString()).isEqualTo("orders");
			assertThat(got.poll(5, TimeUnit.SECONDS).messageAsString()).isEqualTo("o2");

			channel.unsubscribe("orders");
			assertThat(engine.execute("PUBLISH", "orders", "o3")).isEqualTo(Reply.integer(1));
		}
		assertThat(engine.execute("PUBLISH", "orders", "o4")).isEqualTo(Reply.integer(0));
		assertThat(engine.execute("PUBSUB", "NUMPAT")).isEqualTo(Reply.integer(0));
	}

	@Test
	// the subscriptions' lifetime is what the test needs, not their methods
	@SuppressWarnings("try")
	void aListenerSeesEachPublishersMessagesInOrder() throws Exception {
		int n = 5000;
		BlockingQueue<Message> got = new LinkedBlockingQueue<>();
		try (Subscription s = engine.subscribe(got::add, "seq")) {
			for (int i = 0; i < n; i++) {
				engine.execute("PUBLISH", "seq", Integer.toString(i));
			}
			for (int i = 0; i < n; i++) {
				Message m = got.poll(5, TimeUnit.SECONDS);
				assertThat(m).isNotNull();
				assertThat(m.messageAsString()).isEqualTo(Integer.toString(i));
			}
		}
	}

	@Test
	void aFailingListenerKeepsItsSubscription() throws Exception {
		BlockingQueue<String> got = new LinkedBlockingQueue<>();
		try (Subscription s = engine.subscribe(m -> {
			if (m.messageAsString().equals("boom")) {
				throw new IllegalStateException("listener bug");
			}
			got.add(m.messageAsString());
		}, "fragile")) {
			engine.execute("PUBLISH", "fragile", "boom");
			engine.execute("PUBLISH", "fragile", "fine");
			assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("fine");
			assertThat(s.isOpen()).isTrue();
		}
	}

}

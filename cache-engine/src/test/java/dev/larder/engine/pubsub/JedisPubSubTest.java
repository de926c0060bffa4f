package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/** Jedis's JedisPubSub (its own RESP2 subscribe loop) against the engine. */
class JedisPubSubTest {

	private Engine engine;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterEach
	void stop() {
		engine.close();
	}

	@Test
	void subscribeReceiveAndUnsubscribe() throws Exception {
		List<String> got = new CopyOnWriteArrayList<>();
		CountDownLatch subscribed = new CountDownLatch(2);
		CountDownLatch received = new CountDownLatch(2);
		JedisPubSub listener = new JedisPubSub() {
			@Override
			public void onSubscribe(String channel, int count) {
				subscribed.countDown();
			}

			@Override
			public void onPSubscribe(String pattern, int count) {
				subscribed.countDown();
			}

			@Override
			public void onMessage(String channel, String message) {
				got.add(channel + "=" + message);
				received.countDown();
			}

			@Override
			public void onPMessage(String pattern, String channel, String message) {
				got.add(pattern + "|" + channel + "=" + message);
				received.countDown();
			}
		};
		Thread loop = new Thread(() -> {
			try (Jedis sub = new Jedis("127.0.0.1", engine.port())) {
				sub.subscribe(listener, "alerts");
			}
		});
		loop.start();
		try (Jedis pub = new Jedis("127.0.0.1", engine.port())) {
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (subscribed.getCount() == 2) {
				assertThat(System.nanoTime()).isLessThan(deadline);
				Thread.sleep(5);
			}
			listener.psubscribe("al*");
			assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(pub.publish("alerts", "a1")).isEqualTo(2);
			assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(got).containsExactlyInAnyOrder("alerts=a1", "al*|alerts=a1");
			listener.punsubscribe();
			listener.unsubscribe();
			loop.join(5000);
			assertThat(loop.isAlive()).isFalse();
			assertThat(pub.publish("alerts", "a2")).isZero();
		}
	}

}

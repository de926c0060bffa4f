package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Redisson against the engine: RTopic, and RLock across two clients (a waiter is woken
 * through pub/sub when the holder unlocks).
 */
class RedissonPubSubTest {

	private Engine engine;

	private RedissonClient first;

	private RedissonClient second;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		first = client();
		second = client();
	}

	private RedissonClient client() {
		Config config = new Config();
		config.useSingleServer()
			.setAddress("redis://127.0.0.1:" + engine.port())
			.setConnectionMinimumIdleSize(1)
			.setConnectionPoolSize(2)
			.setSubscriptionConnectionMinimumIdleSize(1)
			.setSubscriptionConnectionPoolSize(2);
		return Redisson.create(config);
	}

	@AfterEach
	void stop() {
		first.shutdown();
		second.shutdown();
		engine.close();
	}

	@Test
	void topicDeliversAcrossClients() throws Exception {
		BlockingQueue<String> got = new LinkedBlockingQueue<>();
		RTopic topic = second.getTopic("events", StringCodec.INSTANCE);
		topic.addListener(String.class, (channel, message) -> got.add(channel + "=" + message));
		assertThat(first.getTopic("events", StringCodec.INSTANCE).publish("e1")).isEqualTo(1);
		assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("events=e1");
	}

	@Test
	void lockWaiterIsWokenWhenTheHolderUnlocks() throws Exception {
		RLock held = first.getLock("resource");
		held.lock();
		CountDownLatch waiting = new CountDownLatch(1);
		AtomicLong acquiredAt = new AtomicLong();
		Thread waiter = new Thread(() -> {
			RLock lock = second.getLock("resource");
			waiting.countDown();
			try {
				// far longer than the test: the waiter must be woken by the unlock
				// message
				if (lock.tryLock(30, 10, TimeUnit.SECONDS)) {
					acquiredAt.set(System.nanoTime());
					lock.unlock();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		waiter.start();
		assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
		long deadline = System.nanoTime() + 10_000_000_000L;
		// the waiter subscribes to the lock's channel before it waits
		while (engine.execute("PUBSUB", "CHANNELS", "*resource*").equals(Reply.EMPTY_ARRAY)) {
			assertThat(System.nanoTime()).as("waiter subscribed").isLessThan(deadline);
			Thread.sleep(10);
		}
		long unlockedAt = System.nanoTime();
		held.unlock();
		waiter.join(20_000);
		assertThat(acquiredAt.get()).as("waiter acquired the lock").isNotZero();
		assertThat(acquiredAt.get() - unlockedAt).as("woken by the unlock message, not a retry")
			.isLessThan(5_000_000_000L);
		assertThat(first.getLock("resource").isLocked()).isFalse();
	}

}

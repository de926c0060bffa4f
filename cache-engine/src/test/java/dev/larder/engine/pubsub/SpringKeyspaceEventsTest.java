package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.KeyExpirationEventMessageListener;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Spring Data Redis's keyspace-event listeners against the engine: the
 * {@link KeyExpirationEventMessageListener} (which turns notifications on itself with
 * {@code CONFIG SET notify-keyspace-events EA}) hears a key expire by the active expiry
 * cycle, and a pattern listener on {@code __keyspace@0__:} hears writes and deletes.
 */
class SpringKeyspaceEventsTest {

	private Engine engine;

	private LettuceConnectionFactory factory;

	private RedisMessageListenerContainer container;

	private final ExecutorService dispatch = Executors.newSingleThreadExecutor();

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", engine.port()));
		factory.afterPropertiesSet();
		factory.start();
		container = new RedisMessageListenerContainer();
		container.setConnectionFactory(factory);
		// in arrival order: by default each message is handed to a new thread, and two
		// events of one key could reach the listener swapped (seen in full builds)
		container.setTaskExecutor(dispatch);
		container.afterPropertiesSet();
		container.start();
	}

	@AfterEach
	void stop() throws Exception {
		container.destroy();
		factory.destroy();
		engine.close();
		dispatch.shutdownNow();
	}

	@Test
	void keyExpirationListenerHearsAKeyExpire() throws Exception {
		BlockingQueue<String> expired = new LinkedBlockingQueue<>();
		KeyExpirationEventMessageListener listener = new KeyExpirationEventMessageListener(container) {
			@Override
			protected void doHandleMessage(Message message) {
				expired.add(text(message.getBody()));
			}
		};
		listener.init();
		try {
			// Spring asked for "EA"; Redis prints the flags back as "AE"
			assertThat(engine.execute("CONFIG", "GET", "notify-keyspace-events").toString()).contains("[AE]");
			awaitPatterns(1);
			new StringRedisTemplate(factory).opsForValue().set("session:1", "v", java.time.Duration.ofMillis(50));
			assertThat(expired.poll(10, TimeUnit.SECONDS)).isEqualTo("session:1");
		}
		finally {
			listener.destroy();
		}
	}

	@Test
	void aKeyspacePatternListenerHearsWritesAndDeletes() throws Exception {
		engine.execute("CONFIG", "SET", "notify-keyspace-events", "K$g");
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		container.addMessageListener(
				(message, pattern) -> events.add(text(message.getChannel()) + " " + text(message.getBody())),
				new PatternTopic("__keyspace@0__:user:*"));
		awaitPatterns(1);
		StringRedisTemplate template = new StringRedisTemplate(factory);
		template.opsForValue().set("user:7", "ada");
		template.opsForValue().set("other", "x");
		template.delete("user:7");
		assertThat(List.of(events.poll(5, TimeUnit.SECONDS), events.poll(5, TimeUnit.SECONDS)))
			.containsExactly("__keyspace@0__:user:7 set", "__keyspace@0__:user:7 del");
	}

	/** The container subscribes asynchronously: waits until the patterns are live. */
	private void awaitPatterns(int count) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!engine.execute("PUBSUB", "NUMPAT").equals(Reply.integer(count))) {
			assertThat(System.nanoTime()).as("container subscribed").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}

package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Spring Data Redis's RedisMessageListenerContainer with channel and pattern topics. */
class SpringRedisListenerContainerTest {

	private Engine engine;

	private LettuceConnectionFactory factory;

	private RedisMessageListenerContainer container;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", engine.port()));
		factory.afterPropertiesSet();
		factory.start();
		container = new RedisMessageListenerContainer();
		container.setConnectionFactory(factory);
		container.afterPropertiesSet();
	}

	@AfterEach
	void stop() throws Exception {
		container.destroy();
		factory.destroy();
		engine.close();
	}

	@Test
	void channelAndPatternTopicsReceive() throws Exception {
		BlockingQueue<String> got = new LinkedBlockingQueue<>();
		container.addMessageListener(
				(message, pattern) -> got.add(text(message.getChannel()) + "=" + text(message.getBody())),
				new ChannelTopic("orders"));
		container.addMessageListener(
				(message, pattern) -> got.add("p:" + text(message.getChannel()) + "=" + text(message.getBody())),
				new PatternTopic("user.*"));
		container.start();
		StringRedisTemplate template = new StringRedisTemplate(factory);
		long deadline = System.nanoTime() + 10_000_000_000L;
		// the container subscribes asynchronously: wait until both topics are live
		while (!engine.execute("PUBSUB", "NUMSUB", "orders").equals(Reply.array(Reply.bulk("orders"), Reply.integer(1)))
				|| !engine.execute("PUBSUB", "NUMPAT").equals(Reply.integer(1))) {
			assertThat(System.nanoTime()).as("container subscribed").isLessThan(deadline);
			Thread.sleep(10);
		}
		template.convertAndSend("orders", "o1");
		template.convertAndSend("user.42", "u1");
		assertThat(java.util.List.of(got.poll(5, TimeUnit.SECONDS), got.poll(5, TimeUnit.SECONDS)))
			.containsExactlyInAnyOrder("orders=o1", "p:user.42=u1");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}

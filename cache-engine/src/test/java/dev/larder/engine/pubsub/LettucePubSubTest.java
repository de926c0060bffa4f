package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lettuce's pub/sub connection against the engine, in RESP2 and RESP3. */
class LettucePubSubTest {

	private static Engine engine;

	private static RedisClient client;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		client = RedisClient.create(RedisURI.builder()
			.withHost("127.0.0.1")
			.withPort(engine.port())
			.withTimeout(Duration.ofSeconds(10))
			.build());
	}

	@AfterAll
	static void stop() {
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		engine.close();
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void channelsPatternsAndShardChannels(ProtocolVersion version) throws Exception {
		client.setOptions(ClientOptions.builder().protocolVersion(version).build());
		BlockingQueue<String> got = new LinkedBlockingQueue<>();
		try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub(); var pub = client.connect()) {
			sub.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					got.add(channel + "=" + message);
				}

				@Override
				public void message(String pattern, String channel, String message) {
					got.add(pattern + "|" + channel + "=" + message);
				}

				@Override
				public void smessage(String shardChannel, String message) {
					got.add("s:" + shardChannel + "=" + message);
				}
			});
			sub.sync().subscribe("news");
			sub.sync().psubscribe("sp*");
			sub.sync().ssubscribe("orders");
			assertThat(pub.sync().pubsubNumsub("news")).containsEntry("news", 1L);
			assertThat(pub.sync().publish("news", "n1")).isEqualTo(1);
			assertThat(pub.sync().publish("sport", "s1")).isEqualTo(1);
			assertThat(pub.sync().spublish("orders", "o1")).isEqualTo(1);
			assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("news=n1");
			assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("sp*|sport=s1");
			assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("s:orders=o1");
			// while subscribed, a RESP3 connection still runs ordinary commands
			if (version == ProtocolVersion.RESP3) {
				assertThat(sub.sync().ping()).isEqualTo("PONG");
			}
			sub.sync().unsubscribe("news");
			sub.sync().punsubscribe("sp*");
			// Lettuce 7.5 refuses SUNSUBSCRIBE itself on a subscribed RESP2 connection
			if (version == ProtocolVersion.RESP3) {
				sub.sync().sunsubscribe("orders");
				assertThat(pub.sync().spublish("orders", "o2")).isZero();
			}
			assertThat(pub.sync().publish("news", "n2")).isZero();
			assertThat(pub.sync().pubsubChannels()).isEmpty();
		}
	}

}

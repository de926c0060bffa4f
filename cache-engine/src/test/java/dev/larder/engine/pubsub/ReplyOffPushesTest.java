package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CLIENT REPLY OFF silences replies but not pushed messages, on the engine as on
 * redis-server 7.0.15 (Redis 7 writes pushes whatever the reply mode, its CLIENT_PUSHING
 * flag): a RESP3 subscriber that turned replies off still hears what is published, and
 * gets +OK when it turns them back on.
 */
class ReplyOffPushesTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	@Test
	void messagesPublishedWhileRepliesAreOffStillArrive() {
		try (Engine engine = Engine.start(EngineConfig.builder().port(0).build())) {
			assertThat(frames(engine.port())).isEqualTo(frames(REDIS.port()));
		}
	}

	/** What the subscriber reads after CLIENT REPLY ON, with the publishers' counts. */
	private static List<Resp> frames(int port) {
		try (RespClient subscriber = new RespClient(port); RespClient publisher = new RespClient(port)) {
			subscriber.call("HELLO", "3");
			subscriber.call("CLIENT", "SETNAME", "s");
			subscriber.call("SUBSCRIBE", "ch");
			subscriber.send(RespClient.encode("CLIENT", "REPLY", "OFF"));
			// nothing answers now: a PING after it shows in CLIENT LIST once both ran
			subscriber.send(RespClient.encode("PING"));
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (!publisher.call("CLIENT", "LIST")
				.text()
				.lines()
				.anyMatch(l -> l.contains(" name=s ") && l.contains(" cmd=ping"))) {
				assertThat(System.nanoTime()).as("REPLY OFF and PING ran").isLessThan(deadline);
				Thread.onSpinWait();
			}
			List<Resp> seen = new ArrayList<>();
			seen.add(publisher.call("PUBLISH", "ch", "pushed"));
			seen.add(subscriber.call("CLIENT", "REPLY", "ON"));
			seen.add(publisher.call("PUBLISH", "ch", "heard"));
			seen.add(subscriber.read());
			return seen;
		}
	}

}

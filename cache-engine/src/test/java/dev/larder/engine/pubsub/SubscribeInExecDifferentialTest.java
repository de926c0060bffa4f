package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * (P|S)SUBSCRIBE and (P|S)UNSUBSCRIBE queued by MULTI, against a real redis-server
 * 7.0.15, byte for byte: Redis answers them inside EXEC's reply, one confirmation frame
 * per channel in the command's slot (so the array holds more frames than its length
 * says), and the subscriptions made there receive messages afterwards.
 */
class SubscribeInExecDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void subscriptionsRunByExecAnswerInsideItsReply(int protocol) throws IOException {
		assertThat(transcript(engine.port(), protocol)).isEqualTo(transcript(REDIS.port(), protocol));
	}

	private static String transcript(int port, int protocol) throws IOException {
		try (Socket s = new Socket("127.0.0.1", port); RespClient publisher = new RespClient(port)) {
			s.setSoTimeout(5000);
			StringBuilder seen = new StringBuilder();
			send(s, "HELLO", Integer.toString(protocol));
			send(s, "CLIENT", "SETNAME", "x");
			// HELLO's reply differs (id, version): keep only what follows it
			readUntil(s.getInputStream(), "OK\r\n");
			send(s, "MULTI");
			send(s, "SUBSCRIBE", "a", "b");
			send(s, "PSUBSCRIBE", "p*");
			send(s, "UNSUBSCRIBE", "b", "c");
			send(s, "PING");
			send(s, "EXEC");
			send(s, "PING", "end1");
			seen.append(readUntil(s.getInputStream(), "end1\r\n"));
			publisher.call("PUBLISH", "a", "to-a");
			publisher.call("PUBLISH", "pq", "to-p");
			seen.append(readUntil(s.getInputStream(), "to-p\r\n"));
			send(s, "MULTI");
			send(s, "UNSUBSCRIBE");
			send(s, "PUNSUBSCRIBE");
			send(s, "UNSUBSCRIBE");
			send(s, "EXEC");
			send(s, "PING", "end2");
			seen.append(readUntil(s.getInputStream(), "end2\r\n"));
			return seen.toString();
		}
	}

	private static void send(Socket s, String... args) throws IOException {
		s.getOutputStream().write(RespClient.encode(args));
		s.getOutputStream().flush();
	}

	private static String readUntil(InputStream in, String end) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (!out.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
			int b = in.read();
			assertThat(b).as("connection open, got %s", out.toString(StandardCharsets.ISO_8859_1)).isNotEqualTo(-1);
			out.write(b);
		}
		return out.toString(StandardCharsets.ISO_8859_1);
	}

}

package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that never reads is closed at client-output-buffer-limit's pubsub class
 * instead of growing the heap, while other clients go on being served.
 */
class SlowSubscriberTest {

	private static final byte[] PAYLOAD = new byte[16 * 1024];

	static {
		Arrays.fill(PAYLOAD, (byte) 'x');
	}

	private Engine engine;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterEach
	void stop() {
		engine.close();
	}

	/** Subscribes on a raw socket with a small receive buffer, then never reads again. */
	private Socket stalledSubscriber(String channel) throws IOException {
		Socket s = new Socket();
		s.setReceiveBufferSize(4096);
		s.connect(new InetSocketAddress("127.0.0.1", engine.port()));
		s.getOutputStream().write(RespClient.encode("SUBSCRIBE", channel));
		s.getOutputStream().flush();
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (!engine.execute("PUBSUB", "NUMSUB", channel)
			.equals(Reply.array(Reply.bulk(channel), Reply.integer(1)))) {
			assertThat(System.nanoTime()).as("subscribed").isLessThan(deadline);
			Thread.onSpinWait();
		}
		return s;
	}

	private static long usedHeap() {
		System.gc();
		Runtime r = Runtime.getRuntime();
		return r.totalMemory() - r.freeMemory();
	}

	@Test
	// the stalled socket's lifetime is what the test needs, not its methods
	@SuppressWarnings("try")
	void hardLimitClosesTheSubscriberAndBoundsTheHeap() throws IOException {
		try (RespClient admin = new RespClient(engine.port())) {
			assertThat(admin.call("CONFIG", "SET", "client-output-buffer-limit", "pubsub 1mb 0 0"))
				.isEqualTo(new Resp('+', "OK", null));
			try (Socket stalled = stalledSubscriber("flood")) {
				long before = usedHeap();
				byte[] channel = "flood".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				byte[] publish = "PUBLISH".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				long deadline = System.nanoTime() + 30_000_000_000L;
				// a client over the limit is closed at once but, as in Redis, counted as
				// a
				// receiver until its connection is freed; what it was sent after the
				// close
				// is dropped, so the heap stays bounded however long that takes
				while (!engine.execute(publish, channel, PAYLOAD).equals(Reply.integer(0))) {
					assertThat(System.nanoTime()).as("subscriber closed").isLessThan(deadline);
				}
				assertThat(usedHeap() - before).as("heap growth").isLessThan(64L << 20);
				assertThat(engine.execute("PUBSUB", "NUMSUB", "flood"))
					.isEqualTo(Reply.array(Reply.bulk("flood"), Reply.integer(0)));
				assertThat(admin.call("PING")).isEqualTo(new Resp('+', "PONG", null));
				try (RespClient other = new RespClient(engine.port())) {
					assertThat(other.call("SET", "k", "v")).isEqualTo(new Resp('+', "OK", null));
				}
			}
		}
	}

	@Test
	// the stalled socket's lifetime is what the test needs, not its methods
	@SuppressWarnings("try")
	void softLimitClosesTheSubscriberAfterItsSeconds() throws IOException {
		try (RespClient admin = new RespClient(engine.port())) {
			admin.call("CONFIG", "SET", "client-output-buffer-limit", "pubsub 0 256kb 1");
			try (Socket stalled = stalledSubscriber("slow")) {
				byte[] channel = "slow".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				byte[] publish = "PUBLISH".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
				long start = System.nanoTime();
				long deadline = start + 15_000_000_000L;
				// a trickle keeps it over the soft limit; Redis closes once more than the
				// soft seconds have passed since it was first seen over
				while (!engine.execute(publish, channel, PAYLOAD).equals(Reply.integer(0))) {
					assertThat(System.nanoTime()).as("closed by the soft limit").isLessThan(deadline);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new AssertionError(e);
					}
				}
				assertThat(System.nanoTime() - start).as("stayed past the soft seconds").isGreaterThan(1_000_000_000L);
			}
		}
	}

	@Test
	void aSubscriberThatReadsIsNotClosed() {
		try (RespClient admin = new RespClient(engine.port()); RespClient sub = new RespClient(engine.port())) {
			admin.call("CONFIG", "SET", "client-output-buffer-limit", "pubsub 1mb 0 0");
			sub.call("SUBSCRIBE", "steady");
			byte[] channel = "steady".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			for (int i = 0; i < 2000; i++) {
				assertThat(engine.execute("PUBLISH".getBytes(java.nio.charset.StandardCharsets.US_ASCII), channel,
						PAYLOAD))
					.isEqualTo(Reply.integer(1));
				assertThat(sub.read().items().get(2).text()).hasSize(PAYLOAD.length);
			}
		}
	}

}

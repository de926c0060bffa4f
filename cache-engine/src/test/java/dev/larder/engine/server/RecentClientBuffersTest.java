package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RespClient;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INFO clients' client_recent_max_input_buffer and client_recent_max_output_buffer show a
 * client holding a big query buffer, and one whose replies pile up, within the cron's
 * second, as Redis's do.
 */
class RecentClientBuffersTest {

	private Engine engine;

	private RespClient admin;

	@BeforeEach
	void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		admin = new RespClient(engine.port());
	}

	@AfterEach
	void stop() {
		admin.close();
		engine.close();
	}

	@Test
	void aHalfSentBigArgumentShowsAsTheRecentMaxInputBuffer() throws Exception {
		try (Socket client = new Socket("127.0.0.1", engine.port())) {
			OutputStream out = client.getOutputStream();
			out.write("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1048576\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[300 * 1024]);
			out.flush();
			awaitTrue(() -> info("client_recent_max_input_buffer") >= 300 * 1024);
		}
	}

	@Test
	void unreadRepliesShowAsTheRecentMaxOutputBuffer() throws Exception {
		assertThat(admin.call("SET", "big", "x".repeat(100 * 1024)).toString()).contains("OK");
		try (Socket slow = new Socket("127.0.0.1", engine.port())) {
			slow.setReceiveBufferSize(4096);
			OutputStream out = slow.getOutputStream();
			byte[] get = RespClient.encode("GET", "big");
			for (int i = 0; i < 200; i++) {
				out.write(get);
			}
			out.flush();
			awaitTrue(() -> info("client_recent_max_output_buffer") > 200 * 1024);
		}
	}

	private long info(String field) {
		Matcher m = Pattern.compile(field + ":(\\d+)").matcher(admin.call("INFO", "clients").toString());
		assertThat(m.find()).as(field).isTrue();
		return Long.parseLong(m.group(1));
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}

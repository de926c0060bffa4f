package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.FatalErrors;
import dev.larder.testing.RespClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone server halts on an OutOfMemoryError instead of living on with a dead
 * thread (issue 15). The error is a real one, reached through real traffic: with no
 * maxmemory, storing 1 MB values fills a 32 MB heap within a few dozen writes, as it
 * would fill any heap.
 */
class StandaloneFatalErrorTest {

	@Test
	void anOutOfMemoryErrorHaltsTheStandaloneServerWithANonZeroStatus() throws Exception {
		try (StandaloneEngine engine = StandaloneEngine.start("32m")) {
			fillTheHeap(engine);
			assertThat(engine.process().waitFor(30, TimeUnit.SECONDS)).as("exited, did not hang").isTrue();
			assertThat(engine.process().exitValue()).isEqualTo(FatalErrors.EXIT_CODE);
			assertThat(engine.output()).contains("FATAL").contains("OutOfMemoryError");
		}
	}

	/**
	 * Embedded, the same error is survived: the application's JVM goes on, the failed
	 * connection is closed, and once memory is freed the engine serves again.
	 */
	@Test
	void anEmbeddedEngineSurvivesTheSameError() throws Exception {
		try (StandaloneEngine app = StandaloneEngine.start(EmbeddedEngineApp.class, "32m")) {
			fillTheHeap(app);
			assertThat(app.output()).contains("OutOfMemoryError").doesNotContain("FATAL");
			try (RespClient client = new RespClient(app.port())) {
				assertThat(client.call("FLUSHALL").toString()).contains("OK");
				assertThat(client.call("PING").toString()).contains("PONG");
			}
			assertThat(app.process().isAlive()).isTrue();
		}
	}

	/**
	 * Stores 1 MB values until the connection fails (no maxmemory: nothing refuses them).
	 */
	private static void fillTheHeap(StandaloneEngine engine) {
		byte[] value = new byte[1024 * 1024];
		try (Socket socket = new Socket("127.0.0.1", engine.port())) {
			OutputStream out = socket.getOutputStream();
			for (int i = 0; i < 256 && engine.process().isAlive(); i++) {
				String key = "k" + i;
				out.write(("*3\r\n$3\r\nSET\r\n$" + key.length() + "\r\n" + key + "\r\n$" + value.length + "\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(value);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
		}
		catch (IOException e) {
			// the engine closed the connection, or its process went away, mid-write
		}
	}

}

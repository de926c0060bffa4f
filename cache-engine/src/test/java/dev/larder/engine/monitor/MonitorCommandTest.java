package dev.larder.engine.monitor;

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
 * MONITOR where the engine has more to say than the differential test: in-process
 * callers, clients that may not monitor, CLIENT LIST, and a monitor that does not read.
 */
class MonitorCommandTest {

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
	void inProcessCommandsAreFedWithTheirSessionAddress() {
		try (RespClient m = new RespClient(engine.port())) {
			assertThat(m.call("MONITOR").text()).isEqualTo("OK");
			engine.execute("SET", "k", "v");
			Resp line = m.read();
			assertThat(line.type()).isEqualTo('+');
			assertThat(line.text()).matches("\\d+\\.\\d{6} \\[0 embedded\\] \"SET\" \"k\" \"v\"");
		}
	}

	@Test
	void inProcessSessionsAndTransactionsMayNotMonitor() {
		assertThat(engine.execute("MONITOR"))
			.isEqualTo(Reply.error("ERR MONITOR isn't allowed for DENY BLOCKING client"));
		try (RespClient c = new RespClient(engine.port())) {
			c.call("MULTI");
			assertThat(c.call("MONITOR").text()).isEqualTo("QUEUED");
			Resp exec = c.call("EXEC");
			assertThat(exec.items())
				.containsExactly(new Resp('-', "ERR MONITOR isn't allowed for DENY BLOCKING client", null));
			assertThat(c.call("CLIENT", "INFO").text()).contains("flags=N ");
		}
	}

	@Test
	void clientListShowsTheMonitorFlagUntilReset() {
		try (RespClient m = new RespClient(engine.port()); RespClient c = new RespClient(engine.port())) {
			m.call("MONITOR");
			String list = c.call("CLIENT", "LIST").text();
			assertThat(list).containsPattern("flags=O db=0 .* cmd=monitor ");
			m.call("RESET");
			assertThat(c.call("CLIENT", "LIST").text()).doesNotContain("flags=O");
			c.call("PING");
			assertThat(m.call("PING").text()).isEqualTo("PONG");
		}
	}

	@Test
	void aSecondMonitorIsIgnoredWithoutAReply() {
		try (RespClient m = new RespClient(engine.port())) {
			m.call("MONITOR");
			m.send(RespClient.encode("MONITOR"));
			m.send(RespClient.encode("ECHO", "x"));
			assertThat(m.read().text()).isEqualTo("x");
		}
	}

	/**
	 * A monitor is a client of the normal class (getClientType): past its
	 * client-output-buffer-limit it is closed, and feeding stops costing anything.
	 */
	@Test
	void aMonitorThatDoesNotReadIsClosedAtTheNormalLimit() throws IOException {
		try (RespClient admin = new RespClient(engine.port()); Socket stalled = new Socket()) {
			admin.call("CONFIG", "SET", "client-output-buffer-limit", "normal 256kb 0 0");
			stalled.setReceiveBufferSize(4096);
			stalled.connect(new InetSocketAddress("127.0.0.1", engine.port()));
			stalled.getOutputStream().write(RespClient.encode("MONITOR"));
			stalled.getOutputStream().flush();
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (!admin.call("CLIENT", "LIST").text().contains("flags=O")) {
				assertThat(System.nanoTime()).as("monitoring").isLessThan(deadline);
				Thread.onSpinWait();
			}
			char[] big = new char[8 * 1024];
			Arrays.fill(big, 'v');
			String value = new String(big);
			deadline = System.nanoTime() + 30_000_000_000L;
			while (admin.call("CLIENT", "LIST").text().contains("flags=O")) {
				assertThat(System.nanoTime()).as("monitor closed").isLessThan(deadline);
				engine.execute("SET", "k", value);
			}
			assertThat(admin.call("PING").text()).isEqualTo("PONG");
		}
	}

}

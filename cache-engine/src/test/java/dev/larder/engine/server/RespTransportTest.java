package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import dev.larder.testing.RespClient;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The native epoll transport is packaged and chosen on Linux x86_64 (the only native jar
 * the engine ships).
 */
class RespTransportTest {

	@Test
	void usesNativeEpollOnLinuxX86_64() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch");
		assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "Linux x86_64 only");
		EngineCore core = new EngineCore(EngineConfig.builder().port(0).build());
		try (RespServer server = RespServer.start(core, new CommandExecutor(core))) {
			assertThat(server.transport()).isEqualTo("epoll");
			try (RespClient c = new RespClient(server.port())) {
				assertThat(c.call("PING").toString()).isEqualTo("+\"PONG\"");
			}
		}
	}

}

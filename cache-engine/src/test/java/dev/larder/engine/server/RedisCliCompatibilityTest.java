package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * redis-cli, including its RESP3 mode, against the engine; skipped when redis-cli is not
 * installed.
 */
class RedisCliCompatibilityTest {

	private static Engine engine;

	private static Path cli;

	@BeforeAll
	static void start() {
		cli = RedisServerExtension.findBinary("redis-cli");
		Assumptions.assumeTrue(cli != null, "redis-cli is not installed");
		engine = Engine.start(EngineConfig.builder().port(0).build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	private static String cli(String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(
				List.of(cli.toString(), "-h", "127.0.0.1", "-p", Integer.toString(engine.port())));
		cmd.addAll(List.of(args));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
		return out.strip();
	}

	@Test
	void basicCommands() throws Exception {
		assertThat(cli("PING")).isEqualTo("PONG");
		assertThat(cli("SET", "cli:k", "hello world")).isEqualTo("OK");
		assertThat(cli("GET", "cli:k")).isEqualTo("hello world");
		assertThat(cli("INCRBY", "cli:n", "5")).isEqualTo("5");
		assertThat(cli("HSET", "cli:h", "a", "1", "b", "2")).isEqualTo("2");
		assertThat(cli("HGETALL", "cli:h")).isEqualTo("a\n1\nb\n2");
		assertThat(cli("-3", "HGETALL", "cli:h")).isEqualTo("a 1\nb 2");
		assertThat(cli("GET", "cli:h")).isEqualTo("WRONGTYPE Operation against a key holding the wrong kind of value");
		assertThat(cli("INFO", "keyspace")).contains("db0:keys=3");
		assertThat(cli("--scan", "--pattern", "cli:*").lines().sorted().toList()).containsExactly("cli:h", "cli:k",
				"cli:n");
	}

	@Test
	void pipeMode() throws Exception {
		Path input = java.nio.file.Files.createTempFile("larder-pipe", ".txt");
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			sb.append("SET pipe:").append(i).append(" v\r\n");
		}
		java.nio.file.Files.writeString(input, sb);
		List<String> cmd = List.of(cli.toString(), "-h", "127.0.0.1", "-p", Integer.toString(engine.port()), "--pipe");
		Process p = new ProcessBuilder(cmd).redirectInput(input.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(out).contains("errors: 0, replies: 1000");
		java.nio.file.Files.delete(input);
	}

}

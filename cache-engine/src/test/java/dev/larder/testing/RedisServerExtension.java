package dev.larder.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real {@code redis-server} on a free loopback port for a test class and stops
 * it afterwards: no persistence, no RDB/AOF files left behind, a throwaway working
 * directory. Tests are skipped (not failed) when no redis-server binary exists. Use
 * {@code @ExtendWith(RedisServerExtension.class)} and take a {@link RedisServer}
 * parameter, or register an instance with extra server arguments:
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static RedisServerExtension redis = new RedisServerExtension("--requirepass", "secret");
 * }</pre>
 */
public class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final List<String> extraArgs;

	private RedisServer server;

	public RedisServerExtension() {
		this(new String[0]);
	}

	public RedisServerExtension(String... extraArgs) {
		this.extraArgs = List.of(extraArgs);
	}

	/** A running redis-server. */
	public record RedisServer(int port, Process process) {
		public String host() {
			return "127.0.0.1";
		}

		public String uri() {
			return "redis://127.0.0.1:" + port;
		}
	}

	public RedisServer server() {
		return server;
	}

	public int port() {
		return server.port();
	}

	/** The redis-server binary on PATH (or /usr/bin), or null. */
	public static Path findBinary(String name) {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/local/bin";
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		Path binary = findBinary("redis-server");
		Assumptions.assumeTrue(binary != null, "redis-server is not installed");
		server = start(binary, extraArgs);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (server != null) {
			stop(server);
			server = null;
		}
	}

	public static RedisServer start(Path binary, List<String> extraArgs) throws IOException, InterruptedException {
		IOException last = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			int port = freePort();
			Path dir = Files.createTempDirectory("larder-redis");
			List<String> cmd = new ArrayList<>(
					List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
							"--appendonly", "no", "--dir", dir.toString(), "--enable-debug-command", "local"));
			cmd.addAll(extraArgs);
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
			if (awaitReady(port, p, Duration.ofSeconds(10))) {
				return new RedisServer(port, p);
			}
			p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			last = new IOException(
					"redis-server did not start on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
		}
		throw last;
	}

	public static void stop(RedisServer server) {
		server.process().destroy();
		try {
			if (!server.process().waitFor(10, TimeUnit.SECONDS)) {
				server.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Polls until the server answers a PING, or the process dies, or the deadline passes.
	 */
	private static boolean awaitReady(int port, Process p, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && p.isAlive()) {
			try (RespClient c = new RespClient("127.0.0.1", port, 1000)) {
				if ("PONG".equals(c.call("PING").text())) {
					return true;
				}
			}
			catch (UncheckedIOException e) {
				Thread.sleep(20);
			}
		}
		return false;
	}

	public static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			s.setReuseAddress(true);
			return s.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server;
	}

}

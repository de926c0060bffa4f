package dev.larder.engine.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone server ({@link Main}) as a real process on the test classpath, with its
 * own heap limit, on a port it picks itself (read back from its "ready" line, so no port
 * can be taken between choosing and binding it). Its output goes to a file, read by
 * {@link #output()}.
 */
final class StandaloneEngine implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("ready to accept connections on [^:]+:(\\d+)");

	private final Process process;

	private final Path log;

	private final int port;

	private StandaloneEngine(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts {@code java -Xmx<heap> -cp <test classpath> Main --port <free port> <args>}
	 * and waits until it accepts connections. ({@code --port 0} turns Main's plain port
	 * off, as in Redis, so a free port is picked here.)
	 */
	static StandaloneEngine start(String heap, String... args) {
		return start(Main.class, heap, args);
	}

	/**
	 * Starts another main class of the test classpath that prints Main's "ready" line.
	 */
	static StandaloneEngine start(Class<?> main, String heap, String... args) {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-Xss512k", "-cp",
				System.getProperty("java.class.path"), main.getName(), "--port", Integer.toString(freePort())));
		command.addAll(List.of(args));
		try {
			Path log = Files.createTempFile("larder-standalone", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
				if (m.find()) {
					return new StandaloneEngine(process, log, Integer.parseInt(m.group(1)));
				}
				if (!process.isAlive()) {
					throw new IllegalStateException("the engine exited with " + process.exitValue() + ":\n"
							+ Files.readString(log, StandardCharsets.UTF_8));
				}
				Thread.onSpinWait();
				process.waitFor(20, TimeUnit.MILLISECONDS);
			}
			process.destroyForcibly();
			throw new IllegalStateException("the engine did not start within 30 s:\n" + Files.readString(log));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	int port() {
		return port;
	}

	Process process() {
		return process;
	}

	/** What the process printed so far. */
	String output() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(log);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		catch (IOException e) {
			// a temp file left behind
		}
	}

}

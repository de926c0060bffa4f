package dev.larder.cache.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real {@code redis-server} (or {@code redis-sentinel}) process on a free loopback
 * port, with its own working directory, started for a test and stopped after it.
 */
public final class RedisProcess implements AutoCloseable {

	private static final Duration START_DEADLINE = Duration.ofSeconds(20);

	private final String executable;

	private final int port;

	private final Path directory;

	private final List<String> arguments;

	private Process process;

	private RedisProcess(String executable, int port, Path directory, List<String> arguments) {
		this.executable = executable;
		this.port = port;
		this.directory = directory;
		this.arguments = arguments;
	}

	/** Starts {@code redis-server} with persistence off and any extra arguments. */
	public static RedisProcess start(String... extraArguments) {
		return start(freePort(), extraArguments);
	}

	public static RedisProcess start(int port, String... extraArguments) {
		Path directory = tempDirectory("redis-" + port);
		List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", directory.toString(), "--protected-mode", "no"));
		arguments.addAll(List.of(extraArguments));
		RedisProcess redis = new RedisProcess("redis-server", port, directory, arguments);
		redis.launch();
		return redis;
	}

	/**
	 * Starts {@code redis-sentinel} with the given configuration lines (port is added).
	 */
	public static RedisProcess sentinel(List<String> configuration) {
		int port = freePort();
		Path directory = tempDirectory("sentinel-" + port);
		Path config = directory.resolve("sentinel.conf");
		List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + directory));
		lines.addAll(configuration);
		try {
			Files.write(config, lines);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		RedisProcess sentinel = new RedisProcess("redis-sentinel", port, directory, List.of(config.toString()));
		sentinel.launch();
		return sentinel;
	}

	private void launch() {
		List<String> command = new ArrayList<>();
		command.add(this.executable);
		command.addAll(this.arguments);
		try {
			this.process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("out.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.executable
					+ "; install it (Debian: apt-get install redis-server redis-sentinel) or run ./run-tests.sh", ex);
		}
		awaitUntil("redis on port " + this.port + " answers PING", () -> answersPing() || !this.process.isAlive());
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.executable + " exited at startup: " + log());
		}
	}

	/** Answering at all counts: a server with a password answers NOAUTH. */
	private boolean answersPing() {
		String reply = command("PING");
		return reply != null && (reply.equals("+PONG") || reply.startsWith("-NOAUTH"));
	}

	public int port() {
		return this.port;
	}

	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	public Path directory() {
		return this.directory;
	}

	/** Stops the process; {@link #restart()} brings it back on the same port. */
	public void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	public void restart() {
		stop();
		launch();
	}

	/**
	 * Kills the process with SIGKILL, as a crash would: no shutdown, connections reset.
	 * {@link #restart()} brings it back on the same port.
	 */
	public void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Freezes the process with SIGSTOP: its connections stay open and the kernel still
	 * accepts new ones, but nothing is answered, as with a hung server.
	 */
	public void pause() {
		signal(this.process, "STOP");
	}

	/** Lets a {@link #pause() paused} process go on (SIGCONT). */
	public void resume() {
		if (isRunning()) {
			signal(this.process, "CONT");
		}
	}

	/** Sends a signal (STOP, CONT, ...) to a process with the system's kill command. */
	public static void signal(Process process, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
				.redirectErrorStream(true)
				.start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
						+ new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run kill", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Sends one inline command and returns the first line of the reply, or null when the
	 * server does not answer. Enough for administration in tests; clients under test use
	 * Lettuce.
	 */
	public String command(String inline) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Runs {@code redis-cli} with the given arguments and returns its output. */
	public static String cli(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add("redis-cli");
		command.addAll(List.of(arguments));
		try {
			Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			cli.waitFor();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run redis-cli", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String log() {
		try {
			return Files.readString(this.directory.resolve("out.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	@Override
	public void close() {
		stop();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Polls until the condition holds, failing after a deadline. */
	public static void awaitUntil(String what, BooleanSupplier condition) {
		long end = System.nanoTime() + START_DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - end > 0) {
				throw new IllegalStateException("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static Path tempDirectory(String name) {
		try {
			File target = new File("target");
			Path base = target.isDirectory() ? target.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
			return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

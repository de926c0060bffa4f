package dev.larder.benchmarks.hitratio;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process of one contender, started fresh for each replay on a free loopback
 * port (appended to its command as {@code --port n}), its output in a log file.
 */
final class ServerProcess implements AutoCloseable {

	private static final long START_TIMEOUT_SECONDS = 60;

	private final Process process;

	private final Path dir;

	private final Path log;

	private final int port;

	private final Thread killer;

	private ServerProcess(List<String> command, Path dir) throws IOException {
		this.dir = dir;
		this.log = dir.resolve("server.log");
		this.port = freePort();
		List<String> full = new ArrayList<>(command);
		full.add("--port");
		full.add(String.valueOf(this.port));
		this.process = new ProcessBuilder(full).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		// A replay that throws skips close(): without the hook the server would outlive
		// the JVM.
		this.killer = new Thread(this.process::destroy);
		Runtime.getRuntime().addShutdownHook(this.killer);
	}

	/** redis-server without persistence, its working directory a fresh temporary one. */
	static ServerProcess redis(String executable) throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("larder-hitratio-redis");
		return started(
				List.of(executable, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()),
				dir, "redis-server");
	}

	/** The engine's standalone server, started by the given command (e.g. java -jar). */
	static ServerProcess engine(List<String> command) throws IOException, InterruptedException {
		return started(command, Files.createTempDirectory("larder-hitratio-engine"), "engine");
	}

	private static ServerProcess started(List<String> command, Path dir, String what)
			throws IOException, InterruptedException {
		ServerProcess server = new ServerProcess(command, dir);
		try {
			server.awaitListening(what);
			return server;
		}
		catch (IllegalStateException ex) {
			server.close();
			throw ex;
		}
	}

	int port() {
		return this.port;
	}

	private void awaitListening(String what) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(what + " exited with " + this.process.exitValue() + ": " + logText());
			}
			try {
				new Socket("127.0.0.1", this.port).close();
				return;
			}
			catch (IOException ex) {
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException(what + " did not listen on port " + this.port + " within "
				+ START_TIMEOUT_SECONDS + " s: " + logText());
	}

	private String logText() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Stops the server (SIGTERM, then SIGKILL after 20 s) and deletes its directory. An
	 * interrupt while waiting kills it at once and is passed on.
	 */
	@Override
	public void close() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.killer);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs anyway, on a process already gone.
		}
		try (var files = Files.list(this.dir)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
		}
		Files.deleteIfExists(this.dir);
	}

}

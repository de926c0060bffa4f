package dev.larder.cache.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real {@code memcached} process on a free loopback port, started for a test and
 * stopped after it; {@link #restart()} brings it back on the same port, as a node
 * returning to a pool does.
 */
public final class MemcachedProcess implements AutoCloseable {

	private final int port;

	private final List<String> extraArguments;

	private final Map<String, String> environment;

	private Process process;

	private MemcachedProcess(int port, List<String> extraArguments, Map<String, String> environment) {
		this.port = port;
		this.extraArguments = extraArguments;
		this.environment = environment;
	}

	/**
	 * Starts memcached with 64 MB of memory, UDP off, and any extra arguments (e.g. -I
	 * 2m).
	 */
	public static MemcachedProcess start(String... extraArguments) {
		MemcachedProcess memcached = new MemcachedProcess(RedisProcess.freePort(), List.of(extraArguments), Map.of());
		memcached.launch();
		return memcached;
	}

	/**
	 * Starts memcached with SASL authentication (-S) for one user, PLAIN mechanism, from
	 * a sasldb made for the test with Cyrus SASL's {@code saslpasswd2} (Debian:
	 * sasl2-bin, installed by run-tests.sh; Debian's memcached has no plain password
	 * file). Such a server speaks only the binary protocol and refuses every command
	 * before authentication.
	 */
	public static MemcachedProcess startWithSasl(String username, String password) {
		try {
			Path dir = Files.createTempDirectory("larder-memcached-sasl");
			Path sasldb = dir.resolve("sasldb2");
			Process saslpasswd = new ProcessBuilder("saslpasswd2", "-p", "-c", "-a", "memcached", "-f",
					sasldb.toString(), username)
				.redirectErrorStream(true)
				.start();
			try (OutputStream stdin = saslpasswd.getOutputStream()) {
				stdin.write(password.getBytes(StandardCharsets.UTF_8));
			}
			if (saslpasswd.waitFor() != 0) {
				throw new IllegalStateException("saslpasswd2 failed: "
						+ new String(saslpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
			Files.writeString(dir.resolve("memcached.conf"), "mech_list: plain\nsasldb_path: " + sasldb + "\n");
			MemcachedProcess memcached = new MemcachedProcess(RedisProcess.freePort(), List.of("-S"),
					Map.of("SASL_CONF_PATH", dir.toString()));
			memcached.launch();
			return memcached;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare a SASL memcached; install saslpasswd2 "
					+ "(Debian: apt-get install sasl2-bin) or run ./run-tests.sh", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Starts {@code count} nodes, e.g. for a consistent-hashing pool. */
	public static List<MemcachedProcess> pool(int count) {
		List<MemcachedProcess> nodes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			nodes.add(start());
		}
		return nodes;
	}

	private void launch() {
		List<String> command = new ArrayList<>(
				List.of("memcached", "-p", String.valueOf(this.port), "-l", "127.0.0.1", "-U", "0", "-m", "64"));
		if (isRoot()) {
			command.addAll(List.of("-u", "root"));
		}
		command.addAll(this.extraArguments);
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Could not start memcached; install it (Debian: apt-get install memcached) or run ./run-tests.sh",
					ex);
		}
		RedisProcess.awaitUntil("memcached on port " + this.port + " answers",
				() -> answers() || !this.process.isAlive());
		if (!this.process.isAlive()) {
			throw new IllegalStateException("memcached exited at startup: " + command);
		}
	}

	/**
	 * A SASL server refuses text commands, so for it an accepted connection is the sign
	 * of life.
	 */
	private boolean answers() {
		if (!this.extraArguments.contains("-S")) {
			return command("version").startsWith("VERSION");
		}
		try {
			new Socket("127.0.0.1", this.port).close();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	public int port() {
		return this.port;
	}

	public String address() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * Sends one text-protocol command and returns the first reply line, or "" if
	 * unreachable.
	 */
	public String command(String line) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					reply.append((char) c);
				}
			}
			return reply.toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** The number of items the node holds, from {@code stats}. */
	public long itemCount() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(2000);
			socket.getOutputStream().write("stats\r\n".getBytes(StandardCharsets.US_ASCII));
			StringBuilder all = new StringBuilder();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[4096];
			while (!all.toString().endsWith("END\r\n")) {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				all.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
			}
			for (String line : all.toString().split("\r\n")) {
				if (line.startsWith("STAT curr_items ")) {
					return Long.parseLong(line.substring("STAT curr_items ".length()).trim());
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

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

	/** Freezes the process with SIGSTOP: connections stay open, nothing is answered. */
	public void pause() {
		RedisProcess.signal(this.process, "STOP");
	}

	/** Lets a {@link #pause() paused} process go on (SIGCONT). */
	public void resume() {
		if (this.process != null && this.process.isAlive()) {
			RedisProcess.signal(this.process, "CONT");
		}
	}

	/**
	 * Kills the process with SIGKILL, as a crash would; {@link #restart()} revives it.
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

	@Override
	public void close() {
		stop();
	}

}

package dev.larder.cache.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code memcached} process on a free loopback port, started for a test and stopped after
 * it; {@link #restart()} brings it back on the same port, as a node returning to a pool does.
 */
public final class MemcachedProcess implements AutoCloseable {

	private final int port;

	private final List<String> extraArguments;

	private Process process;

	private MemcachedProcess(int port, List<String> extraArguments) {
		this.port = port;
		this.extraArguments = extraArguments;
	}

	/** Starts memcached with 64 MB of memory, UDP off, and any extra arguments (e.g. -I 2m). */
	public static MemcachedProcess start(String... extraArguments) {
		MemcachedProcess memcached = new MemcachedProcess(RedisProcess.freePort(), List.of(extraArguments));
		memcached.launch();
		return memcached;
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
		List<String> command = new ArrayList<>(List.of("memcached", "-p", String.valueOf(this.port), "-l", "127.0.0.1",
				"-U", "0", "-m", "64"));
		if (isRoot()) {
			command.addAll(List.of("-u", "root"));
		}
		command.addAll(this.extraArguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Could not start memcached; install it (Debian: apt-get install memcached) or run ./run-tests.sh", ex);
		}
		RedisProcess.awaitUntil("memcached on port " + this.port + " answers",
				() -> command("version").startsWith("VERSION") || !this.process.isAlive());
		if (!this.process.isAlive()) {
			throw new IllegalStateException("memcached exited at startup: " + command);
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

	/** Sends one text-protocol command and returns the first reply line, or "" if unreachable. */
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

	@Override
	public void close() {
		stop();
	}

}

package dev.larder.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away redis-server on a free loopback port, without persistence, for one trial.
 */
final class RedisServerProcess {

	private final Process process;

	private final Path dir;

	private final int port;

	RedisServerProcess() throws IOException, InterruptedException {
		this.port = LocalPorts.free();
		this.dir = Files.createTempDirectory("larder-bench-redis");
		this.process = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		// A trial that fails skips its teardown, and JMH then ends the fork: without this
		// hook the
		// server would outlive the benchmark.
		Runtime.getRuntime().addShutdownHook(new Thread(this.process::destroy));
		LocalPorts.awaitListening(this.port, "redis-server");
	}

	int port() {
		return this.port;
	}

	void stop() throws InterruptedException, IOException {
		this.process.destroy();
		this.process.waitFor();
		try (var files = Files.list(this.dir)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
		}
		Files.deleteIfExists(this.dir);
	}

}

package dev.larder.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.larder.test.EmbeddedRedisServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a test pays for its Redis before the first command: from "start" to the first
 * {@code PING} answered over a socket, for the engine that {@code @EmbeddedRedis} starts
 * ({@link EmbeddedRedisServer#start()}) and for a {@code redis-server} process started by
 * the test (no persistence, polled every millisecond until it answers, as a test's
 * extension must). One start per measured iteration ({@code SingleShotTime}); each server
 * is stopped after its iteration, outside the measurement.
 *
 * <p>
 * Two readings, both in bench/startup.sh: warm (many starts in one JVM, what every class
 * after the first pays with {@code scope = CLASS}) and cold (one start per fresh JVM,
 * what the first class of a test run pays, class loading included).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
public class StartupBenchmark {

	private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);

	@Param({ "redis-server", "embedded" })
	public String server;

	private EmbeddedRedisServer engine;

	private Process process;

	private Path directory;

	@Benchmark
	public void startAndPing() throws IOException, InterruptedException {
		if ("embedded".equals(this.server)) {
			this.engine = EmbeddedRedisServer.start();
			if (!ping(this.engine.port())) {
				throw new IllegalStateException("the engine did not answer PING on port " + this.engine.port());
			}
			return;
		}
		int port = LocalPorts.free();
		this.directory = Files.createTempDirectory("larder-bench-startup");
		this.process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.directory.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!ping(port)) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not answer PING on port " + port);
			}
			Thread.sleep(1);
		}
	}

	/** True when a PING on a new connection is answered with PONG. */
	private static boolean ping(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(PING);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = 0;
			while (read < reply.length) {
				int n = in.read(reply, read, reply.length - read);
				if (n < 0) {
					return false;
				}
				read += n;
			}
			return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@TearDown(Level.Iteration)
	public void stop() throws IOException, InterruptedException {
		if (this.engine != null) {
			this.engine.close();
			this.engine = null;
		}
		if (this.process != null) {
			this.process.destroy();
			this.process.waitFor();
			this.process = null;
			try (var files = Files.list(this.directory)) {
				for (Path file : (Iterable<Path>) files::iterator) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(this.directory);
		}
	}

}

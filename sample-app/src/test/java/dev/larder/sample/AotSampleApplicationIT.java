package dev.larder.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.larder.cache.testing.RedisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample, processed ahead of time by {@code spring-boot:process-aot},
 * started as a user would with {@code -Dspring.aot.enabled=true}: its context comes from
 * the generated initializers instead of configuration classes, so this catches anything
 * Larder registers that AOT cannot reproduce.
 */
class AotSampleApplicationIT {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process sample;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.sample != null) {
			this.sample.destroy();
			this.sample.waitFor();
		}
	}

	@Test
	void theAotProcessedSampleServesACachedProduct(@TempDir Path logs) throws Exception {
		int httpPort = RedisProcess.freePort();
		int respPort = RedisProcess.freePort();
		Path log = logs.resolve("sample.log");
		this.sample = new ProcessBuilder(List.of(javaExecutable(), "-Dspring.aot.enabled=true", "-Xmx256m", "-jar",
				sampleJar(), "--server.port=" + httpPort, "--larder.embedded.port=" + respPort,
				"--catalog.repository-delay=0ms"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		awaitHealthy(httpPort, log);

		HttpResponse<String> first = get(httpPort, "/products/1");
		assertThat(first.statusCode()).as(() -> output(log)).isEqualTo(200);
		assertThat(first.body()).contains("Darjeeling");
		assertThat(get(httpPort, "/products/1").body()).isEqualTo(first.body());
		assertThat(resp(respPort, "EXISTS", "products::1")).as("the product is cached in the embedded engine")
			.isEqualTo(":1");
		assertThat(output(log)).contains("AOT-processed");
	}

	@Test
	void theAotBuildDeclaresWhatLarderReadsAndTheCachedValues() throws IOException {
		String metadata = System.getProperty("sample.aot-metadata");
		assertThat(metadata).as("sample.aot-metadata, set in sample-app/pom.xml").isNotNull();
		// JSON may escape slashes; compare the unescaped text.
		String json = Files.readString(Paths.get(metadata)).replace("\\/", "/");
		assertThat(json).as("the native-image metadata that process-aot wrote")
			.contains("\"dev/larder/cache/structure/script/*.lua\"", "\"dev/larder/engine/acl/*.txt\"",
					"\"dev.larder.sample.catalog.Product\"");
	}

	private void awaitHealthy(int port, Path log) throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.sample.isAlive()).as(() -> "the sample exited:\n" + output(log)).isTrue();
			try {
				if (get(port, "/actuator/health").statusCode() == 200) {
					return;
				}
			}
			catch (ConnectException notYetListening) {
				// Started but not yet serving: poll again.
			}
			this.sample.waitFor(100, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("the sample did not become healthy within " + STARTUP + ":\n" + output(log));
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

	/** One RESP command, answered by its first line (enough for integer replies). */
	private static String resp(int port, String... args) throws IOException {
		StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
		for (String arg : args) {
			command.append('$')
				.append(arg.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(arg)
				.append("\r\n");
		}
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b != -1 && b != '\r'; b = in.read()) {
				line.append((char) b);
			}
			return line.toString();
		}
	}

	private static String sampleJar() {
		String jar = System.getProperty("sample.jar");
		assertThat(jar).as("sample.jar, set by the failsafe configuration in sample-app/pom.xml").isNotNull();
		assertThat(Paths.get(jar)).exists();
		return jar;
	}

	private static String javaExecutable() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String output(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

}

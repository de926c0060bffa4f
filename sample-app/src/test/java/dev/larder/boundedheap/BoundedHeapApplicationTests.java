package dev.larder.boundedheap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safe default of issue 13: an application on the embedded backend with nothing
 * configured, in a 128 MB heap, caches unbounded keys with no ttl, four heaps' worth (or
 * for a minute, if the machine is that slow, and at least two heaps' worth), and neither
 * dies nor runs out of memory; the engine evicts, and {@code cache.evictions} says so.
 * The application runs in its own JVM, started with this test's classpath.
 */
class BoundedHeapApplicationTests {

	private static final long DEADLINE_MINUTES = 3;

	@Test
	void aSmallHeapSurvivesUnboundedKeysWithoutTtl(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("output.txt");
		Process process = new ProcessBuilder(List.of(java(), "-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
				"-Dbounded-heap.time=PT60S", "-cp", System.getProperty("java.class.path"),
				BoundedHeapApplication.class.getName(), "--spring.config.name=bounded-heap",
				"--spring.main.web-application-type=none", "--spring.main.banner-mode=off"))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean exited = process.waitFor(DEADLINE_MINUTES, TimeUnit.MINUTES);
		if (!exited) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String out = read(output);
		assertThat(exited).as("exited within %d minutes; output:%n%s", DEADLINE_MINUTES, out).isTrue();
		assertThat(out).as("output").doesNotContain("OutOfMemoryError");
		assertThat(process.exitValue()).as("exit status; output:%n%s", out).isZero();
		Map<String, Long> report = report(out);
		assertThat(report.get("bytes")).as("wrote at least twice the heap within the time: %s", report)
			.isGreaterThanOrEqualTo(2 * report.get("maxHeap"));
		assertThat(report.get("evictions")).as("cache.evictions: %s", report).isPositive();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String read(Path output) throws IOException {
		return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
	}

	/** The application's last line: {@code bounded-heap: writes=... evictions=...}. */
	private static Map<String, Long> report(String out) {
		String line = out.lines()
			.filter((candidate) -> candidate.startsWith(BoundedHeapApplication.REPORT))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no report in the output:\n" + out));
		Map<String, Long> values = new HashMap<>();
		for (String field : line.substring(BoundedHeapApplication.REPORT.length()).trim().split(" ")) {
			String[] pair = field.split("=", 2);
			values.put(pair[0], Long.parseLong(pair[1]));
		}
		return values;
	}

}

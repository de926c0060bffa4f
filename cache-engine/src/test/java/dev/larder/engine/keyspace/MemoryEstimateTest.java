package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory estimate against the heap the JVM really retains, for every value type and
 * size class (strings small, integer and large; hashes, lists, sets and sorted sets, each
 * small in its compact encoding and large): within 10%. Measured by
 * {@link HeapFootprintProbe} in a JVM of its own with the serial collector, where a full
 * GC leaves exactly the live data (see there); the same probe runs once more without
 * compressed oops, which checks that the layout is read from the JVM rather than assumed.
 * Sizes only, no timings, so nothing here depends on the machine's speed.
 */
class MemoryEstimateTest {

	private static final double TOLERANCE = 0.10;

	@ParameterizedTest
	@ValueSource(strings = { "-XX:+UseCompressedOops", "-XX:-UseCompressedOops" })
	void estimateIsWithinTenPercentOfTheRetainedHeap(String oops) throws Exception {
		List<String> lines = probe(oops);
		assertThat(lines).hasSize(HeapFootprintProbe.CASES.size());
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-24s %8s %12s %12s %7s%n", "case",
				"keys", "measured", "estimated", "ratio"));
		List<String> outside = new ArrayList<>();
		for (String line : lines) {
			String[] f = line.split("\t");
			long measured = Long.parseLong(f[2]);
			long estimated = Long.parseLong(f[3]);
			double ratio = (double) estimated / measured;
			table.append(
					String.format(Locale.ROOT, "%-24s %8s %12d %12d %7.4f%n", f[0], f[1], measured, estimated, ratio));
			if (Math.abs(ratio - 1) > TOLERANCE) {
				outside.add(f[0]);
			}
		}
		System.out.println("Memory estimate vs retained heap (" + oops + "):" + table);
		assertThat(outside).as("cases off by more than 10%%:%s", table).isEmpty();
	}

	private static List<String> probe(String oops) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseSerialGC",
				"-XX:MarkSweepDeadRatio=0", "-XX:-UseTLAB", "-Xms256m", "-Xmx256m", oops, "-cp",
				System.getProperty("java.class.path"), HeapFootprintProbe.class.getName());
		pb.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = pb.start();
		String out;
		try {
			out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
		}
		assertThat(process.exitValue()).as("probe output:%n%s", out).isZero();
		return out.lines().filter(l -> l.contains("\t")).toList();
	}

}

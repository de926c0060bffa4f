package dev.larder.engine.bench;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Retained heap per key of the engine: used heap after full GCs, before and after loading
 * N keys with V-byte values, divided by N. Run in a fresh JVM (bench/engine-memory.sh
 * does) so nothing else allocates. Arguments: keys (100000), value size (100). Prints
 * "bytes_per_key=...".
 */
public final class MemoryFootprint {

	private MemoryFootprint() {
	}

	public static void main(String[] args) throws InterruptedException {
		int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int valueSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).build())) {
			byte[] set = "SET".getBytes(StandardCharsets.US_ASCII);
			// Warm the command path once so its one-time allocations are not counted.
			engine.execute(set, "warm".getBytes(StandardCharsets.US_ASCII), new byte[valueSize]);
			engine.execute("DEL", "warm");
			long before = usedAfterGc();
			for (int i = 0; i < keys; i++) {
				byte[] value = new byte[valueSize];
				Arrays.fill(value, (byte) ('a' + i % 26));
				engine.execute(set, String.format("key:%06d", i).getBytes(StandardCharsets.US_ASCII), value);
			}
			long after = usedAfterGc();
			System.out.println("keys=" + engine.execute("DBSIZE"));
			System.out.printf("bytes_per_key=%.1f%n", (after - before) / (double) keys);
		}
	}

	private static long usedAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}

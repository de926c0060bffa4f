package dev.larder.engine.bench;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Retained heap per key of the engine, for strings and for small collections: used heap
 * after full GCs, before and after loading a case's keys, divided by their number. Run in
 * a fresh JVM with the serial collector and {@code -XX:MarkSweepDeadRatio=0} (as
 * bench/engine-memory.sh does), so each full GC compacts the whole heap and used heap is
 * exactly the live data.
 *
 * <p>
 * The cases, whose keys and members bench/engine-memory.sh builds byte for byte the same
 * for redis-server:
 * <ul>
 * <li>{@code string}: STRING_KEYS keys {@code key:%06d}, each SET to VALUE_SIZE bytes of
 * one letter;</li>
 * <li>{@code hash}, {@code list}, {@code set}, {@code zset}: COLLECTION_KEYS keys
 * {@code <type>:%06d}, each filled by one HSET / RPUSH / SADD / ZADD of MEMBERS members
 * of 16 bytes (hash: 16-byte field {@code field:%010d} and 16-byte value
 * {@code v%06d-%08d}; list, set, zset: {@code e%06d-%08d}, never an integer; zset scores:
 * the integer {@code (key * MEMBERS + member) * 7919 % 1000000}).</li>
 * </ul>
 * Arguments: STRING_KEYS (100000), VALUE_SIZE (100), COLLECTION_KEYS (10000), MEMBERS
 * (128). Prints one line per case: {@code case=... keys=... members=... encoding=...
 * bytes_per_key=...}.
 */
public final class MemoryFootprint {

	private MemoryFootprint() {
	}

	public static void main(String[] args) {
		int stringKeys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int valueSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		int collectionKeys = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
		int members = args.length > 3 ? Integer.parseInt(args[3]) : 128;
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).build())) {
			measure(engine, "string", stringKeys, 1, i -> string(i, valueSize));
			for (String type : new String[] { "hash", "list", "set", "zset" }) {
				measure(engine, type, collectionKeys, members, i -> collection(type, i, members));
			}
		}
	}

	@FunctionalInterface
	private interface Command {

		byte[][] forKey(int i);

	}

	private static void measure(Engine engine, String type, int keys, int members, Command command) {
		// Warm the command path once so its one-time allocations are not counted.
		engine.execute(command.forKey(0));
		engine.execute("FLUSHALL");
		long before = usedAfterGc();
		for (int i = 0; i < keys; i++) {
			engine.execute(command.forKey(i));
		}
		long after = usedAfterGc();
		byte[] firstKey = command.forKey(0)[1];
		Reply encoding = engine.execute(ascii("OBJECT"), ascii("ENCODING"), firstKey);
		System.out.printf(Locale.ROOT, "case=%s keys=%s members=%d encoding=%s bytes_per_key=%.1f%n", type,
				text(engine.execute("DBSIZE")), members, text(encoding), (after - before) / (double) keys);
		engine.execute("FLUSHALL");
	}

	private static byte[][] string(int i, int valueSize) {
		byte[] value = new byte[valueSize];
		Arrays.fill(value, (byte) ('a' + i % 26));
		return new byte[][] { ascii("SET"), ascii(String.format(Locale.ROOT, "key:%06d", i)), value };
	}

	private static byte[][] collection(String type, int i, int members) {
		boolean pairs = type.equals("hash") || type.equals("zset");
		byte[][] args = new byte[2 + members * (pairs ? 2 : 1)][];
		args[0] = ascii(switch (type) {
			case "hash" -> "HSET";
			case "list" -> "RPUSH";
			case "set" -> "SADD";
			default -> "ZADD";
		});
		args[1] = ascii(String.format(Locale.ROOT, "%s:%06d", type, i));
		int a = 2;
		for (int j = 0; j < members; j++) {
			if (type.equals("hash")) {
				args[a++] = ascii(String.format(Locale.ROOT, "field:%010d", j));
				args[a++] = ascii(String.format(Locale.ROOT, "v%06d-%08d", i, j));
			}
			else {
				if (type.equals("zset")) {
					args[a++] = ascii(Long.toString((i * (long) members + j) * 7919 % 1_000_000));
				}
				args[a++] = ascii(String.format(Locale.ROOT, "e%06d-%08d", i, j));
			}
		}
		return args;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static String text(Reply reply) {
		if (reply instanceof Reply.BulkString b) {
			return new String(b.value(), StandardCharsets.US_ASCII);
		}
		if (reply instanceof Reply.IntegerReply n) {
			return Long.toString(n.value());
		}
		return String.valueOf(reply);
	}

	/**
	 * Used heap after a full GC, the least of three reads: with the serial collector each
	 * System.gc() is a full collection that returns when done.
	 */
	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}

package dev.larder.engine.keyspace;

import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.engine.command.ClientSession;
import dev.larder.engine.command.CommandExecutor;
import dev.larder.engine.command.EngineCore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures, for each value type and size class, the heap the engine retains for N keys
 * and what its memory accounting estimates for them, in a JVM of its own. Run by
 * {@link MemoryEstimateTest} with the serial collector and
 * {@code -XX:MarkSweepDeadRatio=0}: then each full GC compacts the whole heap, so used
 * heap after one is exactly the live data (by default the serial collector leaves up to
 * 5% of the old generation as dead objects it does not bother to move, which made the
 * measurement wander by megabytes). Prints one line per case, tab-separated:
 * {@code case keys measured estimated}.
 *
 * <p>
 * Each case is warmed first on a few keys (so classes loaded and caches filled on the way
 * are not counted), then measured as the used heap after full GCs (the least of three
 * reads) before and after loading its keys; every argument is a fresh array, as the RESP
 * parser makes them.
 */
public final class HeapFootprintProbe {

	/** One kind of key: how many, and the command that stores key i. */
	record Case(String name, int keys, Loader loader) {
	}

	@FunctionalInterface
	interface Loader {

		List<String> command(String key, int i, SplittableRandom rnd);

	}

	static final List<Case> CASES = List.of(
			new Case("string small", 50_000, (k, i, r) -> List.of("SET", k, text(r, 10))),
			new Case("string integer", 50_000,
					(k, i, r) -> List.of("SET", k, Long.toString(r.nextLong(1_000_000_000_000L)))),
			new Case("string large", 4_000, (k, i, r) -> List.of("SET", k, text(r, 4096))),
			new Case("hash small (listpack)", 10_000, (k, i, r) -> pairs("HSET", k, 16, 16, r)),
			new Case("hash large (hashtable)", 50, (k, i, r) -> pairs("HSET", k, 2000, 16, r)),
			new Case("list small", 10_000, (k, i, r) -> members("RPUSH", k, 16, 16, r)),
			new Case("list large", 150, (k, i, r) -> members("RPUSH", k, 2000, 16, r)),
			new Case("set small (intset)", 10_000, (k, i, r) -> integers("SADD", k, 16, r)),
			new Case("set large (hashtable)", 50, (k, i, r) -> members("SADD", k, 2000, 16, r)),
			new Case("zset small (listpack)", 10_000, (k, i, r) -> scored(k, 16, r)),
			new Case("zset full (listpack)", 2_000, (k, i, r) -> fractional(k, ZSetValue.MAX_LISTPACK_ENTRIES, r)),
			new Case("zset large (skiplist)", 50, (k, i, r) -> scored(k, 2000, r)));

	private HeapFootprintProbe() {
	}

	public static void main(String[] args) {
		EngineCore core = new EngineCore(EngineConfig.builder().activeExpiry(false).build());
		CommandExecutor executor = new CommandExecutor(core);
		ClientSession session = core.newEmbeddedSession();
		Keyspace keyspace = core.keyspace();
		for (Case c : CASES) {
			SplittableRandom rnd = new SplittableRandom(c.name().hashCode());
			for (int i = 0; i < 50; i++) {
				run(executor, session, c.loader().command(key(i), i, rnd));
			}
			run(executor, session, List.of("FLUSHALL"));
			long heapBefore = usedAfterGc();
			long estimateBefore = keyspace.usedBytes();
			for (int i = 0; i < c.keys(); i++) {
				run(executor, session, c.loader().command(key(i), i, rnd));
			}
			long heapAfter = usedAfterGc();
			long estimateAfter = keyspace.usedBytes();
			System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d%n", c.name(), c.keys(), heapAfter - heapBefore,
					estimateAfter - estimateBefore);
			run(executor, session, List.of("FLUSHALL"));
		}
	}

	private static void run(CommandExecutor executor, ClientSession session, List<String> command) {
		byte[][] args = new byte[command.size()][];
		for (int i = 0; i < args.length; i++) {
			args[i] = command.get(i).getBytes(StandardCharsets.UTF_8);
		}
		Reply reply = executor.execute(session, args);
		if (reply instanceof Reply.ErrorReply e) {
			throw new IllegalStateException(command.get(0) + ": " + e);
		}
	}

	private static String key(int i) {
		return String.format(Locale.ROOT, "key:%08d", i);
	}

	private static String text(SplittableRandom rnd, int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append((char) ('a' + rnd.nextInt(26)));
		}
		return sb.toString();
	}

	private static List<String> members(String command, String key, int count, int length, SplittableRandom rnd) {
		List<String> out = new ArrayList<>(List.of(command, key));
		for (int i = 0; i < count; i++) {
			out.add(String.format(Locale.ROOT, "%05d", i) + text(rnd, length - 5));
		}
		return out;
	}

	private static List<String> pairs(String command, String key, int count, int length, SplittableRandom rnd) {
		List<String> out = new ArrayList<>(List.of(command, key));
		for (int i = 0; i < count; i++) {
			out.add("field:" + i);
			out.add(text(rnd, length));
		}
		return out;
	}

	private static List<String> integers(String command, String key, int count, SplittableRandom rnd) {
		List<String> out = new ArrayList<>(List.of(command, key));
		for (int i = 0; i < count; i++) {
			out.add(Long.toString(rnd.nextLong(1, 1_000_000_000L)));
		}
		return out;
	}

	private static List<String> scored(String key, int count, SplittableRandom rnd) {
		List<String> out = new ArrayList<>(List.of("ZADD", key));
		for (int i = 0; i < count; i++) {
			out.add(Integer.toString(rnd.nextInt(1_000_000)));
			out.add(String.format(Locale.ROOT, "%05d", i) + text(rnd, 11));
		}
		return out;
	}

	/** Scores with fractions, which a listpack keeps as 8-byte doubles. */
	private static List<String> fractional(String key, int count, SplittableRandom rnd) {
		List<String> out = new ArrayList<>(List.of("ZADD", key));
		for (int i = 0; i < count; i++) {
			out.add(Double.toString(rnd.nextDouble(-1e6, 1e6)));
			out.add(String.format(Locale.ROOT, "%05d", i) + text(rnd, 11));
		}
		return out;
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

package dev.larder.engine.bench;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The cost of operations on small hashes and sorted sets, those a compact encoding keeps
 * as one packed array (where every operation is a linear scan, as in Redis's listpack):
 * in-process, through the engine's command path, on KEYS keys of MEMBERS members each
 * (16-byte fields, values and members, integer scores), keys and members picked at random
 * so the working set is the whole keyspace, as in a cache. Median of 5 timed rounds of
 * 200,000 operations after 3 warm-up rounds, in ns/op:
 * <ul>
 * <li>HSET of an existing field (a new value of the same length), HGET of an existing
 * field, HGET of a missing field (a full scan);</li>
 * <li>ZADD of a new score for an existing member (the member moves), ZREM of a member
 * followed by its ZADD (two operations; the set keeps its size, so a listpack of 128
 * stays one), ZSCORE of an existing member, ZRANK of an existing member, ZREVRANGE 0 9
 * (the top 10).</li>
 * </ul>
 * A small main rather than JMH, as {@link ZSetBenchmark}. Arguments: member counts
 * (comma-separated, default 16,128), keys (default 1000).
 */
public final class SmallCollectionBenchmark {

	private static final int OPS = 200_000;

	private static final int ROUNDS = 5;

	private static final int WARMUP = 3;

	private static final byte[] HSET = b("HSET");

	private static final byte[] HGET = b("HGET");

	private static final byte[] ZADD = b("ZADD");

	private static final byte[] ZREM = b("ZREM");

	private static final byte[] ZSCORE = b("ZSCORE");

	private static final byte[] ZRANK = b("ZRANK");

	private static final byte[] ZREVRANGE = b("ZREVRANGE");

	private SmallCollectionBenchmark() {
	}

	public static void main(String[] args) {
		String[] sizes = (args.length > 0 ? args[0] : "16,128").split(",");
		int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		for (String s : sizes) {
			run(keys, Integer.parseInt(s.trim()));
		}
	}

	private static void run(int keys, int members) {
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).build())) {
			for (int k = 0; k < keys; k++) {
				for (int j = 0; j < members; j++) {
					engine.execute(HSET, hashKey(k), field(j), value(k, j, 0));
					engine.execute(ZADD, zsetKey(k), b(Integer.toString(score(k, j, 0))), member(k, j));
				}
			}
			SplittableRandom rnd = new SplittableRandom(members);
			int[] key = new int[OPS];
			int[] index = new int[OPS];
			for (int i = 0; i < OPS; i++) {
				key[i] = rnd.nextInt(keys);
				index[i] = rnd.nextInt(members);
			}
			String[] names = { "hset_update", "hget_hit", "hget_miss", "zadd_update", "zrem+zadd_new", "zscore",
					"zrank", "zrevrange_top10" };
			double[][] ns = new double[names.length][ROUNDS];
			long sink = 0;
			ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
			byte[] missing = b("field:missing!!!");
			byte[] zero = b("0");
			byte[] nine = b("9");
			for (int round = -WARMUP; round < ROUNDS; round++) {
				// arguments made up front, so the timings hold only the engine's work
				byte[][] hashKeys = new byte[OPS][];
				byte[][] zsetKeys = new byte[OPS][];
				byte[][] fields = new byte[OPS][];
				byte[][] values = new byte[OPS][];
				byte[][] memberArgs = new byte[OPS][];
				byte[][] scores = new byte[OPS][];
				for (int i = 0; i < OPS; i++) {
					hashKeys[i] = hashKey(key[i]);
					zsetKeys[i] = zsetKey(key[i]);
					fields[i] = field(index[i]);
					values[i] = value(key[i], index[i], round + WARMUP + 1);
					memberArgs[i] = member(key[i], index[i]);
					scores[i] = b(Integer.toString(score(key[i], index[i], round + WARMUP + 1)));
				}
				long[] t = new long[names.length + 1];
				int op = 0;
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(HSET, hashKeys[i], fields[i], values[i]) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(HGET, hashKeys[i], fields[i]) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(HGET, hashKeys[i], missing) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(ZADD, zsetKeys[i], scores[i], memberArgs[i]) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(ZREM, zsetKeys[i], memberArgs[i]) == null ? 1 : 0;
					sink += engine.execute(ZADD, zsetKeys[i], scores[i], memberArgs[i]) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(ZSCORE, zsetKeys[i], memberArgs[i]) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(ZRANK, zsetKeys[i], memberArgs[i]) == null ? 1 : 0;
				}
				t[op++] = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(ZREVRANGE, zsetKeys[i], zero, nine) == null ? 1 : 0;
				}
				t[op] = cpu.getCurrentThreadCpuTime();
				if (round >= 0) {
					for (int n = 0; n < names.length; n++) {
						ns[n][round] = (t[n + 1] - t[n]) / (double) OPS;
					}
				}
			}
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "keys=%d members=%d encoding=%s/%s", keys,
					members, text(engine.execute(b("OBJECT"), b("ENCODING"), hashKey(0))),
					text(engine.execute(b("OBJECT"), b("ENCODING"), zsetKey(0)))));
			for (int n = 0; n < names.length; n++) {
				line.append(String.format(Locale.ROOT, " %s_ns=%.0f", names[n], median(ns[n])));
			}
			System.out.println(line + " (sink " + (sink & 1) + ")");
		}
	}

	private static byte[] hashKey(int k) {
		return b(String.format(Locale.ROOT, "hash:%06d", k));
	}

	private static byte[] zsetKey(int k) {
		return b(String.format(Locale.ROOT, "zset:%06d", k));
	}

	private static byte[] field(int j) {
		return b(String.format(Locale.ROOT, "field:%010d", j));
	}

	private static byte[] value(int k, int j, int round) {
		return b(String.format(Locale.ROOT, "v%06d-%06d-%01d", k, j, round % 10));
	}

	private static byte[] member(int k, int j) {
		return b(String.format(Locale.ROOT, "e%06d-%08d", k, j));
	}

	private static int score(int k, int j, int round) {
		return (int) (((k * 128L + j) * 7919 + round * 104_729L) % 1_000_000);
	}

	private static byte[] b(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static String text(Object reply) {
		return reply instanceof dev.larder.engine.Reply.BulkString s ? new String(s.value(), StandardCharsets.US_ASCII)
				: String.valueOf(reply);
	}

	private static double median(double[] v) {
		double[] c = v.clone();
		Arrays.sort(c);
		return c[c.length / 2];
	}

}

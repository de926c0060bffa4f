package dev.larder.engine.bench;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Sorted-set micro-benchmark (a small main rather than JMH, so cache-engine needs no
 * annotation processor): in-process ZADD of a new member, ZADD of a new score for an
 * existing member (what redis-benchmark's ZADD test mostly does: unlink and relink in the
 * skip list), ZRANK of a random member and ZRANGE 0 9 (top-10) on sets of N members,
 * median of 5 timed rounds after 3 warm-up rounds, in ns/op; then, with {@code memory},
 * the retained heap per member of an N-member set. O(log n) shows as a small growth in
 * ns/op from 10K to 1M members (log2 grows 1.5x), against 100x for O(n).
 * bench/engine-zset.sh runs it and compares memory with Redis.
 *
 * <p>
 * Arguments: sizes (comma-separated, default 10000,1000000), "memory" to also measure
 * memory.
 */
public final class ZSetBenchmark {

	private static final int OPS = 200_000;

	private ZSetBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		String[] sizes = (args.length > 0 ? args[0] : "10000,1000000").split(",");
		boolean memory = args.length > 1 && args[1].equals("memory");
		for (String s : sizes) {
			int n = Integer.parseInt(s.trim());
			run(n);
		}
		if (memory) {
			int n = Integer.parseInt(sizes[sizes.length - 1].trim());
			System.out.printf("zset_members=%d bytes_per_member=%.1f%n", n, bytesPerMember(n));
		}
	}

	private static byte[] b(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] member(int i) {
		return b("member:" + i);
	}

	private static void fill(Engine engine, byte[] key, int n) {
		byte[] zadd = b("ZADD");
		SplittableRandom rnd = new SplittableRandom(1);
		for (int i = 0; i < n; i++) {
			engine.execute(zadd, key, b(Integer.toString(rnd.nextInt(1_000_000_000))), member(i));
		}
	}

	private static void run(int n) {
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).build())) {
			byte[] key = b("board");
			fill(engine, key, n);
			byte[] zadd = b("ZADD");
			byte[] zrank = b("ZRANK");
			byte[] zrange = b("ZRANGE");
			byte[] zrem = b("ZREM");
			byte[][] extra = new byte[OPS][];
			byte[][] scores = new byte[OPS][];
			byte[][] existing = new byte[OPS][];
			SplittableRandom rnd = new SplittableRandom(2);
			for (int i = 0; i < OPS; i++) {
				extra[i] = b("extra:" + i);
				scores[i] = b(Integer.toString(rnd.nextInt(1_000_000_000)));
				existing[i] = member(rnd.nextInt(n));
			}
			byte[] zero = b("0");
			byte[] nine = b("9");
			double[] add = new double[5];
			double[] rank = new double[5];
			double[] top = new double[5];
			double[] update = new double[5];
			long sink = 0;
			for (int round = -3; round < 5; round++) {
				long t0 = System.nanoTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(zadd, key, scores[i], extra[i]).hashCode();
				}
				long t1 = System.nanoTime();
				for (int i = 0; i < OPS; i++) {
					sink += ((Reply.IntegerReply) engine.execute(zrank, key, existing[i])).value();
				}
				long t2 = System.nanoTime();
				for (int i = 0; i < OPS; i++) {
					sink += ((Reply.ArrayReply) engine.execute(zrange, key, zero, nine)).items().size();
				}
				long t3 = System.nanoTime();
				for (int i = 0; i < OPS; i++) {
					sink += engine.execute(zadd, key, scores[(i + round + 3) % OPS], existing[i]).hashCode();
				}
				long t4 = System.nanoTime();
				for (int i = 0; i < OPS; i++) { // back to n members for the next round
					engine.execute(zrem, key, extra[i]);
				}
				if (round >= 0) {
					add[round] = (t1 - t0) / (double) OPS;
					rank[round] = (t2 - t1) / (double) OPS;
					top[round] = (t3 - t2) / (double) OPS;
					update[round] = (t4 - t3) / (double) OPS;
				}
			}
			System.out.printf(
					"members=%d zadd_ns=%.0f zadd_update_ns=%.0f zrank_ns=%.0f zrange_top10_ns=%.0f " + "(sink %d)%n",
					n, median(add), median(update), median(rank), median(top), sink & 1);
		}
	}

	private static double median(double[] v) {
		double[] c = v.clone();
		java.util.Arrays.sort(c);
		return c[c.length / 2];
	}

	private static double bytesPerMember(int n) throws InterruptedException {
		try (Engine engine = Engine.start(EngineConfig.builder().activeExpiry(false).build())) {
			engine.execute("ZADD", "warm", "1", "m");
			engine.execute("DEL", "warm");
			long before = usedAfterGc();
			fill(engine, b("board"), n);
			long after = usedAfterGc();
			return (after - before) / (double) n;
		}
	}

	private static long usedAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HyperLogLog family (PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST) against a real
 * redis-server 7.0.15: every reply must be equal, and so must the values the commands
 * leave, byte for byte (GET), with their TTL and OBJECT ENCODING. Covers edge values and
 * errors first, then the cases of Redis's tests/unit/hyperloglog.tcl that compare
 * replies, corrupted values written with SET, a seeded random run, and the keyspace
 * events and key-change signals each command emits.
 *
 * <p>
 * Scenarios are commands separated by {@code ;}; an argument with spaces is quoted with
 * {@code '...'} ({@code ''} is empty) and {@code \xNN} is a byte. The random run is
 * bounded by default; {@code -Dlarder.hll.sequences=N -Dlarder.hll.commands=M} raise it
 * and {@code -Dlarder.hll.seed=S} replays one sequence.
 */
class HyperLogLogDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	/** A header of a sparse HyperLogLog with a valid cached cardinality of 0. */
	private static final String SPARSE_HEADER = "HYLL\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00";

	/** Published after a scenario, on a channel the subscribers' pattern matches. */
	private static final String END = "__keyevent@0__:__end__";

	private static Engine engine;

	private static RespClient engineClient;

	private static RespClient redisClient;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		engineClient = new RespClient(engine.port());
		redisClient = new RespClient(REDIS.port());
	}

	@AfterAll
	static void stop() {
		if (engineClient != null) {
			engineClient.close();
			redisClient.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	@BeforeEach
	void reset() {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("RESET");
			c.call("FLUSHALL");
			c.call("CONFIG", "SET", "hll-sparse-max-bytes", "3000", "maxmemory", "0");
		}
	}

	static Stream<String> edgeCases() {
		return Stream.of(
				// PFADD: creation, 0/1 replies, empty and binary elements
				"PFADD k; EXISTS k; GET k; PFCOUNT k; GET k", "PFADD k; PFADD k; PFADD k a; PFADD k a",
				"PFADD k a; PFADD k a; PFADD k a b; PFADD k ''; PFADD k ''; PFCOUNT k",
				"PFADD k \\x00 \\xff \\x00\\x00 ''; PFCOUNT k; GET k", "PFADD k a b c a b c; PFCOUNT k; PFCOUNT k",
				"PFADD k a; EXPIRE k 100; PFADD k b; TTL k; PFCOUNT k; TTL k; PFADD k b; TTL k",
				"PFADD k a; OBJECT ENCODING k; PFCOUNT k; OBJECT ENCODING k; STRLEN k; TYPE k", "SET k v; PFADD k a",
				"SET k 12345; PFADD k a", "SET k ''; PFADD k", "RPUSH k a; PFADD k a", "HSET k f v; PFADD k",
				"SADD k a; PFCOUNT k", "ZADD k 1 a; PFMERGE d k", "PFADD", "PFADD k a; APPEND k x",
				// PFCOUNT: missing keys, several keys, the cache
				"PFCOUNT missing", "PFCOUNT missing other", "PFADD a x; PFCOUNT a missing; PFCOUNT missing a",
				"PFADD a x y; PFCOUNT a a a", "PFADD a 1 2 3; PFADD b 3 4 5; PFCOUNT a b; PFCOUNT b a; PFCOUNT a b a",
				"SET s v; PFCOUNT s missing", "PFCOUNT missing s; SET s v; PFCOUNT missing s",
				"PFADD a x; RPUSH l a; PFCOUNT a l; PFCOUNT l a", "PFCOUNT",
				"PFADD k a b c; PFCOUNT k; GETRANGE k 15 15; PFADD k a b c; GETRANGE k 15 15; PFADD k 1 2 3; GETRANGE k 15 15",
				"PFADD k 1 2 3 4 5; PFCOUNT k; PFADD k 6 7 8 8 9 10; PFCOUNT k; GET k",
				// PFMERGE: missing sources, destination among sources, sparse and dense
				"PFMERGE d; GET d; PFCOUNT d; EXISTS d", "PFMERGE d missing; GET d",
				"PFMERGE d m1 m2; GET d; PFCOUNT d", "PFADD d a b c; PFMERGE d; PFCOUNT d; GET d",
				"PFADD a 1; PFADD b 2; PFMERGE d a b; PFCOUNT d; GET d; PFDEBUG ENCODING d",
				"PFADD a 1; PFDEBUG TODENSE a; PFADD b 2; PFMERGE d a b; PFDEBUG ENCODING d; GET d; PFCOUNT d",
				"PFADD d x; PFADD a y; PFDEBUG TODENSE a; PFMERGE d a; PFDEBUG ENCODING d; PFCOUNT d",
				"SET s v; PFMERGE d s; EXISTS d", "SET s v; PFMERGE s", "SET s v; PFMERGE s missing",
				"PFADD a 1; PFMERGE a a; GET a", "PFADD a 1; EXPIRE a 100; PFMERGE a; TTL a; GET a",
				"PFADD a 1 2 3; PFCOUNT a; PFMERGE a; GETRANGE a 15 15; PFCOUNT a", "PFMERGE",
				"SET foo bar; PFADD foo 1; PFCOUNT foo; PFMERGE bar foo; PFMERGE foo bar",
				"PFADD hll1 a b c; PFADD hll2 b c d; PFADD hll3 c d e; PFMERGE hll hll1 hll2 hll3; PFCOUNT hll",
				"PFMERGE destkey sourcekey; EXISTS destkey; PFCOUNT destkey; PFMERGE destkey2 sourcekey sourcekey2",
				// PFDEBUG: every subcommand, missing keys, wrong types, odd case
				"PFDEBUG GETREG missing", "PFDEBUG FOO missing", "PFADD k a; PFDEBUG FOO k",
				"PFADD k a; PFDEBUG 'a b\\x0d\\x0ac' k", "PFADD k; PFDEBUG DECODE k; PFDEBUG DeCoDe k",
				"PFADD k a; PFDEBUG ENCODING k; PFDEBUG DECODE k; PFDEBUG TODENSE k; PFDEBUG TODENSE k; PFDEBUG ENCODING k; PFDEBUG DECODE k; GET k",
				"PFADD k 1 2 3; PFDEBUG GETREG k; PFDEBUG ENCODING k; GET k",
				"PFADD k 1 2 3; PFDEBUG todense k; PFDEBUG getreg k; PFDEBUG encoding k",
				"PFADD k 1 2 3; EXPIRE k 100; PFDEBUG TODENSE k; TTL k", "SET s v; PFDEBUG ENCODING s",
				"RPUSH l a; PFDEBUG ENCODING l", "PFDEBUG encoding", "PFDEBUG a b c",
				"PFDEBUG SIMD off; SET off x; PFDEBUG SIMD off",
				// PFSELFTEST
				"PFSELFTEST x",
				// hll-sparse-max-bytes
				"CONFIG GET hll-sparse-max-bytes; CONFIG SET hll-sparse-max-bytes 1kb; CONFIG GET hll-sparse-max-bytes",
				"CONFIG SET hll-sparse-max-bytes -1; CONFIG SET hll-sparse-max-bytes x; CONFIG GET hll-sparse-max-bytes",
				"CONFIG SET hll-sparse-max-bytes 0; PFADD k; PFDEBUG ENCODING k; PFADD k a; PFDEBUG ENCODING k; GET k",
				"CONFIG SET hll-sparse-max-bytes 30; PFADD k a b c d e f g h i j k; PFDEBUG ENCODING k; PFADD k new_element; PFDEBUG ENCODING k",
				"CONFIG SET hll-sparse-max-bytes 19; PFADD k a; PFDEBUG ENCODING k; PFADD k b c; PFDEBUG ENCODING k",
				"CONFIG SET hll-sparse-max-bytes 0; PFADD a 1; PFADD b 2; PFDEBUG TODENSE b; CONFIG SET hll-sparse-max-bytes 3000; PFMERGE a b; PFDEBUG ENCODING a",
				// corrupted values written with SET, SETRANGE and APPEND
				"PFADD k a b c; APPEND k hello; PFCOUNT k; PFADD k x; PFMERGE d k; PFCOUNT k other; PFDEBUG TODENSE k; PFDEBUG GETREG k; PFDEBUG DECODE k; GET k",
				"PFADD k a b c; SETRANGE k 0 0123; PFCOUNT k; PFADD k a; PFMERGE k; PFDEBUG ENCODING k",
				"PFADD k a b c; SETRANGE k 4 x; PFCOUNT k; PFADD k a", "PFADD k a b c; SETRANGE k 4 \\x00; PFCOUNT k",
				"PFADD k a b c; SETRANGE k 4 \\x02; PFCOUNT k", "PFADD k; PFDEBUG TODENSE k; APPEND k x; PFCOUNT k",
				"PFADD k; PFDEBUG TODENSE k; SETRANGE k 4 \\x01; PFCOUNT k; PFADD k a b c; PFDEBUG DECODE k",
				"SET k " + SPARSE_HEADER
						+ "; PFCOUNT k; PFADD k; PFADD k a; PFDEBUG DECODE k; PFDEBUG TODENSE k; PFMERGE d k; PFCOUNT k d",
				"SET k HYLL\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00; PFCOUNT k; PFADD k a",
				"SET k " + SPARSE_HEADER + "\\x7f; PFCOUNT k; PFADD k a b c; GET k; PFDEBUG DECODE k; PFCOUNT k",
				"SET k " + SPARSE_HEADER + "\\x7f\\xff; PFCOUNT k; PFADD k a; PFDEBUG DECODE k; GET k",
				"SET k " + SPARSE_HEADER + "\\x7f\\xff\\x7f\\xff; PFCOUNT k; PFADD k a b; PFCOUNT k a; PFMERGE k",
				"SET k " + SPARSE_HEADER + "\\x7f\\xff\\xff; PFCOUNT k; PFADD k a; PFDEBUG TODENSE k",
				"SET k " + SPARSE_HEADER + "\\x3f\\x7f\\xbe; PFCOUNT k; PFADD k a; GET k; PFDEBUG DECODE k",
				"SET k " + SPARSE_HEADER + "\\x80\\x7f\\xfe; PFCOUNT k; PFADD k a; GET k; PFMERGE d k; GET d",
				"SET k " + SPARSE_HEADER
						+ "\\xfc\\x7f\\xfe; PFCOUNT k; PFADD k a b c; GET k; PFMERGE d k; PFDEBUG ENCODING d",
				"SET k HYLL\\x01\\x00\\x00\\x00\\x05\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\\xff; PFCOUNT k; PFADD k a; GET k",
				"SET k HYLL\\x01\\xff\\xff\\xff\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x80\\x7f\\xff; PFCOUNT k; GET k; PFDEBUG TODENSE k; GETRANGE k 0 15",
				"SET k HYL; PFCOUNT k; PFADD k a; PFMERGE k; PFDEBUG ENCODING k", "SET k HYLLHYLLHYLLHYL; PFCOUNT k",
				"SET k hyll\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x7f\\xff; PFCOUNT k",
				"SET k " + SPARSE_HEADER + "\\x7f\\xff; PFCOUNT k; OBJECT ENCODING k",
				// a command refused by maxmemory (DENYOOM) and one allowed
				"PFADD k a; CONFIG SET maxmemory 1; PFADD k b; PFADD n; PFMERGE k; PFDEBUG TODENSE k; PFCOUNT k; PFCOUNT k k; CONFIG SET maxmemory 0");
	}

	/** Each scenario in RESP2, then again in RESP3 (only PFDEBUG's replies differ). */
	@ParameterizedTest(name = "{0}")
	@MethodSource("edgeCases")
	void repliesAndValuesLikeRedis(String scenario) {
		for (String protocol : List.of("2", "3")) {
			reset();
			hello(protocol);
			for (String command : scenario.split(";")) {
				both(() -> command.trim() + " in RESP" + protocol + " scenario " + scenario, tokens(command.trim()));
			}
			sameKeys(scenario);
		}
	}

	@Test
	void pfselftestPasses() {
		assertThat(both("PFSELFTEST").text()).isEqualTo("OK");
	}

	@Test
	void hugeAndManyElements() {
		byte[] big = new byte[100_000];
		Arrays.fill(big, (byte) 'x');
		both(bytes("PFADD"), bytes("k"), big);
		List<byte[]> add = new ArrayList<>(List.of(bytes("PFADD"), bytes("k")));
		for (int i = 0; i < 5_000; i++) {
			add.add(bytes("element:" + i));
		}
		both(add.toArray(new byte[0][]));
		both("PFDEBUG", "ENCODING", "k");
		both("PFCOUNT", "k");
		sameKeys("huge and many elements");
	}

	/**
	 * A dense HyperLogLog whose registers reach 63 (a run Redis's sparse encoding cannot
	 * hold): merged into a sparse destination, it promotes it.
	 */
	@Test
	void registersAboveTheSparseMaximumPromote() {
		both("PFADD", "d", "a");
		both("PFADD", "s", "b");
		both("PFDEBUG", "TODENSE", "s");
		both("SETRANGE s 100 \\xff\\xff\\xff");
		both("PFCOUNT", "s");
		both("PFCOUNT", "s", "d");
		both("PFMERGE", "d", "s");
		both("PFDEBUG", "ENCODING", "d");
		both("PFCOUNT", "d");
		// a dense value written by SET, with a valid cached cardinality, then made stale
		both("SET c HYLL\\x00\\x00\\x00\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x00");
		both(bytes("SETRANGE"), bytes("c"), bytes("16"), new byte[12288]);
		both("PFCOUNT", "c");
		both("SETRANGE c 15 \\x80");
		both("PFCOUNT", "c");
		sameKeys("registers above the sparse maximum");
	}

	/**
	 * The estimator over register histograms no element set could make in practice:
	 * registers of 51 (the longest run a hash gives, which Ertl's tau term handles),
	 * above it, all zero or one, mostly empty. Dense values written by SET with a stale
	 * cache, so PFCOUNT computes.
	 */
	@Test
	void estimatesOfArbitraryRegistersLikeRedis() {
		Random rnd = new Random(6);
		for (int trial = 0; trial < 60; trial++) {
			int[] regs = new int[16384];
			for (int i = 0; i < regs.length; i++) {
				regs[i] = switch (trial % 6) {
					case 0 -> rnd.nextBoolean() ? 0 : 51;
					case 1 -> rnd.nextInt(64);
					case 2 -> rnd.nextInt(100) == 0 ? 51 : 1 + rnd.nextInt(19);
					case 3 -> rnd.nextDouble() < trial / 60.0 ? 0 : 1 + rnd.nextInt(9);
					case 4 -> 40 + rnd.nextInt(24);
					default -> rnd.nextInt(2);
				};
			}
			byte[] value = dense(regs);
			both(bytes("SET"), bytes("d"), value);
			both("PFCOUNT", "d");
			both(bytes("SET"), bytes("d"), value);
			both("PFCOUNT", "d", "missing");
			both("GET", "d");
		}
	}

	/** A dense HyperLogLog of these registers, its cached cardinality stale. */
	private static byte[] dense(int[] regs) {
		byte[] b = new byte[16 + 12288];
		System.arraycopy(bytes("HYLL"), 0, b, 0, 4);
		b[15] = (byte) 0x80;
		for (int i = 0; i < regs.length; i++) {
			int bit = i * 6;
			int at = 16 + bit / 8;
			int fb = bit % 8;
			b[at] |= (byte) (regs[i] << fb);
			if (fb > 2) {
				b[at + 1] |= (byte) (regs[i] >> (8 - fb));
			}
		}
		return b;
	}

	// ---- tests/unit/hyperloglog.tcl

	@Test
	void hyperLogLogsArePromotedFromSparseToDense() {
		Random rnd = new Random(1);
		both("CONFIG", "SET", "hll-sparse-max-bytes", "3000");
		for (int n = 0; n < 20_000; n += 100) {
			List<String> add = new ArrayList<>(List.of("PFADD", "hll"));
			for (int j = 0; j < 100; j++) {
				add.add(String.valueOf(rnd.nextDouble()));
			}
			both(add.toArray(new String[0]));
			both("PFCOUNT", "hll");
			both("PFDEBUG", "ENCODING", "hll");
			if (n % 1000 == 0) {
				both("GET", "hll");
			}
		}
		sameKeys("promoted from sparse to dense");
	}

	@Test
	void promotionFollowsEachSparseMaximum() {
		Random rnd = new Random(2);
		for (int max : new int[] { 100, 500, 3000 }) {
			both("CONFIG", "SET", "hll-sparse-max-bytes", String.valueOf(max));
			both("DEL", "hll");
			both("PFADD", "hll");
			while (Long.parseLong(both("STRLEN", "hll").text()) <= max) {
				assertThat(both("PFDEBUG", "ENCODING", "hll").text()).isEqualTo("sparse");
				List<String> add = new ArrayList<>(List.of("PFADD", "hll"));
				for (int j = 0; j < 10; j++) {
					add.add(String.valueOf(rnd.nextDouble()));
				}
				both(add.toArray(new String[0]));
				both("GET", "hll");
			}
			assertThat(both("PFDEBUG", "ENCODING", "hll").text()).isEqualTo("dense");
		}
	}

	@Test
	void sparseEncodingStressTest() {
		Random rnd = new Random(3);
		for (int x = 0; x < 200; x++) {
			both("DEL", "hll1", "hll2");
			List<String> elements = new ArrayList<>();
			for (int j = rnd.nextInt(100); j > 0; j--) {
				elements.add(String.valueOf(rnd.nextDouble()));
			}
			both("PFADD", "hll2");
			both("PFDEBUG", "TODENSE", "hll2");
			both(prepend(elements, "PFADD", "hll1"));
			both(prepend(elements, "PFADD", "hll2"));
			assertThat(both("PFDEBUG", "ENCODING", "hll1").text()).isEqualTo("sparse");
			assertThat(both("PFDEBUG", "ENCODING", "hll2").text()).isEqualTo("dense");
			assertThat(both("PFCOUNT", "hll1")).isEqualTo(both("PFCOUNT", "hll2"));
			both("GET", "hll1");
		}
	}

	/**
	 * "Fuzzing dense/sparse encoding: Redis should always detect errors": random bytes
	 * written into random places of sparse and dense values.
	 */
	@Test
	void corruptedValuesAreDetectedLikeRedis() {
		Random rnd = new Random(4);
		for (int j = 0; j < 300; j++) {
			both("DEL", "hll");
			List<String> items = new ArrayList<>();
			for (int i = rnd.nextInt(3000); i > 0; i--) {
				items.add(String.valueOf(rnd.nextDouble()));
			}
			both(prepend(items, "PFADD", "hll"));
			for (int i = 0; i < 5; i++) {
				long len = Long.parseLong(both("STRLEN", "hll").text());
				byte[] b = { (byte) rnd.nextInt(256) };
				both(bytes("SETRANGE"), bytes("hll"), bytes(String.valueOf(rnd.nextInt((int) len))), b);
				if (rnd.nextBoolean()) {
					break;
				}
			}
			both("PFCOUNT", "hll");
			both("PFADD", "hll", "a", "b", String.valueOf(rnd.nextDouble()));
			forgetPastTheEnd("hll", both("GET", "hll"));
			both("PFCOUNT", "hll", "other");
			both("GET", "hll");
		}
	}

	@Test
	void pfcountOfSeveralKeysCountsTheirUnion() {
		Random rnd = new Random(5);
		for (int x = 1; x < 3000; x++) {
			both("PFADD", "hll1", "foo-" + x);
			both("PFADD", "hll2", "bar-" + x);
			both("PFADD", "hll3", "zap-" + x);
			if (x % 50 == 0) {
				both("PFCOUNT", "hll1", "hll2", "hll3");
			}
		}
		both("DEL", "hll1", "hll2", "hll3");
		for (int x = 1; x < 3000; x++) {
			for (int j = 1; j <= 3; j++) {
				both("PFADD", "hll" + j, String.valueOf(rnd.nextInt(20000)));
			}
		}
		both("PFCOUNT", "hll1", "hll2", "hll3");
		both("PFMERGE", "hll", "hll1", "hll2", "hll3");
		both("PFCOUNT", "hll");
		assertThat(both("PFDEBUG", "GETREG", "hll").items()).hasSize(16384);
		sameKeys("union of several keys");
	}

	// ---- random sequences

	@Test
	void randomSequencesLikeRedis() {
		int commands = Integer.getInteger("larder.hll.commands", 120);
		String single = System.getProperty("larder.hll.seed");
		if (single != null && !single.isBlank()) {
			runSequence(Long.parseLong(single.trim()), commands);
			return;
		}
		int sequences = Integer.getInteger("larder.hll.sequences", 40);
		for (long seed = 1; seed <= sequences; seed++) {
			runSequence(seed, commands);
		}
	}

	private void runSequence(long seed, int commands) {
		reset();
		Random rnd = new Random(seed);
		hello(rnd.nextBoolean() ? "3" : "2");
		int[] limits = { 0, 30, 100, 500, 3000, 3000, 12000 };
		both("CONFIG", "SET", "hll-sparse-max-bytes", String.valueOf(limits[rnd.nextInt(limits.length)]));
		String[] keys = { "a", "b", "c", "d" };
		List<String> history = new ArrayList<>();
		for (int step = 0; step < commands; step++) {
			String key = keys[rnd.nextInt(keys.length)];
			double op = rnd.nextDouble();
			byte[][] cmd;
			if (op < 0.5) {
				int[] sizes = { 0, 1, 2, 5, 20, 100, 500 };
				List<String> add = new ArrayList<>(List.of("PFADD", key));
				for (int n = sizes[rnd.nextInt(sizes.length)]; n > 0; n--) {
					add.add(String.valueOf(rnd.nextInt((int) Math.pow(10, 1 + rnd.nextInt(6)))));
				}
				cmd = RespClient.toBytes(add.toArray(new String[0]));
			}
			else if (op < 0.65) {
				cmd = RespClient.toBytes(prepend(someKeys(rnd, keys, 1), "PFCOUNT"));
			}
			else if (op < 0.75) {
				cmd = RespClient.toBytes(prepend(someKeys(rnd, keys, 0), "PFMERGE", key));
			}
			else if (op < 0.8) {
				String[] subs = { "TODENSE", "ENCODING", "DECODE", "GETREG" };
				cmd = RespClient.toBytes("PFDEBUG", subs[rnd.nextInt(subs.length)], key);
			}
			else if (op < 0.9) {
				cmd = corrupted(rnd, key);
			}
			else {
				cmd = RespClient.toBytes("EXPIRE", key, "1000");
			}
			history.add(describe(cmd));
			int at = step;
			Supplier<String> where = () -> "seed " + seed + ", step " + at + ": " + history.get(at)
					+ "\nReplay with -Dlarder.hll.seed=" + seed + "\n  " + String.join("\n  ", history);
			both(where, cmd);
			Resp value = both(where, RespClient.toBytes("GET", key));
			forgetPastTheEnd(key, value);
		}
		sameKeys("seed " + seed);
	}

	/**
	 * Redis reads one byte past the end of a corrupted sparse value that ends in the
	 * first byte of an XZERO opcode, and an update may have left a byte there that later
	 * commands read; the engine keeps no bytes past a value's end (see HyperLogLog). Such
	 * a value is written again on both sides (SET KEEPTTL, whose fresh string ends in a
	 * terminator in Redis too), so that what follows compares like with like.
	 */
	private static void forgetPastTheEnd(String key, Resp value) {
		if (value.isNull() || value.isError() || value.text() == null) {
			return;
		}
		byte[] v = value.text().getBytes(StandardCharsets.ISO_8859_1);
		if (!dev.larder.engine.hll.HyperLogLog.isValid(v) || v[4] != 1) {
			return;
		}
		int p = 16;
		while (p < v.length) {
			p += (v[p] & 0xc0) == 0x40 ? 2 : 1;
		}
		if (p == v.length + 1) {
			both(bytes("SET"), bytes(key), v, bytes("KEEPTTL"));
		}
	}

	/** Up to three distinct keys, at least {@code min}. */
	private static List<String> someKeys(Random rnd, String[] keys, int min) {
		List<String> shuffled = new ArrayList<>(List.of(keys));
		java.util.Collections.shuffle(shuffled, rnd);
		return shuffled.subList(0, min + rnd.nextInt(4 - min));
	}

	/**
	 * A SET of the key's current value (as Redis has it) with a few random bytes changed,
	 * or cut, or lengthened: corrupted HyperLogLogs the next commands must meet as Redis
	 * does. A missing key gets an empty sparse one.
	 */
	private static byte[][] corrupted(Random rnd, String key) {
		Resp current = redisClient.call("GET", key);
		byte[] v = current.isNull() || current.isError() ? unescape(SPARSE_HEADER + "\\x7f\\xff")
				: current.text().getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 1 + rnd.nextInt(3); i > 0 && v.length > 0; i--) {
			v[rnd.nextInt(v.length)] = (byte) rnd.nextInt(256);
		}
		if (rnd.nextInt(10) < 3) {
			v = Arrays.copyOf(v, rnd.nextInt(v.length + 1));
		}
		if (rnd.nextInt(10) < 2) {
			int extra = 1 + rnd.nextInt(5);
			v = Arrays.copyOf(v, v.length + extra);
			for (int i = v.length - extra; i < v.length; i++) {
				v[i] = (byte) rnd.nextInt(256);
			}
		}
		return new byte[][] { bytes("SET"), bytes(key), v };
	}

	// ---- keyspace events and key-change signals

	static Stream<String> eventScenarios() {
		return Stream.of("PFADD k", "PFADD k a; PFADD k a; PFADD k b", "PFADD k a; PFCOUNT k; PFCOUNT k; PFCOUNT k j",
				"PFMERGE d; PFMERGE d; PFADD a x; PFMERGE d a missing",
				"PFADD k a; PFDEBUG TODENSE k; PFDEBUG GETREG k",
				"PFCOUNT missing; PFCOUNT m1 m2; PFMERGE d m1; PFDEBUG ENCODING missing",
				"SET s v; PFADD s a; PFCOUNT s; PFMERGE d s; PFMERGE s",
				"PFADD k a b c; APPEND k x; PFADD k d; PFCOUNT k; PFMERGE d k",
				"PFADD k a; EXPIRE k 100; PFADD k b; PFMERGE k");
	}

	/**
	 * The events each command publishes (KEA: keyevent, keyspace, all classes including
	 * keymiss) are Redis's, in order.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("eventScenarios")
	void keyspaceEventsLikeRedis(String scenario) {
		try (RespClient redisEvents = new RespClient(REDIS.port());
				RespClient engineEvents = new RespClient(engine.port())) {
			both("CONFIG", "SET", "notify-keyspace-events", "KEAmn");
			redisEvents.call("PSUBSCRIBE", "__key*@*__:*");
			engineEvents.call("PSUBSCRIBE", "__key*@*__:*");
			for (String command : scenario.split(";")) {
				both(command.trim());
			}
			assertThat(events(engineClient, engineEvents)).as(scenario).isEqualTo(events(redisClient, redisEvents));
		}
		finally {
			both("CONFIG", "SET", "notify-keyspace-events", "");
		}
	}

	/** The notifications a subscriber received, up to an end marker this publishes. */
	private static List<String> events(RespClient publisher, RespClient subscriber) {
		publisher.call("PUBLISH", END, "end");
		List<String> events = new ArrayList<>();
		while (true) {
			Resp push = subscriber.read();
			String channel = push.items().get(2).text();
			if (channel.equals(END)) {
				return events;
			}
			events.add(channel + " " + push.items().get(3).text());
		}
	}

	static Stream<String> signalScenarios() {
		return Stream.of("PFADD k", "PFADD k a", "PFADD k a; PFADD k a", "PFADD k a; PFADD k", "PFADD k a; PFCOUNT k",
				"PFADD k a; PFCOUNT k; PFCOUNT k", "PFADD k a; PFCOUNT k j", "PFMERGE k", "PFADD a 1; PFMERGE k a",
				"PFADD k a; PFDEBUG TODENSE k", "PFADD k a; PFDEBUG GETREG k", "PFADD k a; PFDEBUG ENCODING k",
				"SET k v; PFADD k a", "PFADD k a; APPEND k x; PFADD k b", "PFADD k a; APPEND k x; PFCOUNT k",
				"PFADD k a; CONFIG SET maxmemory 1; PFADD k b; CONFIG SET maxmemory 0");
	}

	/**
	 * Whether the last command of each scenario signals its key modified (Redis's
	 * signalModifiedKey), seen as Redis's clients see it: a WATCH of the key made before
	 * it fails the EXEC after it. PFCOUNT signals when it writes the cached cardinality.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("signalScenarios")
	void keyChangeSignalsLikeRedis(String scenario) {
		String[] commands = scenario.split(";");
		for (int i = 0; i < commands.length - 1; i++) {
			both(commands[i].trim());
		}
		both("WATCH", "k");
		both(commands[commands.length - 1].trim());
		both("MULTI");
		both("PING");
		both("EXEC");
	}

	// ---- helpers

	/** HELLO on both sides, its reply (server name, client id) not compared. */
	private static void hello(String protocol) {
		assertThat(engineClient.call("HELLO", protocol).isError()).isFalse();
		assertThat(redisClient.call("HELLO", protocol).isError()).isFalse();
	}

	/** Every key the scenario left: type, value bytes, TTL and encoding, as Redis's. */
	private static void sameKeys(String scenario) {
		Resp keys = redisClient.call("KEYS", "*");
		assertThat(sorted(engineClient.call("KEYS", "*"))).as("keys after " + scenario).isEqualTo(sorted(keys));
		for (Resp key : keys.items()) {
			byte[] name = key.text().getBytes(StandardCharsets.ISO_8859_1);
			for (String query : List.of("TYPE", "GET", "TTL", "OBJECT ENCODING")) {
				String[] words = query.split(" ");
				byte[][] cmd = new byte[words.length + 1][];
				for (int i = 0; i < words.length; i++) {
					cmd[i] = bytes(words[i]);
				}
				cmd[words.length] = name;
				Resp theirs = redisClient.call(cmd);
				Resp mine = engineClient.call(cmd);
				if (query.equals("OBJECT ENCODING") && theirs.text().equals("raw") && mine.text().equals("embstr")
						&& (scenario.contains("APPEND") || scenario.contains("SETRANGE"))) {
					// the engine's known gap for strings grown by APPEND or SETRANGE (see
					// Values): Redis keeps them raw whatever their length
					continue;
				}
				if (query.equals("OBJECT ENCODING") && theirs.text().equals("embstr") && mine.text().equals("raw")
						&& validHeader(redisClient.call("GET", key.text()).text())) {
					// the one known gap: a short HyperLogLog written by SET and not yet
					// used by a PF command, embstr in Redis, raw here (strings carry no
					// encoding history in the engine)
					continue;
				}
				assertThat(mine).as(query + " " + key.text() + " after " + scenario).isEqualTo(theirs);
			}
		}
	}

	private static boolean validHeader(String value) {
		return dev.larder.engine.hll.HyperLogLog.isValid(value.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static List<String> sorted(Resp reply) {
		return reply.items().stream().map(Resp::text).sorted().toList();
	}

	private static Resp both(String line) {
		return both(() -> line, tokens(line));
	}

	private static Resp both(String... args) {
		return both(() -> String.join(" ", args), RespClient.toBytes(args));
	}

	private static Resp both(byte[]... args) {
		return both(() -> describe(args), args);
	}

	private static Resp both(Supplier<String> where, byte[]... args) {
		Resp theirs = redisClient.call(args);
		Resp mine = engineClient.call(args);
		if (!mine.equals(theirs)) {
			fail("Engine and Redis disagree on " + where.get() + "\n  engine: " + abbreviate(mine) + "\n  redis:  "
					+ abbreviate(theirs));
		}
		return theirs;
	}

	private static String abbreviate(Resp reply) {
		String s = reply.toString();
		return s.length() > 400 ? s.substring(0, 400) + "..." : s;
	}

	private static String describe(byte[][] args) {
		StringBuilder sb = new StringBuilder();
		for (byte[] a : args) {
			String s = new String(a, StandardCharsets.ISO_8859_1);
			sb.append(s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " bytes)" : s).append(' ');
		}
		return sb.toString().trim();
	}

	private static String[] prepend(List<String> rest, String... head) {
		List<String> all = new ArrayList<>(List.of(head));
		all.addAll(rest);
		return all.toArray(new String[0]);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Splits on spaces, keeping '...' whole ('' is empty); \xNN is a byte. */
	private static byte[][] tokens(String command) {
		List<byte[]> out = new ArrayList<>();
		int i = 0;
		while (i < command.length()) {
			if (command.charAt(i) == ' ') {
				i++;
			}
			else if (command.charAt(i) == '\'') {
				int end = command.indexOf('\'', i + 1);
				out.add(unescape(command.substring(i + 1, end)));
				i = end + 1;
			}
			else {
				int end = command.indexOf(' ', i);
				end = end < 0 ? command.length() : end;
				out.add(unescape(command.substring(i, end)));
				i = end;
			}
		}
		return out.toArray(new byte[0][]);
	}

	private static byte[] unescape(String token) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		for (int i = 0; i < token.length(); i++) {
			if (token.startsWith("\\x", i)) {
				b.write(Integer.parseInt(token.substring(i + 2, i + 4), 16));
				i += 3;
			}
			else {
				b.write(token.charAt(i));
			}
		}
		return b.toByteArray();
	}

}

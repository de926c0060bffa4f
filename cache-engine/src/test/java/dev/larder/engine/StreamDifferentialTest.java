package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stream commands against a real redis-server: each scenario is a list of command
 * lines run in order on a flushed database on both servers, every reply compared. IDs are
 * explicit where the reply would show the clock; the cases of Redis's
 * tests/unit/type/stream.tcl and stream-cgroups.tcl that compare replies are among them.
 * In the lines a space separates arguments and U+2420 stands for a space inside one.
 */
class StreamDifferentialTest {

	@org.junit.jupiter.api.extension.RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	private static RespClient mine;

	private static RespClient theirs;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		mine = new RespClient(engine.port());
		theirs = new RespClient(REDIS.port());
	}

	@AfterAll
	static void stop() {
		if (mine != null) {
			mine.close();
			theirs.close();
		}
		if (engine != null) {
			engine.close();
		}
	}

	static Stream<String> scenarios() {
		return StreamScenarios.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void repliesLikeRedis(String scenario) {
		for (RespClient c : List.of(mine, theirs)) {
			c.call("HELLO", "2");
			c.call("FLUSHALL");
			c.call("CONFIG", "SET", "stream-node-max-entries", "100");
			c.call("CONFIG", "SET", "stream-node-max-bytes", "4096");
		}
		for (String line : scenario.split(" ; ")) {
			boolean compare = !line.startsWith("!");
			byte[][] args = split(compare ? line : line.substring(1));
			Resp expected = normalize(line, theirs.call(args));
			Resp actual = normalize(line, mine.call(args));
			if (compare) {
				assertThat(actual).as(line + "  (in: " + scenario + ")").isEqualTo(expected);
			}
		}
	}

	/**
	 * What depends on the clock or on Redis's radix tree: absolute times (seen-time,
	 * delivery times) and idle times of a few milliseconds become 0, and the value after
	 * radix-tree-nodes (the rax's inner nodes, which the engine does not model) becomes
	 * -1.
	 */
	static Resp normalize(String line, Resp r) {
		boolean idles = line.startsWith("XPENDING") || line.startsWith("XINFO CONSUMERS");
		return normalize(r, idles);
	}

	private static Resp normalize(Resp r, boolean idles) {
		if (r.type() == ':') {
			long v = Long.parseLong(r.text());
			if (v > 1_000_000_000_000L || (idles && v >= 0 && v < 200)) {
				return new Resp(':', "0", r.items());
			}
			return r;
		}
		if (r.items() == null || r.items().isEmpty()) {
			return r;
		}
		List<Resp> out = new ArrayList<>();
		boolean nodes = false;
		for (Resp item : r.items()) {
			if (nodes) {
				out.add(new Resp(':', "-1", null));
				nodes = false;
				continue;
			}
			nodes = item.type() == '$' && "radix-tree-nodes".equals(item.text());
			out.add(normalize(item, idles));
		}
		return new Resp(r.type(), r.text(), out);
	}

	/**
	 * Seeded random appends, deletions, exact and approximate trims (which remove whole
	 * nodes only, so the modelled node boundaries must match Redis's), reads and group
	 * traffic under several node limits; every reply and the final XINFO STREAM FULL
	 * compared.
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
	@org.junit.jupiter.params.provider.ValueSource(ints = { 1, 2, 3, 4, 5, 6 })
	void randomCommandsReplyLikeRedis(int seed) {
		java.util.Random rnd = new java.util.Random(seed);
		String[] entries = { "7", "5", "0", "100", "3", "100" };
		String[] bytes = { "4096", "100", "0", "300", "4096", "2000" };
		List<String> lines = new ArrayList<>();
		lines.add("CONFIG SET stream-node-max-entries " + entries[seed - 1]);
		lines.add("CONFIG SET stream-node-max-bytes " + bytes[seed - 1]);
		lines.add("XGROUP CREATE s g 0 MKSTREAM");
		long ms = 1;
		for (int i = 0; i < 600; i++) {
			int op = rnd.nextInt(100);
			String value = "v".repeat(rnd.nextInt(3) == 0 ? rnd.nextInt(120) : 1) + rnd.nextInt(1000);
			if (op < 45) {
				String fields = rnd.nextBoolean() ? "a " + value : "a " + value + " b " + rnd.nextInt(1 << 20);
				String trim = rnd.nextInt(10) == 0 ? "MAXLEN ~ " + rnd.nextInt(60) + " " : "";
				ms += rnd.nextInt(3);
				lines.add("XADD s " + trim + ms + "-* " + fields);
			}
			else if (op < 55) {
				lines.add("XDEL s " + (1 + rnd.nextInt((int) ms)) + "-" + rnd.nextInt(2) + " "
						+ (1 + rnd.nextInt((int) ms)));
			}
			else if (op < 65) {
				String mode = rnd.nextBoolean() ? "~ " : rnd.nextBoolean() ? "= " : "";
				String limit = mode.equals("~ ") && rnd.nextBoolean() ? " LIMIT " + rnd.nextInt(30) : "";
				lines.add(rnd.nextBoolean() ? "XTRIM s MAXLEN " + mode + rnd.nextInt(80) + limit
						: "XTRIM s MINID " + mode + rnd.nextInt((int) ms + 1) + limit);
			}
			else if (op < 72) {
				lines.add("XRANGE s " + rnd.nextInt((int) ms + 1) + " + COUNT " + rnd.nextInt(5));
			}
			else if (op < 76) {
				lines.add("XREVRANGE s + - COUNT " + rnd.nextInt(5));
			}
			else if (op < 84) {
				lines.add("XREADGROUP GROUP g c" + rnd.nextInt(3) + " COUNT " + rnd.nextInt(4) + " STREAMS s >");
			}
			else if (op < 88) {
				lines.add("XACK s g " + (1 + rnd.nextInt((int) ms)) + "-0");
			}
			else if (op < 91) {
				lines.add("XAUTOCLAIM s g c9 0 0 COUNT " + (1 + rnd.nextInt(5)) + " JUSTID");
			}
			else if (op < 94) {
				lines.add("XINFO GROUPS s");
			}
			else {
				lines.add(rnd.nextBoolean() ? "XLEN s" : "XINFO STREAM s");
			}
		}
		lines.add("XINFO STREAM s FULL COUNT 0");
		lines.add("XPENDING s g");
		repliesLikeRedis(String.join(" ; ", lines));
	}

	static byte[][] split(String line) {
		String[] parts = line.trim().split(" +");
		List<byte[]> out = new ArrayList<>();
		for (String p : parts) {
			out.add(p.replace('\u2420', ' ').replace('\u2400', '\0').getBytes(StandardCharsets.ISO_8859_1));
		}
		return out.toArray(new byte[0][]);
	}

}

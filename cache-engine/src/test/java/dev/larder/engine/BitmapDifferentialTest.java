package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bitmap commands (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD, BITFIELD_RO)
 * and the string commands LCS and SUBSTR against a real redis-server 7.0.15: each script
 * runs on both, in RESP2 and in RESP3, every reply must be equal byte for byte, and so
 * must the keys left behind (their values, types, OBJECT ENCODING and TTL). Edge values
 * first, then the cases of Redis's own tests/unit/bitops.tcl, bitfield.tcl and
 * type/string.tcl that are request and reply, then seeded random sequences with random
 * offsets.
 *
 * <p>
 * Scripts are commands separated by {@code ;}, arguments by spaces; in an argument
 * {@code \xHH} is a byte, {@code \s} a space and {@code ''} the empty string.
 */
class BitmapDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final String MIN = "-9223372036854775808";

	private static final String MAX = "9223372036854775807";

	private static final String RNA1 = "CACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTTCGTCCGGGTGTG";

	private static final String RNA2 = "ATTAAAGGTTTATACCTTCCCAGGTAACAAACCAACCAACTTTCGATCTCTTGTAGATCTGTTCTCTAAACGAACTTTAAAATCTGTGTGGCTGTCACTCGGCTGCATGCTTAGTGCACTCACGCAGTATAATTAATAACTAATTACTGTCGTTGACAGGACACGAGTAACTCGTCTATCTTCTGCAGGCTGCTTACGGTTTCGTCCGTGTTGCAGCCGATCATCAGCACATCTAGGTTT";

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

	static Stream<String> setbitGetbit() {
		return Stream.of("SETBIT k 0 1", "SETBIT k 7 1; SETBIT k 7 1; SETBIT k 7 0", "SETBIT k 8 1; STRLEN k",
				"SETBIT k 100 0; STRLEN k", "SETBIT k -1 1", "SETBIT k 4294967296 1", "SETBIT k " + MAX + " 1",
				"SETBIT k 18446744073709551616 1", "SETBIT k 1.5 1", "SETBIT k +1 1", "SETBIT k 01 1", "SETBIT k x 1",
				"SETBIT k x y", "SETBIT k 0 2", "SETBIT k 0 -1", "SETBIT k 0 10", "SETBIT k 0 x", "SETBIT k 0 01",
				"SETBIT k 0 " + MIN, "SETBIT k 0", "SETBIT k 0 1 1", "RPUSH l a; SETBIT l 0 1",
				"RPUSH l a; SETBIT l -1 1", "RPUSH l a; SETBIT l 0 2", "SET k 1; SETBIT k 6 1; SETBIT k 2 0",
				"SET k 1; SETBIT k 0 0", "SET k @; SETBIT k 2 1; SETBIT k 1 0", "SET k abc EX 100; SETBIT k 100 1",
				"SET k abc EX 100; SETBIT k 0 0", "SETBIT k 0 1; INCR k", "SET k 1; SETBIT k 0 0; INCR k",
				"SETBIT k 0 1; COPY k k2; RENAME k k3", "SET k " + "x".repeat(50) + "; SETBIT k 3 0",
				"SET k " + "x".repeat(50) + "; SETBIT k 3 1", "SETBIT k 351 1", "SETBIT k 359 1", "GETBIT missing 0",
				"SET k `; GETBIT k 0; GETBIT k 1; GETBIT k 2; GETBIT k 3; GETBIT k 8; GETBIT k 100; GETBIT k 10000",
				"SET k 1; GETBIT k 0; GETBIT k 1; GETBIT k 2; GETBIT k 3; GETBIT k 8", "GETBIT k -1",
				"GETBIT k 4294967296", "GETBIT k 4294967295", "GETBIT k x", "RPUSH l a; GETBIT l 0",
				"RPUSH l a; GETBIT l -1", "GETBIT k", "GETBIT k 0 0");
	}

	static Stream<String> bitcount() {
		List<String> out = new ArrayList<>(List.of("BITCOUNT missing", "BITCOUNT missing 0 -1 BIT",
				"BITCOUNT missing 0", "BITCOUNT missing a b", "BITCOUNT missing 0 1 FOO", "BITCOUNT missing -6 -7",
				"RPUSH l a; BITCOUNT l", "RPUSH l a; BITCOUNT l 0 100", "RPUSH l a; BITCOUNT l -6 -7",
				"RPUSH l a; BITCOUNT l -6 -15 BIT", "RPUSH l a; BITCOUNT l a b", "RPUSH l a; BITCOUNT l 0",
				"SET str xxxx; BITCOUNT str 4 10; BITCOUNT str 32 87 BIT",
				"SET str xxxx; BITCOUNT str -6 -7; BITCOUNT str -6 -15 BIT",
				"SET s ''; BITCOUNT s; BITCOUNT s 0 -1 BIT", "SET s \\xaa; BITCOUNT s; BITCOUNT s 0 -1 BIT",
				"SET s \\x00\\x00\\xff; BITCOUNT s; BITCOUNT s 0 -1 bit",
				"SET s 123; BITCOUNT s; BITCOUNT s 0 -1 BIT; BITCOUNT s 1 2 BIT",
				"SET s 1; BITCOUNT s 0; BITCOUNT s 0 1 hello; BITCOUNT s 0 1 hello hello2",
				"SET s 1; BITCOUNT s a b; BITCOUNT s 0 b; BITCOUNT s a 0 FOO",
				"SETBIT foo 0 1; BITCOUNT foo 0 4294967296", "SET str ab; BITCOUNT str 1 -1",
				"SET str __PPxxxxxxxxxxxxxxxxRR__; BITCOUNT str 2 -3", "SET s foobar; BITCOUNT s 0 -1 bit\\x00junk",
				"SET s foobar; BITCOUNT s 0 -1 BYTE\\x00; BITCOUNT s 0 -1 BI"));
		for (String range : List.of("0 -1", "1 -2", "-2 1", "0 1000", "0 -1 BIT", "10 14 BIT", "3 14 bit", "3 29 BIT",
				"10 -34 BIT", "3 -34 BIT", "3 -19 BIT", "-2 1 BIT", "0 1000 BIT", "5 3 BIT", "-6 -7", "-6 -15 BIT",
				"0 1 BYTE", "0 1 byte", "0 1 hello", "-1 -1 bit", "-100 -100", "-1 -100 BIT", "0 0 BIT", "7 7 BIT",
				"8 8 BIT", "47 47 BIT", "48 48 BIT", MIN + " -1", "0 " + MAX + " BIT", MIN + " " + MAX + " BIT",
				MIN + " " + MIN, MAX + " " + MAX + " BIT", "0 -49 BIT", "0 -48 BIT", "-48 -48 BIT")) {
			out.add("SET s foobar; BITCOUNT s " + range);
		}
		return out.stream();
	}

	static Stream<String> bitpos() {
		List<String> out = new ArrayList<>(List.of("BITPOS missing 0", "BITPOS missing 1", "BITPOS missing 0 0 -1 BIT",
				"BITPOS missing 1 0 -1", "BITPOS missing 2", "BITPOS missing x", "BITPOS missing -1",
				"BITPOS missing 1 x y", "BITPOS missing 1 0 1 foo", "BITPOS missing 0 1 hello hello2",
				"RPUSH l a; BITPOS l 0", "RPUSH l a; BITPOS l 1 10 100", "RPUSH l a; BITPOS l a",
				"RPUSH l a; BITPOS l 2", "RPUSH l a; BITPOS l 1 a b", "SET s 1; BITPOS s 0 1 hello hello2",
				"SET s 1; BITPOS s 0 0 1 hello", "SET s 1; BITPOS s a; BITPOS s 0 a b; BITPOS s 0 0 a BIT",
				"SET s 1; BITPOS s 0 a 1 FOO; BITPOS s 0 0 a FOO; BITPOS s 0 0 1 bit\\x00x",
				"SET str \\xff\\xf0\\x00; BITPOS str 0; BITPOS str 0 0 -1 bit; BITPOS str 0 1; BITPOS str 0 1 -1 bit",
				"SET str \\x00\\x0f\\x00; BITPOS str 1; BITPOS str 1 0 -1 bit",
				"SET str \\x00\\x0f\\xff; BITPOS str 1 1; BITPOS str 1 1 -1 bit",
				"SET str \\xff\\xff\\xff; BITPOS str 0; BITPOS str 0 0; BITPOS str 0 0 -1; BITPOS str 0 0 -1 bit",
				"SET str ''; BITPOS str 1; BITPOS str 0; BITPOS str 1 0 -1 bit; BITPOS str 0 0 -1 bit; BITPOS str 0 0",
				"SET str \\x00; BITPOS str 1; BITPOS str 1 0 -1 bit; BITPOS str 0 0 -1 BIT"));
		for (String range : List.of("0 0 -1", "0 1 -1", "0 2 -1", "0 2 200", "0 1 1", "0 0 -1 bit", "0 8 -1 bit",
				"0 16 -1 bit", "0 16 200 bit", "0 8 8 bit", "1 0 -1", "1 1 -1", "1 2 -1", "1 2 200", "1 1 1",
				"1 0 -1 bit", "1 8 -1 bit", "1 16 -1 bit", "1 16 200 bit", "1 8 8 bit", "0 3", "1 3", "0 -1", "1 -1",
				"0 -100", "1 -100 -90", "1 -100 -90 BIT", "0 5 2", "0 5 2 BIT", "1 " + MAX, "0 " + MIN,
				"0 " + MIN + " " + MAX + " BIT", "1 " + MIN + " " + MAX + " BIT", "0 7 9 BIT", "1 7 9 BIT", "0 9 9 BIT",
				"1 9 15 BIT", "0 0 -1 BYTE", "0 0 -1 FOO", "0 23 23 BIT", "0 24 24 BIT", "0 -9 -1 BIT", "1 -17 -9 BIT",
				"0 3 -1 BIT", "1 0 0 BIT", "0 0 0 BIT")) {
			out.add("SET str \\x00\\xff\\x00; BITPOS str " + range);
		}
		for (String range : List.of("0", "0 1", "0 2", "0 8", "0 1 -1 bit", "0 9 -1 bit", "0 33 -1 bit", "0 65 -1 bit",
				"0 1 -1", "0 3 26")) {
			out.add("SET str \\xff\\xff\\xff; APPEND str " + "\\xff".repeat(24) + "; APPEND str \\x0f; BITPOS str "
					+ range);
			out.add("SET str \\x00\\x00\\x00; APPEND str " + "\\x00".repeat(24) + "; APPEND str \\xf0; BITPOS str "
					+ range.replaceFirst("0", "1"));
		}
		return out.stream();
	}

	static Stream<String> bitop() {
		return Stream.of("SET s ''; BITOP NOT dest s; EXISTS dest", "SET s \\xaa\\x00\\xff\\x55; BITOP NOT dest s",
				"SET s \\xaa\\x00\\xff\\x55; BITOP NOT dest s s", "BITOP NOT dest", "BITOP AND dest",
				"SET s \\xaa\\x00\\xff\\x55; BITOP not s s",
				"SET a \\x01\\x02\\xff; BITOP and res1 a; BITOP or res2 a; BITOP xor res3 a",
				"SET a \\x01\\x02\\xff; BITOP and res1 no-such-key a; BITOP or res2 no-such-key a no-such-key; "
						+ "BITOP xor res3 no-such-key a",
				"SET a \\x01\\x02\\xff\\xff; SET b \\x01\\x02\\xff; BITOP and res1 a b; BITOP or res2 a b; "
						+ "BITOP xor res3 a b",
				"SET a 1; SET b 2; BITOP xor dest a b a", "SET a 1; SET b 2; LPUSH c foo; BITOP xor dest a b c d",
				"SET dest v; SET a 1; LPUSH c foo; BITOP or dest a c",
				"SET a " + "\\x00".repeat(32) + "; BITOP or x a b", "SET dest v; BITOP AND dest missing1 missing2",
				"SET dest v EX 100; SET e ''; BITOP OR dest e", "BITOP OR dest missing",
				"SET dest v EX 100; SET a x; BITOP OR dest a", "RPUSH dest a; SET a x; BITOP AND dest a",
				"BITOP FOO dest a", "BITOP ANDX dest a", "BITOP '' dest a", "SET a x; BITOP and\\x00x dest a",
				"SET a x; BITOP Or dest a; BITOP XoR dest a a",
				"SET a " + "ab".repeat(40) + "; SET b " + "\\xf0".repeat(70) + "; SET c " + "q".repeat(33)
						+ "; BITOP AND d1 a b c; BITOP OR d2 a b c; BITOP XOR d3 a b c; BITOP NOT d4 a",
				"LPUSH l a; BITOP NOT dest l", "LPUSH l a; BITOP FOO dest l", "LPUSH l a; BITOP NOT dest l l");
	}

	static Stream<String> bitfield() {
		return Stream.of("BITFIELD k", "BITFIELD_RO k", "RPUSH l a; BITFIELD l", "RPUSH l a; BITFIELD_RO l",
				"RPUSH l a; BITFIELD l GET u8 0", "RPUSH l a; BITFIELD l SET u8 0 1", "RPUSH l a; BITFIELD l GET u8 x",
				"RPUSH l a; BITFIELD_RO l SET u8 0 1", "RPUSH l a; BITFIELD_RO l GET u8 0",
				"BITFIELD bits SET i8 0 -100; BITFIELD bits GET i8 0",
				"BITFIELD bits SET u8 0 255; BITFIELD bits GET u8 0",
				"BITFIELD bits SET u8 #0 255 SET u8 #1 100 GET u8 #1 GET u8 8 GET u16 #0",
				"BITFIELD bits SET u8 #0 65; BITFIELD bits SET u8 #1 66; BITFIELD bits SET u8 #2 67; GET bits",
				"BITFIELD bits SET u8 #0 10; BITFIELD bits INCRBY u8 #0 100; BITFIELD bits INCRBY u8 #0 100",
				"BITFIELD bits INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1",
				"BITFIELD bits INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1 OVERFLOW FAIL INCRBY u2 102 1 "
						+ "OVERFLOW WRAP INCRBY u2 102 9",
				"BITFIELD bits SET u8 0 255 INCRBY u8 0 100", "BITFIELD bits SET u8 0 255 OVERFLOW SAT INCRBY u8 0 100",
				"BITFIELD bits SET u8 0 255 OVERFLOW FAIL INCRBY u8 0 100", "BITFIELD bits SET u8 0 3 INCRBY u8 0 -10",
				"BITFIELD bits OVERFLOW SAT SET u8 0 3 INCRBY u8 0 -10",
				"BITFIELD bits OVERFLOW FAIL SET u8 0 3 INCRBY u8 0 -10",
				"BITFIELD bits SET u8 0 256 GET u8 0 SET u8 0 -1 GET u8 0",
				"BITFIELD bits OVERFLOW SAT SET u8 0 256 GET u8 0 SET u8 0 -1 GET u8 0",
				"BITFIELD bits OVERFLOW FAIL SET u8 0 256 GET u8 0 SET u8 0 -1 GET u8 0",
				"BITFIELD bits SET i8 0 127 INCRBY i8 0 1", "BITFIELD bits OVERFLOW SAT SET i8 0 127 INCRBY i8 0 1",
				"BITFIELD bits OVERFLOW FAIL SET i8 0 127 INCRBY i8 0 1", "BITFIELD bits SET i8 0 -128 INCRBY i8 0 -1",
				"BITFIELD bits OVERFLOW SAT SET i8 0 -128 INCRBY i8 0 -1",
				"BITFIELD bits OVERFLOW FAIL SET i8 0 -128 INCRBY i8 0 -1",
				"BITFIELD bits SET i8 0 200 GET i8 0 SET i8 0 -129 GET i8 0",
				"BITFIELD bits OVERFLOW SAT SET i8 0 200 GET i8 0 SET i8 0 -129 GET i8 0",
				"BITFIELD bits OVERFLOW FAIL SET i8 0 200 SET i8 0 -129 GET i8 0",
				"BITFIELD bits SET i64 0 " + MAX + " INCRBY i64 0 1 INCRBY i64 0 -1",
				"BITFIELD bits OVERFLOW SAT SET i64 0 " + MAX + " INCRBY i64 0 1 INCRBY i64 0 " + MIN,
				"BITFIELD bits OVERFLOW FAIL SET i64 0 " + MIN + " INCRBY i64 0 -1 INCRBY i64 0 " + MAX,
				"BITFIELD bits SET i64 3 " + MIN + " GET i64 3 GET u63 3 GET u63 4 GET i1 3",
				"BITFIELD bits SET u63 0 " + MAX + " INCRBY u63 0 1 GET u63 0",
				"BITFIELD bits OVERFLOW SAT SET u63 0 " + MAX + " INCRBY u63 0 1 INCRBY u63 0 " + MIN,
				"BITFIELD bits OVERFLOW FAIL SET u63 1 -1 SET u63 1 " + MAX + " INCRBY u63 1 " + MAX,
				"BITFIELD bits SET u63 1 -1 GET u63 1", "BITFIELD bits SET i1 0 1 GET i1 0 SET u1 1 3 GET u2 0",
				"BITFIELD bits OVERFLOW SAT INCRBY i1 0 5 INCRBY i1 0 -5 INCRBY u1 1 5 INCRBY u1 1 -5",
				"BITFIELD bits INCRBY i5 100 1 GET u4 0", "BITFIELD bits SET i5 100 0",
				"SET bits 1; BITFIELD bits GET u1 0", "BITFIELD mystring SET i8 0 10 SET i8 64 10 INCRBY i8 10 99900",
				"BITFIELD_RO bits", "BITFIELD_RO bits set u8 0 100 get u8 0", "BITFIELD_RO bits GET u8 0 OVERFLOW FAIL",
				"SET bits abc; BITFIELD_RO bits GET u8 0 GET i16 4 GET u8 #2 GET u8 #3 GET i64 0 GET u63 20",
				"BITFIELD k GET u64 0", "BITFIELD k GET i65 0", "BITFIELD k GET i0 0", "BITFIELD k GET u0 0",
				"BITFIELD k GET x8 0", "BITFIELD k GET I8 0", "BITFIELD k GET i08 0", "BITFIELD k GET '' 0",
				"BITFIELD k GET i 0", "BITFIELD k GET u-1 0", "BITFIELD k GET i8\\x00x 0", "BITFIELD k GET u8",
				"BITFIELD k GET u8 -1", "BITFIELD k GET u8 x", "BITFIELD k GET u8 #", "BITFIELD k GET u8 #-1",
				"BITFIELD k GET u8 #x", "BITFIELD k GET u8 ##1", "BITFIELD k GET u2 #" + MAX,
				"BITFIELD k GET u8 4294967296", "BITFIELD k GET u8 4294967288", "BITFIELD k GET u8 #536870912",
				"BITFIELD k GET i64 #576460752303423488", "BITFIELD k SET u8 0 x", "BITFIELD k SET u8 0",
				"BITFIELD k INCRBY u8 0", "BITFIELD k SET u8 0 1.5", "BITFIELD k OVERFLOW", "BITFIELD k OVERFLOW FOO",
				"BITFIELD k OVERFLOW FOO GET u8 0", "BITFIELD k GET u8 0 OVERFLOW FOO", "BITFIELD k FOO",
				"BITFIELD k GET u8 0 FOO", "BITFIELD k GET u8 x SET u8 0 1", "BITFIELD k SET u8 0 1 GET u64 0",
				"BITFIELD k get\\x00x u8 0 SeT u8 0 1 overflow\\x00 sat", "BITFIELD k GET u8 0 OVERFLOW FAIL",
				"BITFIELD k OVERFLOW FAIL SET u8 0 256", "BITFIELD k OVERFLOW FAIL SET u8 0 256 GET u8 0",
				"BITFIELD k SET u8 0 0", "BITFIELD k GET u8 0", "SET k 1; BITFIELD k SET u8 0 49",
				"SET k 1; BITFIELD k GET u8 0", "SET k 1; BITFIELD k OVERFLOW FAIL INCRBY u8 0 1000",
				"SET k abc EX 100; BITFIELD k SET u8 100 1", "SET k abc; BITFIELD k SET u32 20 1 GET u32 20",
				"BITFIELD k SET i16 3 -2 SET u5 7 31 GET i16 3 GET u5 7 GET u12 0");
	}

	static Stream<String> lcsAndSubstr() {
		return Stream.of("SET virus1 " + RNA1 + "; SET virus2 " + RNA2 + "; LCS virus1 virus2",
				"SET virus1 " + RNA1 + "; SET virus2 " + RNA2 + "; LCS virus1 virus2 LEN",
				"SET virus1 " + RNA1 + "; SET virus2 " + RNA2 + "; LCS virus1 virus2 IDX",
				"SET virus1 " + RNA1 + "; SET virus2 " + RNA2 + "; LCS virus1 virus2 IDX WITHMATCHLEN",
				"SET virus1 " + RNA1 + "; SET virus2 " + RNA2 + "; LCS virus1 virus2 IDX WITHMATCHLEN MINMATCHLEN 5",
				"SET virus1 " + RNA1 + "; SET virus2 " + RNA2 + "; LCS virus1 virus2 MINMATCHLEN 5 WITHMATCHLEN",
				"SET a ohmytext; SET b mynewtext; LCS a b; LCS a b LEN; LCS a b IDX; LCS a b IDX MINMATCHLEN 4 "
						+ "WITHMATCHLEN; LCS a b idx minmatchlen -5 withmatchlen; LCS b a IDX",
				"SET a ohmytext; LCS a b; LCS b a; LCS a b IDX; LCS missing1 missing2 IDX WITHMATCHLEN; LCS x y LEN",
				"SET a abc; SET b abc; LCS a b IDX WITHMATCHLEN; LCS a a IDX",
				"SET a abcabc; SET b cbacba; LCS a b IDX WITHMATCHLEN",
				"SET a 12345; SET b 2345; LCS a b; LCS a b IDX WITHMATCHLEN",
				"SET a a\\x00b\\xffc; SET b \\xff\\x00c; LCS a b; LCS a b IDX",
				"SET a x; LCS a b LEN IDX; LCS a b IDX LEN; LCS a b FOO; LCS a b MINMATCHLEN; LCS a b MINMATCHLEN x",
				"SET a x; LCS a b MINMATCHLEN " + MAX + " IDX; LCS a b LEN LEN WITHMATCHLEN",
				"RPUSH l a; SET a x; LCS l a; LCS a l; LCS l missing; LCS l a FOO; LCS l a LEN IDX", "LCS a",
				"SET key abcde; SUBSTR key 0 0; SUBSTR key 0 3; SUBSTR key -4 -1; SUBSTR key 5 3; SUBSTR key 0 -100",
				"SET key 1234; SUBSTR key 0 2; SUBSTR key -3 -1; SUBSTR key 3 5000; SUBSTR key -5000 10000",
				"SUBSTR missing 0 1; SUBSTR missing x 1", "SET key abc; SUBSTR key x 1; SUBSTR key 0 x",
				"RPUSH l a; SUBSTR l 0 1; SUBSTR l x 1", "SUBSTR key 0", "SET foo bar; SUBSTR foo 0 4294967297");
	}

	/** Strings that Redis keeps raw whatever their content, and those it does not. */
	static Stream<String> encodings() {
		return Stream.of("SET k 1234; SETRANGE k 0 2", "SET k 1234; SETRANGE k 0 ''", "SET k 1234; SETRANGE k 1 3",
				"SET k 1234; SETRANGE k 5 2", "SETRANGE n 1 x", "SETRANGE n 0 12", "SET k 1; APPEND k 2",
				"SET k 1; APPEND k ''", "APPEND n 1", "APPEND n x; APPEND n y", "SET k x; SETBIT k 0 0; COPY k k2",
				"SETBIT k 1 1; SET k 2", "SETBIT k 1 1; GETSET k 2", "SET k 1; SETBIT k 0 0; INCRBY k 5",
				"SETBIT k 0 1; SETBIT k 360 0", "SET a 1; BITOP OR d a", "SET a " + "y".repeat(45) + "; BITOP OR d a",
				"SETBIT k 2 1; SETBIT k 7 1; SETBIT k 5 1; SET j k; GETEX k PERSIST");
	}

	static Stream<Arguments> scripts() {
		return Stream.of(setbitGetbit(), bitcount(), bitpos(), bitop(), bitfield(), lcsAndSubstr(), encodings())
			.flatMap(s -> s)
			.flatMap(script -> Stream.of(Arguments.of(script, 2), Arguments.of(script, 3)));
	}

	@ParameterizedTest(name = "RESP{1}: {0}")
	@MethodSource("scripts")
	void repliesAndKeysLikeRedis(String script, int protocol) {
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("RESET");
			c.call("FLUSHALL");
			c.call("HELLO", Integer.toString(protocol));
		}
		for (String command : script.split(";")) {
			byte[][] args = tokens(command.trim());
			Resp theirs = redisClient.call(args);
			assertThat(engineClient.call(args)).as(command).isEqualTo(theirs);
		}
		assertThat(keys(engineClient)).as("keys after " + script).isEqualTo(keys(redisClient));
	}

	/**
	 * Every BYTE and BIT range of BITCOUNT and BITPOS over a short string, negative and
	 * past-the-end indexes included: the edge arithmetic of bitops.c (masks of the first
	 * and last bytes, an explicit end for clear bits), as bitops.tcl's "BITPOS/BITCOUNT
	 * fuzzy testing using SETBIT" probes it, exhaustively.
	 */
	@ParameterizedTest
	@MethodSource("rangeProbes")
	void everyRangeCountsAndFindsLikeRedis(String value) {
		byte[] v = tokens(value)[0];
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("RESET");
			c.call(bytes("SET"), bytes("s"), v);
		}
		int bits = v.length * 8;
		for (String unit : List.of("BYTE", "BIT")) {
			int bound = unit.equals("BIT") ? bits + 2 : v.length + 2;
			for (int start = -bound; start <= bound; start++) {
				for (int end = -bound; end <= bound; end++) {
					String range = start + " " + end + " " + unit;
					for (String command : List.of("BITCOUNT s " + range, "BITPOS s 0 " + range,
							"BITPOS s 1 " + range)) {
						byte[][] args = tokens(command);
						assertThat(engineClient.call(args)).as(value + ": " + command)
							.isEqualTo(redisClient.call(args));
					}
				}
			}
		}
	}

	static Stream<String> rangeProbes() {
		return Stream.of("\\x00\\xff\\x00", "\\xff\\xff\\xff", "\\x81\\x7e\\x18", "\\x01");
	}

	/**
	 * SETBIT's offsets and LCS's table are bounded by proto-max-bulk-len, as CONFIG SET
	 * leaves it.
	 */
	@Test
	void protoMaxBulkLenBoundsOffsetsAndTheLcsTable() {
		String big1 = "ab".repeat(300);
		String big2 = "ba".repeat(300);
		try {
			for (RespClient c : List.of(engineClient, redisClient)) {
				c.call("RESET");
				c.call("FLUSHALL");
				assertThat(c.call("CONFIG", "SET", "proto-max-bulk-len", "1048576").text()).isEqualTo("OK");
			}
			for (String command : List.of("SETBIT k 8388608 1", "SETBIT k 8388607 1", "STRLEN k", "GETBIT k 8388608",
					"BITFIELD k GET u8 8388607", "BITFIELD k SET u8 8388607 255", "STRLEN k",
					"BITFIELD k SET i8 #1048576 1", "SET a " + big1, "SET b " + big2, "LCS a b LEN",
					"SET b " + big2.substring(0, 400), "LCS a b LEN")) {
				byte[][] args = tokens(command);
				assertThat(engineClient.call(args)).as(command).isEqualTo(redisClient.call(args));
			}
		}
		finally {
			for (RespClient c : List.of(engineClient, redisClient)) {
				c.call("CONFIG", "SET", "proto-max-bulk-len", "536870912");
			}
		}
	}

	/**
	 * BITFIELD's key flags follow the subcommands (bitfieldGetKeys): read-only for GET
	 * and OVERFLOW alone.
	 */
	@Test
	void bitfieldKeyFlagsFollowItsSubcommands() {
		for (String command : List.of("COMMAND GETKEYSANDFLAGS BITFIELD k GET u8 0",
				"COMMAND GETKEYSANDFLAGS BITFIELD k OVERFLOW SAT GET u8 0", "COMMAND GETKEYSANDFLAGS BITFIELD k",
				"COMMAND GETKEYSANDFLAGS BITFIELD k GET u8 0 SET u8 0 1",
				"COMMAND GETKEYSANDFLAGS BITFIELD k INCRBY u8 0 1", "COMMAND GETKEYSANDFLAGS BITFIELD k FOO",
				"COMMAND GETKEYSANDFLAGS BITFIELD k GET u8", "COMMAND GETKEYSANDFLAGS BITFIELD_RO k GET u8 0",
				"COMMAND GETKEYSANDFLAGS BITOP AND d a b", "COMMAND GETKEYSANDFLAGS LCS a b",
				"COMMAND GETKEYS SUBSTR k 0 1", "COMMAND GETKEYSANDFLAGS SETBIT k 0 1")) {
			byte[][] args = tokens(command);
			assertThat(engineClient.call(args)).as(command).isEqualTo(redisClient.call(args));
		}
	}

	/**
	 * Seeded random sequences of the family with random offsets, widths and values, on a
	 * few keys: every reply and the final keys must be Redis's. Replay one with
	 * {@code -Dlarder.bitmap.seed=S}.
	 */
	@Test
	void randomBitmapSequencesReplyLikeRedis() {
		String single = System.getProperty("larder.bitmap.seed");
		int sequences = Integer.getInteger("larder.bitmap.sequences", 40);
		int commands = Integer.getInteger("larder.bitmap.commands", 150);
		long first = single != null ? Long.parseLong(single) : 1;
		long last = single != null ? first : sequences;
		for (long seed = first; seed <= last; seed++) {
			Random rnd = new Random(seed);
			int protocol = rnd.nextBoolean() ? 3 : 2;
			for (RespClient c : List.of(engineClient, redisClient)) {
				c.call("RESET");
				c.call("FLUSHALL");
				c.call("HELLO", Integer.toString(protocol));
			}
			List<String> history = new ArrayList<>();
			for (int step = 0; step < commands; step++) {
				byte[][] args = randomCommand(rnd);
				history.add(render(args));
				Resp theirs = redisClient.call(args);
				Resp mine = engineClient.call(args);
				assertThat(mine)
					.as("seed %d step %d RESP%d: %s%nsequence:%n  %s", seed, step, protocol, history.get(step),
							String.join("\n  ", history))
					.isEqualTo(theirs);
			}
			assertThat(keys(engineClient)).as("keys after seed %d", seed).isEqualTo(keys(redisClient));
		}
	}

	private static final String[] KEYS = { "a", "b", "c", "n" };

	private static byte[][] randomCommand(Random rnd) {
		String key = KEYS[rnd.nextInt(KEYS.length)];
		List<String> a = new ArrayList<>();
		switch (rnd.nextInt(12)) {
			case 0, 1 -> a.addAll(List.of("SETBIT", key, offset(rnd), rnd.nextInt(8) == 0 ? "2" : bit(rnd)));
			case 2 -> a.addAll(List.of("GETBIT", key, offset(rnd)));
			case 3 -> {
				a.addAll(List.of("BITCOUNT", key));
				if (rnd.nextInt(3) > 0) {
					a.addAll(List.of(index(rnd), index(rnd)));
					if (rnd.nextBoolean()) {
						a.add(rnd.nextBoolean() ? "BIT" : "BYTE");
					}
				}
			}
			case 4 -> {
				a.addAll(List.of("BITPOS", key, bit(rnd)));
				int n = rnd.nextInt(4);
				if (n > 0) {
					a.add(index(rnd));
				}
				if (n > 1) {
					a.add(index(rnd));
				}
				if (n > 2) {
					a.add(rnd.nextBoolean() ? "BIT" : "BYTE");
				}
			}
			case 5 -> {
				String op = List.of("AND", "OR", "XOR", "NOT").get(rnd.nextInt(4));
				a.addAll(List.of("BITOP", op, KEYS[rnd.nextInt(KEYS.length)], key));
				if (!op.equals("NOT")) {
					for (int i = rnd.nextInt(3); i > 0; i--) {
						a.add(KEYS[rnd.nextInt(KEYS.length)]);
					}
				}
			}
			case 6, 7, 8 -> {
				a.addAll(List.of(rnd.nextInt(6) == 0 ? "BITFIELD_RO" : "BITFIELD", key));
				for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
					bitfieldOp(rnd, a);
				}
			}
			case 9 -> a.addAll(List.of("SET", key, randomValue(rnd)));
			case 10 -> a.addAll(List.of(rnd.nextBoolean() ? "APPEND" : "SETRANGE", key));
			default -> a.addAll(List.of("DEL", key));
		}
		if (a.get(0).equals("APPEND")) {
			a.add(randomValue(rnd));
		}
		else if (a.get(0).equals("SETRANGE")) {
			a.add(Integer.toString(rnd.nextInt(20)));
			a.add(randomValue(rnd));
		}
		byte[][] out = new byte[a.size()][];
		for (int i = 0; i < out.length; i++) {
			out[i] = a.get(i).getBytes(StandardCharsets.ISO_8859_1);
		}
		return out;
	}

	private static void bitfieldOp(Random rnd, List<String> a) {
		switch (rnd.nextInt(7)) {
			case 0 -> a.addAll(List.of("OVERFLOW", List.of("WRAP", "SAT", "FAIL").get(rnd.nextInt(3))));
			case 1, 2 -> a.addAll(List.of("GET", type(rnd), fieldOffset(rnd)));
			case 3, 4 -> a.addAll(List.of("SET", type(rnd), fieldOffset(rnd), fieldValue(rnd)));
			default -> a.addAll(List.of("INCRBY", type(rnd), fieldOffset(rnd), fieldValue(rnd)));
		}
	}

	private static String type(Random rnd) {
		boolean signed = rnd.nextBoolean();
		int bits = rnd.nextInt(5) == 0 ? (signed ? 64 : 63) : 1 + rnd.nextInt(signed ? 64 : 63);
		return (signed ? "i" : "u") + bits;
	}

	private static String fieldOffset(Random rnd) {
		return rnd.nextInt(4) == 0 ? "#" + rnd.nextInt(12) : Integer.toString(rnd.nextInt(200));
	}

	private static String fieldValue(Random rnd) {
		return switch (rnd.nextInt(5)) {
			case 0 -> Long.toString(rnd.nextLong());
			case 1 -> rnd.nextBoolean() ? MAX : MIN;
			case 2 -> Long.toString(rnd.nextInt(600) - 300);
			default -> Long.toString((rnd.nextBoolean() ? 1L : -1L) << rnd.nextInt(64));
		};
	}

	private static String offset(Random rnd) {
		return switch (rnd.nextInt(8)) {
			case 0 -> Integer.toString(rnd.nextInt(4096));
			case 1 -> "-" + rnd.nextInt(3);
			default -> Integer.toString(rnd.nextInt(300));
		};
	}

	private static String bit(Random rnd) {
		return rnd.nextBoolean() ? "1" : "0";
	}

	private static String index(Random rnd) {
		return switch (rnd.nextInt(6)) {
			case 0 -> Integer.toString(-rnd.nextInt(400));
			case 1 -> rnd.nextBoolean() ? MAX : MIN;
			default -> Integer.toString(rnd.nextInt(400));
		};
	}

	private static String randomValue(Random rnd) {
		StringBuilder b = new StringBuilder();
		int n = rnd.nextInt(4) == 0 ? rnd.nextInt(60) : rnd.nextInt(8);
		if (rnd.nextInt(4) == 0) {
			return Long.toString(rnd.nextInt(100000));
		}
		for (int i = 0; i < n; i++) {
			b.append((char) (rnd.nextBoolean() ? rnd.nextInt(256) : rnd.nextBoolean() ? 0xff : 0));
		}
		return b.toString();
	}

	/** The keys and, for each, its type, TTL, and for strings value and encoding. */
	private static List<String> keys(RespClient c) {
		List<String> out = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Resp key : c.call("KEYS", "*").items()) {
			names.add(key.text());
		}
		names.sort(null);
		for (String name : names) {
			byte[] key = name.getBytes(StandardCharsets.ISO_8859_1);
			String type = c.call(bytes("TYPE"), key).text();
			String line = name + " " + type + " ttl=" + c.call(bytes("TTL"), key).text();
			if (type.equals("string")) {
				line += " " + c.call(bytes("OBJECT"), bytes("ENCODING"), key).text() + " " + render(
						new byte[][] { c.call(bytes("GET"), key).text().getBytes(StandardCharsets.ISO_8859_1) });
			}
			out.add(line);
		}
		return out;
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Arguments as \xHH-escaped text, for messages. */
	private static String render(byte[][] args) {
		StringBuilder b = new StringBuilder();
		for (byte[] arg : args) {
			if (b.length() > 0) {
				b.append(' ');
			}
			for (byte x : arg) {
				int v = x & 0xff;
				if (v > 0x20 && v < 0x7f && v != '\\') {
					b.append((char) v);
				}
				else {
					b.append(String.format("\\x%02x", v));
				}
			}
		}
		return b.toString();
	}

	/**
	 * Splits a command: {@code \xHH} is a byte, {@code \s} a space, '' an empty string.
	 */
	static byte[][] tokens(String command) {
		String[] parts = command.split(" ");
		byte[][] out = new byte[parts.length][];
		for (int i = 0; i < parts.length; i++) {
			String p = parts[i];
			if (p.equals("''")) {
				out[i] = new byte[0];
				continue;
			}
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			for (int j = 0; j < p.length(); j++) {
				char ch = p.charAt(j);
				if (ch == '\\' && j + 1 < p.length() && p.charAt(j + 1) == 'x' && j + 3 < p.length()) {
					b.write(Integer.parseInt(p.substring(j + 2, j + 4), 16));
					j += 3;
				}
				else if (ch == '\\' && j + 1 < p.length() && p.charAt(j + 1) == 's') {
					b.write(' ');
					j++;
				}
				else {
					b.write(ch);
				}
			}
			out[i] = b.toByteArray();
		}
		return out;
	}

}

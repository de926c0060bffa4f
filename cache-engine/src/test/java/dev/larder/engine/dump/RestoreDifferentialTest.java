package dev.larder.engine.dump;

import static dev.larder.engine.dump.DumpRestoreDifferentialTest.args;
import static dev.larder.engine.dump.DumpRestoreDifferentialTest.bytes;
import static dev.larder.engine.dump.DumpRestoreDifferentialTest.hex;
import static dev.larder.engine.dump.DumpRestoreDifferentialTest.latin1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RESTORE against a real redis-server 7.0.15: every option and error in Redis's order of
 * checks, the convertible cases of tests/unit/dump.tcl, the older formats Redis 7.0 still
 * loads (ziplists, zipmaps, the old list, set, zset and hash types, quicklists of
 * ziplists), corrupt payloads (those of tests/integration/corrupt-dump.tcl, truncations,
 * lengths far beyond the payload, a seeded run of random single-byte corruptions), the
 * keyspace events and WATCH. Corrupt payloads run with sanitize-dump-payload yes on both
 * servers, so that Redis refuses them as the engine always does instead of crashing.
 *
 * <p>
 * In command lines {@code $P} stands for a payload of the string "bar" (made by
 * redis-server) and {@code $L} for one of the list [a, b, c].
 */
class RestoreDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	private static RespClient mine;

	private static RespClient theirs;

	private static byte[] stringPayload;

	private static byte[] listPayload;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
		mine = new RespClient(engine.port());
		theirs = new RespClient(REDIS.port());
		theirs.call("SET", "src", "bar");
		stringPayload = bytes(theirs.call("DUMP", "src"));
		theirs.call("RPUSH", "lsrc", "a", "b", "c");
		listPayload = bytes(theirs.call("DUMP", "lsrc"));
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
			c.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
			c.call("CONFIG", "SET", "notify-keyspace-events", "");
		}
	}

	static Stream<String> scenarios() {
		return Stream.of(
				// dump.tcl
				"SET foo bar; DUMP foo", "RESTORE foo 0 $P; EXISTS foo; TTL foo; GET foo",
				"RESTORE foo 5000 $P; TTL foo; GET foo", "RESTORE foo 2569591501 $P; TTL foo; GET foo",
				"SET foo bar; RESTORE foo 0 $P", "SET foo bar1; RESTORE foo 0 $L REPLACE; LRANGE foo 0 -1; TYPE foo",
				"RESTORE foo 0 ... invalid-option", "DUMP nonexisting_key", "RESTORE test 0 \\x00\\x81",
				"RESTORE foo 0 $P IDLETIME 500; GET foo", "RESTORE foo 1000 $P IDLETIME 500; GET foo",
				// TTLs: zero, relative, absolute, already past, overflowing
				"RESTORE k 0 $P ABSTTL; TTL k", "RESTORE k 1 $P ABSTTL; EXISTS k",
				"SET k v; RESTORE k 1 $P ABSTTL REPLACE; EXISTS k", "SET k v; RESTORE k 1 $P ABSTTL; GET k",
				"RESTORE k 9223372036854775807 $P; EXISTS k", "RESTORE k 9223372036854775807 $P ABSTTL; TTL k",
				"RESTORE k 100000 $P; TTL k", "RESTORE k 33177600000000 $P ABSTTL; EXPIRETIME k",
				"SET k v EX 100; RESTORE k 0 $P REPLACE; TTL k",
				// errors, in Redis's order
				"RESTORE k -1 $P", "RESTORE k abc $P", "RESTORE k 1.5 $P", "RESTORE k 0 garbage", "RESTORE k 0 ''",
				"SET k v; RESTORE k -1 garbage", "SET k v; RESTORE k 0 garbage", "RESTORE k -1 garbage",
				"RESTORE k 0 garbage FREQ 300", "RESTORE k 0 $P IDLETIME", "RESTORE k 0 $P FREQ",
				"RESTORE k 0 $P IDLETIME -1", "RESTORE k 0 $P IDLETIME x", "RESTORE k 0 $P FREQ 256",
				"RESTORE k 0 $P FREQ -1", "RESTORE k 0 $P FREQ x", "RESTORE k 0 $P IDLETIME 1 FREQ 1",
				"RESTORE k 0 $P FREQ 1 IDLETIME 1", "RESTORE k 0 $P IDLETIME 10 IDLETIME 20; GET k",
				"RESTORE k 0 $P FREQ 10 FREQ 20; GET k", "RESTORE k 0 $P replace absttl Replace; GET k",
				"RESTORE k 0 $P IDLETIME 9223372036854775807; GET k", "RESTORE k 0 $P REPLACE FOO",
				"RESTORE k 0 $P FREQ 255 REPLACE; GET k", "RESTORE k 0 $P FREQ 0; GET k", "DUMP", "DUMP a b",
				"RESTORE k 0", "RESTORE k", "RPUSH k a; DUMP missing",
				// LFU and LRU
				"CONFIG SET maxmemory-policy allkeys-lfu; RESTORE k 0 $P FREQ 100; OBJECT FREQ k",
				"CONFIG SET maxmemory-policy allkeys-lfu; RESTORE k 0 $P IDLETIME 100; GET k",
				"CONFIG SET maxmemory-policy allkeys-lru; RESTORE k 0 $P FREQ 100; OBJECT FREQ k",
				// databases and transactions
				"SELECT 1; RESTORE k 0 $P; GET k; SELECT 0; EXISTS k",
				"MULTI; RESTORE k 0 $P; RESTORE k 0 $P; GET k; EXEC", "MULTI; DUMP k; EXEC");
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void behavesAsRedis(String scenario) {
		for (String command : scenario.split("; ")) {
			byte[][] line = payloads(args(command));
			Resp redis = theirs.call(line);
			Resp ours = mine.call(line);
			assertThat(ours).as(command).isEqualTo(redis);
		}
		mine.call("SELECT", "0");
		theirs.call("SELECT", "0");
	}

	private static byte[][] payloads(byte[][] line) {
		for (int i = 0; i < line.length; i++) {
			String token = new String(line[i], java.nio.charset.StandardCharsets.ISO_8859_1);
			if (token.equals("$P")) {
				line[i] = stringPayload;
			}
			else if (token.equals("$L")) {
				line[i] = listPayload;
			}
			else if (token.startsWith("\\x")) {
				line[i] = Payloads.tcl(token);
			}
		}
		return line;
	}

	@Test
	void idleTimeIsKept() {
		for (RespClient c : List.of(mine, theirs)) {
			c.call("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
			c.call(payloads(args("RESTORE foo 0 $P IDLETIME 1000")));
			long idle = Long.parseLong(c.call("OBJECT", "IDLETIME", "foo").text());
			assertThat(idle).isBetween(1000L, 1010L);
			assertThat(c.call("PTTL", "foo").text()).isEqualTo("-1");
		}
	}

	@Test
	void relativeAndAbsoluteTtls() {
		for (RespClient c : List.of(mine, theirs)) {
			c.call(payloads(args("RESTORE foo 5000 $P")));
			assertThat(Long.parseLong(c.call("PTTL", "foo").text())).isBetween(3000L, 5000L);
			long now = System.currentTimeMillis();
			c.call(payloads(args("RESTORE bar " + (now + 3000) + " $P ABSTTL")));
			assertThat(Long.parseLong(c.call("PTTL", "bar").text())).isBetween(2000L, 3100L);
		}
	}

	static Stream<Arguments> legacyPayloads() {
		ByteSink zset3 = new ByteSink(16);
		zset3.write(RdbTypes.ZSET);
		zset3.write(3);
		Payloads.rawString(zset3, "a");
		Payloads.rawString(zset3, "1.5");
		Payloads.rawString(zset3, "b");
		zset3.write(254);
		Payloads.rawString(zset3, "c");
		zset3.write(255);
		ByteSink hash4 = new ByteSink(16);
		hash4.write(RdbTypes.HASH);
		hash4.write(2);
		for (String s : List.of("f", "v", "g", "12")) {
			Payloads.rawString(hash4, s);
		}
		ByteSink quicklist = new ByteSink(16);
		quicklist.write(RdbTypes.LIST_QUICKLIST);
		quicklist.write(3);
		for (byte[] zl : List.of(Payloads.ziplist("a", "b"), Payloads.ziplist(), Payloads.ziplist("1", "c"))) {
			DumpWriter w = new DumpWriter(false, -2);
			w.writeString(zl);
			quicklist.write(w.out().toByteArray());
		}
		ByteSink plain = new ByteSink(16);
		plain.write(RdbTypes.LIST_QUICKLIST_2);
		plain.write(2);
		plain.write(RdbTypes.QUICKLIST_NODE_PLAIN);
		Payloads.rawString(plain, "big");
		plain.write(RdbTypes.QUICKLIST_NODE_PACKED);
		DumpWriter lp = new DumpWriter(false, -2);
		lp.writeString(new Listpack().append(latin1("x")).append(latin1("7")).finish());
		plain.write(lp.out().toByteArray());
		Listpack bigHash = new Listpack();
		for (int i = 0; i < 600; i++) {
			bigHash.append(latin1("f" + i)).append(latin1(Integer.toString(i)));
		}
		long[] many = IntStream.range(0, 600).asLongStream().toArray();
		return Stream.of(
				Arguments.of("list ziplist",
						Payloads.blob(RdbTypes.LIST_ZIPLIST, Payloads.ziplist("a", "b", "1", "-5"))),
				Arguments.of("quicklist of ziplists", quicklist.toByteArray()),
				Arguments.of("quicklist 2 with a plain node", plain.toByteArray()),
				Arguments.of("hash ziplist",
						Payloads.blob(RdbTypes.HASH_ZIPLIST, Payloads.ziplist("f", "v", "a", "1"))),
				Arguments.of("zset ziplist",
						Payloads.blob(RdbTypes.ZSET_ZIPLIST, Payloads.ziplist("c", "-3", "a", "1", "b", "2.5"))),
				Arguments.of("zipmap", Payloads.blob(RdbTypes.HASH_ZIPMAP, Payloads.zipmap("f", "v", "k", "w"))),
				Arguments.of("intset", Payloads.blob(RdbTypes.SET_INTSET, Intset.write(new long[] { -70000, 1, 3 }))),
				Arguments.of("big intset", Payloads.blob(RdbTypes.SET_INTSET, Intset.write(many))),
				Arguments.of("old list", Payloads.strings(RdbTypes.LIST, "a", "b", "c")),
				Arguments.of("old set of integers", Payloads.strings(RdbTypes.SET, "3", "1", "2")),
				Arguments.of("old set", Payloads.strings(RdbTypes.SET, "a", "b")),
				Arguments.of("old zset", zset3.toByteArray()), Arguments.of("old hash", hash4.toByteArray()),
				Arguments.of("big hash listpack", Payloads.blob(RdbTypes.HASH_LISTPACK, bigHash.finish())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("legacyPayloads")
	void loadsOlderFormatsAsRedis(String name, byte[] body) {
		for (int version : new int[] { RdbTypes.RDB_VERSION, 6 }) {
			mine.call("FLUSHALL");
			theirs.call("FLUSHALL");
			byte[] payload = Payloads.withFooter(body, version);
			Resp redis = theirs.call(latin1("RESTORE"), latin1("k"), latin1("0"), payload);
			assertThat(mine.call(latin1("RESTORE"), latin1("k"), latin1("0"), payload)).as(name).isEqualTo(redis);
			assertThat(redis.text()).isEqualTo("OK");
			String encoding = theirs.call("OBJECT", "ENCODING", "k").text();
			assertThat(mine.call("OBJECT", "ENCODING", "k").text()).isEqualTo(encoding);
			if (theirs.call("TYPE", "k").text().equals("list")) {
				// Redis keeps a restored quicklist's nodes as they were; the engine's
				// list
				// has none and cuts its payload as a list pushed at the tail
				assertThat(mine.call("LRANGE", "k", "0", "-1")).isEqualTo(theirs.call("LRANGE", "k", "0", "-1"));
			}
			else if (!encoding.equals("hashtable")) {
				assertThat(hex(bytes(mine.call("DUMP", "k")))).isEqualTo(hex(bytes(theirs.call("DUMP", "k"))));
			}
			else {
				assertThat(mine.call("SCARD", "k")).isEqualTo(theirs.call("SCARD", "k"));
				assertThat(mine.call("HLEN", "k")).isEqualTo(theirs.call("HLEN", "k"));
			}
		}
	}

	static Stream<String> corruptPayloads() {
		List<String> tcl = List.of(
				// tests/integration/corrupt-dump.tcl
				"\\x0E\\x01\\x1D\\x1D\\x00\\x00\\x00\\x16\\x00\\x00\\x00\\x03\\x00\\x00\\x04\\x43\\x43\\x43\\x43\\x06\\x04\\x42\\x42\\x42\\x42\\x06\\x3F\\x41\\x41\\x41\\x41\\xFF\\x09\\x00\\x88\\xA5\\xCA\\xA8\\xC5\\x41\\xF4\\x35",
				"\\x0D\\x1B\\x1B\\x00\\x00\\x00\\x16\\x00\\x00\\x00\\x04\\x00\\x00\\x02\\x61\\x00\\x04\\x02\\x62\\x00\\x04\\x14\\x63\\x00\\x04\\x02\\x64\\x00\\xFF\\x09\\x00\\xD9\\x10\\x54\\x92\\x15\\xF5\\x5F\\x52",
				"\\x0D\\x1B\\x25\\x00\\x00\\x00\\x16\\x00\\x00\\x00\\x04\\x00\\x00\\x02\\x61\\x00\\x04\\x02\\x62\\x00\\x04\\x02\\x63\\x00\\x04\\x02\\x64\\x00\\xFF\\x09\\x00\\xB7\\xF7\\x6E\\x9F\\x43\\x43\\x14\\xC6",
				"\\x0D\\x1B\\x1B\\x00\\x00\\x00\\x16\\x00\\x00\\x00\\x04\\x00\\x00\\x02\\x61\\x00\\x04\\x02\\x62\\x00\\x04\\x02\\x61\\x00\\x04\\x02\\x64\\x00\\xFF\\x09\\x00\\xA1\\x98\\x36\\x78\\xCC\\x8E\\x93\\x2E",
				"\\x0E\\x01\\x13\\x13\\x00\\x00\\x00\\x0E\\x00\\x00\\x00\\x02\\x00\\x00\\x02\\x61\\x00\\x0E\\x02\\x62\\x00\\xFF\\x09\\x00\\x49\\x97\\x30\\xB2\\x0D\\xA1\\xED\\xAA",
				"\\x0E\\x01\\x13\\x13\\x00\\x00\\x00\\x0E\\x00\\x00\\x00\\x02\\x00\\x00\\x02\\x61\\x00\\x02\\x02\\x62\\x00\\xFF\\x09\\x00\\xC7\\x71\\x03\\x97\\x07\\x75\\xB0\\x63",
				"\\x0E\\x01\\x13\\x13\\x00\\x00\\x00\\x0E\\x00\\x00\\x00\\x03\\x00\\x00\\x02\\x61\\x00\\x04\\x02\\x62\\x00\\xFF\\x09\\x00\\x4D\\xE2\\x0A\\x2F\\x08\\x25\\xDF\\x91",
				"\\x0E\\x01\\x80\\x00\\x00\\x00\\x10\\x41\\x41\\x41\\x41\\x41\\x41\\x41\\x41\\x02\\x00\\x00\\x80\\x41\\x41\\x41\\x41\\x07\\x00\\x03\\xC7\\x1D\\xEF\\x54\\x68\\xCC\\xF3",
				"\\x0E\\x01\\x0B\\x0B\\x00\\x00\\x00\\x0A\\x00\\x00\\x00\\x00\\x00\\xFF\\x09\\x00\\xC2\\x69\\x37\\x83\\x3C\\x7F\\xFE\\x6F",
				"\\x12\\x01\\x01\\x00\\x0a\\x00\\x8f\\xc6\\xc0\\x57\\x1c\\x0a\\xb3\\x3c",
				"\\x12\\x01\\x02\\x0b\\x0b\\x00\\x00\\x00\\x01\\x00\\x81\\x61\\x02\\xff\\xff\\x0a\\x00\\x7e\\xd8\\xde\\x5b\\x0d\\xd7\\x70\\xb8",
				"\\x0A\\x80\\x00\\x00\\x00\\x10\\x41\\x41\\x41\\x41\\x41\\x41\\x41\\x41\\x02\\x00\\x00\\x80\\x41\\x41\\x41\\x41\\x07\\x00\\x39\\x5B\\x49\\xE0\\xC1\\xC6\\xDD\\x76",
				// tests/unit/dump.tcl: a 64-bit length of almost 2^64 (the CRC is wrong
				// too)
				"\\x00\\x81\\xFF\\xFF\\xFF\\xFF\\xFF\\xFF\\xFF\\xF7\\x0c\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00");
		List<String> hexes = new ArrayList<>();
		for (String t : tcl) {
			hexes.add(hex(Payloads.tcl(t)));
		}
		// lengths far beyond the payload, with valid footers
		for (String body : List.of("0080ffffffff", "0081" + "00000001" + "00000000", "0081ffffffffffffff00",
				"01" + "80ffffffff" + "0161", "02" + "81" + "0000000100000000", "04" + "80ffffffff", "05" + "0bff",
				"12" + "80ffffffff" + "02", "00c3" + "05" + "80ffffffff" + "0161", "00c3" + "80ffffffff" + "05",
				"00c3" + "0200", "00c3" + "0203" + "e0ff", "00c4", "0e01" + "80ffffffff",
				"0b" + "14" + "0200000005000000" + "010002000300040005", "0b" + "0c" + "0800000001000000" + "01",
				"10" + "07" + "07000000000000ff", "11" + "0b" + "0b00000002008161" + "02ff" + "ff", "42", "06", "07",
				"0f", "13", "03" + "01" + "0161" + "fc", "03" + "01" + "0161" + "02" + "7878",
				"05" + "01" + "0161" + "000000000000f87f", "02" + "02" + "0161" + "0161", "04" + "01" + "0161", "00",
				"01", "0100", "0200", "0400", "0500", "1200", "0e00")) {
			hexes.add(hex(Payloads.withFooter(java.util.HexFormat.of().parseHex(body))));
		}
		// a list's payload cut short at every length, with a valid footer
		byte[] body = Arrays.copyOf(listPayloadBody(), listPayloadBody().length);
		for (int cut = 0; cut < body.length; cut++) {
			hexes.add(hex(Payloads.withFooter(Arrays.copyOf(body, cut))));
		}
		// a wrong version, a wrong checksum, no footer
		byte[] valid = Payloads.withFooter(body);
		byte[] version = Payloads.withFooter(body, 11);
		byte[] crc = valid.clone();
		crc[crc.length - 1] ^= 1;
		hexes.addAll(List.of(hex(version), hex(crc), hex(body), hex(Arrays.copyOf(valid, valid.length - 1))));
		return hexes.stream();
	}

	private static byte[] listPayloadBody() {
		Listpack lp = new Listpack().append(latin1("a")).append(latin1("bb")).append(latin1("1000"));
		DumpWriter w = new DumpWriter(false, -2);
		w.out().write(RdbTypes.LIST_QUICKLIST_2);
		w.writeLength(1);
		w.writeLength(RdbTypes.QUICKLIST_NODE_PACKED);
		w.writeString(lp.finish());
		return w.out().toByteArray();
	}

	@ParameterizedTest
	@MethodSource("corruptPayloads")
	void refusesCorruptPayloadsAsRedis(String hexPayload) {
		byte[] payload = java.util.HexFormat.of().parseHex(hexPayload);
		for (RespClient c : List.of(mine, theirs)) {
			c.call("CONFIG", "SET", "sanitize-dump-payload", "yes");
		}
		Resp redis = theirs.call(latin1("RESTORE"), latin1("k"), latin1("0"), payload, latin1("REPLACE"));
		Resp ours = mine.call(latin1("RESTORE"), latin1("k"), latin1("0"), payload, latin1("REPLACE"));
		assertThat(ours).isEqualTo(redis);
		assertThat(mine.call("EXISTS", "k")).isEqualTo(theirs.call("EXISTS", "k"));
		assertThat(mine.call("PING").text()).isEqualTo("PONG");
	}

	@Test
	void randomCorruptionsAreRefusedAsRedisRefusesThem() {
		for (RespClient c : List.of(mine, theirs)) {
			c.call("CONFIG", "SET", "sanitize-dump-payload", "yes");
		}
		List<String> fixtures = List.of("SET s {abcabcabcabcabc*5}", "RPUSH l a bb 1000 -7 {x*70}",
				"HSET h f v g 1 h 2", "SADD i 1 2 300 70000", "ZADD z 1 a 2.5 b -3 c", "SADD hs a b c",
				"ZADD zs 1 {m*70} 2 n", "HSET ht f {v*70}", "SET n 12345");
		List<byte[]> payloads = new ArrayList<>();
		for (String f : fixtures) {
			byte[][] line = args(f);
			theirs.call(line);
			payloads.add(bytes(theirs.call(latin1("DUMP"), line[1])));
		}
		Random rnd = new Random(20261202);
		for (int round = 0; round < 3000; round++) {
			byte[] original = payloads.get(rnd.nextInt(payloads.size()));
			byte[] body = Arrays.copyOf(original, original.length - 10);
			body[rnd.nextInt(body.length)] ^= (byte) (1 + rnd.nextInt(255));
			byte[] payload = Payloads.withFooter(body);
			Resp redis = theirs.call(latin1("RESTORE"), latin1("k"), latin1("0"), payload, latin1("REPLACE"));
			Resp ours = mine.call(latin1("RESTORE"), latin1("k"), latin1("0"), payload, latin1("REPLACE"));
			assertThat(ours).as(hex(payload)).isEqualTo(redis);
			if (!redis.isError()) {
				assertThat(mine.call("TYPE", "k")).as(hex(payload)).isEqualTo(theirs.call("TYPE", "k"));
			}
		}
		assertThat(theirs.call("PING").text()).isEqualTo("PONG");
	}

	@Test
	void emitsRedisKeyspaceEvents() {
		List<List<String>> events = new ArrayList<>();
		for (RespClient c : List.of(mine, theirs)) {
			c.call("CONFIG", "SET", "notify-keyspace-events", "KEA");
			int port = c == mine ? engine.port() : REDIS.port();
			try (RespClient subscriber = new RespClient(port)) {
				subscriber.call("PSUBSCRIBE", "__key*__:*");
				for (String command : List.of("RESTORE k 0 $P", "RESTORE k 0 $L REPLACE", "RESTORE k 0 $L",
						"RESTORE k 1 $P ABSTTL REPLACE", "RESTORE k 1 $P ABSTTL", "RESTORE j 100000 $P",
						"RESTORE k 0 garbage")) {
					c.call(payloads(args(command)));
				}
				c.call("PUBLISH", "__keyevent@0__:end", "end");
				List<String> seen = new ArrayList<>();
				while (true) {
					Resp message = subscriber.read();
					String channel = message.items().get(2).text();
					if (channel.equals("__keyevent@0__:end")) {
						break;
					}
					seen.add(channel + " " + message.items().get(3).text());
				}
				events.add(seen);
			}
		}
		assertThat(events.get(0)).isEqualTo(events.get(1));
		assertThat(events.get(1)).contains("__keyevent@0__:restore k");
	}

	@Test
	void restoreTouchesWatchedKeys() {
		for (RespClient c : List.of(mine, theirs)) {
			int port = c == mine ? engine.port() : REDIS.port();
			try (RespClient watcher = new RespClient(port)) {
				watcher.call("WATCH", "k");
				c.call(payloads(args("RESTORE k 0 $P")));
				watcher.call("MULTI");
				watcher.call("GET", "k");
				assertThat(watcher.call("EXEC").isNull()).isTrue();
				watcher.call("WATCH", "k");
				c.call(payloads(args("RESTORE k 1 $P ABSTTL REPLACE")));
				watcher.call("MULTI");
				watcher.call("GET", "k");
				assertThat(watcher.call("EXEC").isNull()).isTrue();
			}
		}
	}

}

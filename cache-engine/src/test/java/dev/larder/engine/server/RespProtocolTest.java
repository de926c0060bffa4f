package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RESP over real sockets. Expected bytes for bad input were taken from redis-server
 * 7.0.15.
 */
class RespProtocolTest {

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
	}

	@AfterAll
	static void stop() {
		engine.close();
	}

	private static RespClient client() {
		return new RespClient(engine.port());
	}

	@Test
	void resp2Framing() {
		try (RespClient c = client()) {
			assertThat(c.call("SET", "r2", "v").toString()).isEqualTo("+\"OK\"");
			assertThat(c.call("GET", "r2").toString()).isEqualTo("$\"v\"");
			assertThat(c.call("GET", "missing").toString()).isEqualTo("$nil");
			assertThat(c.call("INCR", "r2n").toString()).isEqualTo(":\"1\"");
			assertThat(c.call("HSET", "r2h", "f", "v").toString()).isEqualTo(":\"1\"");
			assertThat(c.call("HGETALL", "r2h").toString()).isEqualTo("*[$\"f\", $\"v\"]");
			assertThat(c.call("GET").toString()).isEqualTo("-\"ERR wrong number of arguments for 'get' command\"");
			assertThat(c.call("MGET", "r2", "missing").toString()).isEqualTo("*[$\"v\", $nil]");
		}
	}

	@Test
	void resp3AfterHello() {
		try (RespClient c = client()) {
			Resp hello = c.call("HELLO", "3");
			assertThat(hello.type()).isEqualTo('%');
			assertThat(hello.items().get(5).text()).isEqualTo("3");
			assertThat(c.call("GET", "missing").toString()).isEqualTo("_nil");
			c.call("HSET", "r3h", "f", "v");
			assertThat(c.call("HGETALL", "r3h").toString()).isEqualTo("%[$\"f\", $\"v\"]");
			assertThat(c.call("HRANDFIELD", "r3h", "1", "WITHVALUES").toString()).isEqualTo("*[*[$\"f\", $\"v\"]]");
			assertThat(c.call("CLIENT", "INFO").type()).isEqualTo('=');
			assertThat(c.call("COMMAND", "INFO", "get").items().get(0).items().get(2).type()).isEqualTo('~');
			assertThat(c.call("HELLO", "2").type()).isEqualTo('*');
			assertThat(c.call("GET", "missing").toString()).isEqualTo("$nil");
		}
	}

	@Test
	void pipelinedCommandsAnswerInOrder() {
		try (RespClient c = client()) {
			ByteArrayOutputStream batch = new ByteArrayOutputStream();
			for (int i = 0; i < 2000; i++) {
				batch.writeBytes(RespClient.encode("SET", "pipe:" + i, "v" + i));
				batch.writeBytes(RespClient.encode("GET", "pipe:" + i));
			}
			c.send(batch.toByteArray());
			for (int i = 0; i < 2000; i++) {
				assertThat(c.read().text()).isEqualTo("OK");
				assertThat(c.read().text()).isEqualTo("v" + i);
			}
		}
	}

	/**
	 * Values around and far above the size from which an argument is filled in place
	 * (RespParser.BIG_ARG), arriving in pieces of every size, with commands pipelined
	 * behind them: every byte round-trips.
	 */
	/**
	 * Array replies are assembled through a per-thread scratch buffer for small bulk
	 * strings: this crosses its size many times, mixes in bulks over the small limit,
	 * empty ones, nulls and nested arrays.
	 */
	@Test
	void arrayRepliesOfManyMixedElementsRoundTrip() {
		try (RespClient c = client()) {
			List<String> values = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				int length = i % 50 == 7 ? 1000 + i : i % 97; // 1007 goes through the
																// scratch, 1057 and up do
																// not
				values.add(String.valueOf((char) ('a' + i % 26)).repeat(length));
			}
			List<String> push = new ArrayList<>(List.of("RPUSH", "mixed"));
			push.addAll(values);
			assertThat(c.call(push.toArray(String[]::new)).text()).isEqualTo("600");
			assertThat(c.call("LRANGE", "mixed", "0", "-1").items()).extracting(Resp::text)
				.containsExactlyElementsOf(values);

			c.call("SET", "one", values.get(57));
			Resp mget = c.call("MGET", "one", "absent", "one");
			assertThat(mget.items()).extracting(Resp::text).containsExactly(values.get(57), null, values.get(57));
			assertThat(mget.items().get(1).isNull()).isTrue();

			c.call("HELLO", "3");
			for (int i = 0; i < 300; i++) {
				c.call("ZADD", "ranked", Integer.toString(i), values.get(i));
			}
			List<Resp> ranked = c.call("ZRANGE", "ranked", "0", "-1", "WITHSCORES").items();
			assertThat(ranked).hasSize(values.subList(0, 300).stream().distinct().toList().size());
			for (Resp pair : ranked) {
				assertThat(pair.items()).hasSize(2);
				assertThat(values.subList(0, 300).lastIndexOf(pair.items().get(0).text()))
					.isEqualTo(Integer.parseInt(pair.items().get(1).text()));
			}
		}
	}

	@Test
	void bigArgumentsArrivingInPiecesRoundTrip() {
		java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
		try (RespClient c = client()) {
			for (int size : new int[] { RespParser.BIG_ARG - 1, RespParser.BIG_ARG, RespParser.BIG_ARG + 1, 300_000,
					3 * 1024 * 1024 + 7 }) {
				byte[] value = new byte[size];
				for (int i = 0; i < size; i++) {
					value[i] = (byte) rnd.nextInt(256);
				}
				byte[] key = ("big-" + size).getBytes(StandardCharsets.US_ASCII);
				ByteArrayOutputStream batch = new ByteArrayOutputStream();
				batch.writeBytes(RespClient.encode("SET".getBytes(StandardCharsets.US_ASCII), key, value));
				batch.writeBytes(RespClient.encode("STRLEN".getBytes(StandardCharsets.US_ASCII), key));
				batch.writeBytes(RespClient.encode("GET".getBytes(StandardCharsets.US_ASCII), key));
				byte[] bytes = batch.toByteArray();
				for (int from = 0; from < bytes.length;) {
					int to = Math.min(bytes.length, from + 1 + rnd.nextInt(70_000));
					c.send(java.util.Arrays.copyOfRange(bytes, from, to));
					from = to;
				}
				assertThat(c.read().text()).isEqualTo("OK");
				assertThat(c.read().text()).isEqualTo(Integer.toString(size));
				assertThat(c.read().text().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(value);
			}
		}
	}

	/**
	 * A client that streams more unexecuted input than client-query-buffer-limit is
	 * closed; others go on.
	 */
	@Test
	void aClientOverTheQueryBufferLimitIsClosedAlone() {
		try (Engine small = Engine.start(EngineConfig.builder().port(0).clientQueryBufferLimit(1024 * 1024).build());
				RespClient bystander = new RespClient(small.port());
				RespClient greedy = new RespClient(small.port())) {
			assertThat(bystander.call("SET", "kept", "v").text()).isEqualTo("OK");
			greedy.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000000\r\n");
			byte[] chunk = new byte[64 * 1024];
			assertThat(sendUntilClosed(greedy, chunk, 64)).isTrue();
			assertThat(bystander.call("GET", "kept").text()).isEqualTo("v");
			assertThat(bystander.call("EXISTS", "k").text()).isEqualTo("0");
		}
	}

	/** Sends up to {@code max} chunks; true once the server has closed the connection. */
	private static boolean sendUntilClosed(RespClient c, byte[] chunk, int max) {
		try {
			for (int i = 0; i < max; i++) {
				c.send(chunk);
			}
		}
		catch (RuntimeException closed) {
			return true;
		}
		return c.isClosedByServer();
	}

	@Test
	void framesSplitAcrossWrites() {
		try (RespClient c = client()) {
			byte[] frame = RespClient.encode("SET", "split", "x".repeat(5000));
			for (byte b : frame) {
				c.send(new byte[] { b });
			}
			assertThat(c.read().text()).isEqualTo("OK");
			byte[] two = (new String(RespClient.encode("GET", "split"), StandardCharsets.ISO_8859_1) + "PING\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			for (int i = 0; i < two.length; i += 3) {
				c.send(java.util.Arrays.copyOfRange(two, i, Math.min(two.length, i + 3)));
			}
			assertThat(c.read().text()).hasSize(5000);
			assertThat(c.read().text()).isEqualTo("PONG");
		}
	}

	@Test
	void inlineCommands() {
		try (RespClient c = client()) {
			c.send("PING\r\n");
			assertThat(c.read().text()).isEqualTo("PONG");
			c.send("SET inline \"hello world\"\n");
			assertThat(c.read().text()).isEqualTo("OK");
			c.send("get inline\r\n\r\n");
			assertThat(c.read().text()).isEqualTo("hello world");
			c.send("ECHO \"a\\x41\\n\" 'it\\'s'\r\n");
			assertThat(c.read().text()).isEqualTo("ERR wrong number of arguments for 'echo' command");
			c.send("ECHO \"a\\x41\\n\"\r\n");
			assertThat(c.read().text()).isEqualTo("aA\n");
		}
	}

	static Stream<Arguments> badInput() {
		return Stream.of(Arguments.of("*1\r\n$536870913\r\n", "ERR Protocol error: invalid bulk length"),
				Arguments.of("*1\r\n$-1\r\n", "ERR Protocol error: invalid bulk length"),
				Arguments.of("*1\r\nfoo\r\n", "ERR Protocol error: expected '$', got 'f'"),
				Arguments.of("*abc\r\n", "ERR Protocol error: invalid multibulk length"),
				Arguments.of("*2147483648\r\n", "ERR Protocol error: invalid multibulk length"),
				Arguments.of("A".repeat(70_000), "ERR Protocol error: too big inline request"),
				Arguments.of("SET \"a b\r\n", "ERR Protocol error: unbalanced quotes in request"),
				Arguments.of("SET k 'it''s'\r\n", "ERR Protocol error: unbalanced quotes in request"),
				Arguments.of("*" + "1".repeat(70_000), "ERR Protocol error: too big mbulk count string"),
				Arguments.of("*1\r\n$" + "1".repeat(70_000), "ERR Protocol error: too big bulk count string"));
	}

	@ParameterizedTest
	@MethodSource("badInput")
	void badInputGetsRedisProtocolErrorAndClosesOnlyThatConnection(String input, String error) {
		try (RespClient bystander = client(); RespClient c = client()) {
			assertThat(bystander.call("PING").text()).isEqualTo("PONG");
			c.send(input);
			Resp reply = c.read();
			assertThat(reply.isError()).isTrue();
			assertThat(reply.text()).isEqualTo(error);
			assertThat(c.isClosedByServer()).isTrue();
			assertThat(bystander.call("PING").text()).isEqualTo("PONG");
		}
	}

	@Test
	void commandsBeforeAProtocolErrorStillRun() {
		try (RespClient c = client()) {
			c.send("PING\r\n*1\r\n$x\r\n");
			assertThat(c.read().text()).isEqualTo("PONG");
			assertThat(c.read().text()).isEqualTo("ERR Protocol error: invalid bulk length");
			assertThat(c.isClosedByServer()).isTrue();
		}
	}

	@Test
	void emptyCommandsAreIgnored() {
		try (RespClient c = client()) {
			c.send("*-1\r\n*0\r\n\r\nPING\r\n");
			assertThat(c.read().text()).isEqualTo("PONG");
		}
	}

	@Test
	void quitRepliesThenCloses() {
		try (RespClient c = client()) {
			assertThat(c.call("QUIT").text()).isEqualTo("OK");
			assertThat(c.isClosedByServer()).isTrue();
		}
	}

	@Test
	void requirePassOverTheWire() {
		try (Engine secured = Engine.start(EngineConfig.builder().port(0).requirePass("s3cret").build());
				RespClient c = new RespClient(secured.port())) {
			assertThat(c.call("GET", "k").text()).isEqualTo("NOAUTH Authentication required.");
			assertThat(c.call("GET").text()).isEqualTo("ERR wrong number of arguments for 'get' command");
			assertThat(c.call("HELLO", "3").text()).startsWith("NOAUTH HELLO must be called");
			assertThat(c.call("AUTH", "nope").text())
				.isEqualTo("WRONGPASS invalid username-password pair or user is disabled.");
			assertThat(c.call("HELLO", "3", "AUTH", "default", "s3cret").type()).isEqualTo('%');
			assertThat(c.call("SET", "k", "v").text()).isEqualTo("OK");
			assertThat(c.call("RESET").text()).isEqualTo("RESET");
			assertThat(c.call("GET", "k").text()).isEqualTo("NOAUTH Authentication required.");
			c.send("*11\r\n");
			assertThat(c.read().text()).isEqualTo("ERR Protocol error: unauthenticated multibulk length");
			assertThat(c.isClosedByServer()).isTrue();
		}
	}

	/**
	 * The server parses pipelined commands ahead of running them, but what it accepts
	 * before authentication is limited: a command pipelined behind AUTH gets the
	 * authenticated limits, one behind RESET the unauthenticated ones, as in Redis, which
	 * parses each command after running the one before.
	 */
	@Test
	void pipelinedCommandsAreParsedWithTheAuthenticationOfTheCommandBefore() {
		try (Engine secured = Engine.start(EngineConfig.builder().port(0).requirePass("s3cret").build());
				RespClient c = new RespClient(secured.port())) {
			String[] mset = new String[21];
			mset[0] = "MSET";
			for (int i = 1; i < mset.length; i += 2) {
				mset[i] = "k" + i;
				mset[i + 1] = "v".repeat(20_000);
			}
			ByteArrayOutputStream batch = new ByteArrayOutputStream();
			batch.writeBytes(RespClient.encode("AUTH", "s3cret"));
			batch.writeBytes(RespClient.encode(mset));
			batch.writeBytes(RespClient.encode("RESET"));
			// Only the header of the last MSET: the server hangs up on it, and a payload
			// still being written
			// then would fail the send with a broken pipe.
			batch.writeBytes(("*" + mset.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			c.send(batch.toByteArray());
			assertThat(c.read().text()).isEqualTo("OK");
			assertThat(c.read().text()).isEqualTo("OK");
			assertThat(c.read().text()).isEqualTo("RESET");
			assertThat(c.read().text()).isEqualTo("ERR Protocol error: unauthenticated multibulk length");
			assertThat(c.isClosedByServer()).isTrue();
		}
	}

	@Test
	void manyConcurrentClients() throws Exception {
		int clients = 200;
		int increments = 50;
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			ExecutorService pool = Executors.newFixedThreadPool(32);
			try {
				List<Future<?>> futures = new ArrayList<>();
				for (int i = 0; i < clients; i++) {
					int id = i;
					futures.add(pool.submit(() -> {
						try (RespClient c = client()) {
							for (int n = 0; n < increments; n++) {
								c.call("INCR", "shared-counter");
								c.call("SET", "own:" + id, Integer.toString(n));
							}
							assertThat(c.call("GET", "own:" + id).text()).isEqualTo(Integer.toString(increments - 1));
						}
						return null;
					}));
				}
				for (Future<?> f : futures) {
					f.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
		});
		try (RespClient c = client()) {
			assertThat(c.call("GET", "shared-counter").text()).isEqualTo(Integer.toString(clients * increments));
		}
	}

	@Test
	void aClientThatDoesNotReadRepliesDoesNotStallOthers() {
		try (RespClient hog = client(); RespClient other = client()) {
			hog.call("SET", "big", "x".repeat(64 * 1024));
			ByteArrayOutputStream batch = new ByteArrayOutputStream();
			for (int i = 0; i < 2000; i++) {
				batch.writeBytes(RespClient.encode("GET", "big"));
			}
			byte[] bytes = batch.toByteArray();
			Thread writer = new Thread(() -> {
				try {
					hog.send(bytes); // ~128 MB of replies that nobody reads
				}
				catch (RuntimeException ignored) {
					// the socket may be closed by the test's end
				}
			});
			writer.setDaemon(true);
			writer.start();
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				for (int i = 0; i < 100; i++) {
					assertThat(other.call("PING").text()).isEqualTo("PONG");
				}
			});
		}
	}

}

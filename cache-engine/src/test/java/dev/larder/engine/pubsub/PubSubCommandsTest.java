package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.engine.Reply;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pub/sub over RESP against the engine: frames, counts, the RESP2 subscribed context,
 * RESP3 pushes beside replies, patterns, shard channels, RESET, and the in-process
 * session's refusal.
 */
class PubSubCommandsTest {

	private static final String NOT_ALLOWED = "ERR Can't execute '%s': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / "
			+ "PING / QUIT / RESET are allowed in this context";

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		engine.close();
	}

	private static RespClient client() {
		return new RespClient(engine.port());
	}

	private static Resp bulk(String s) {
		return new Resp('$', s, null);
	}

	private static Resp integer(long n) {
		return new Resp(':', Long.toString(n), null);
	}

	private static Resp frame(char type, Resp... items) {
		return new Resp(type, Integer.toString(items.length), List.of(items));
	}

	@Test
	void subscribeCountsAndMessagesInResp2() {
		try (RespClient sub = client(); RespClient pub = client()) {
			sub.send(RespClient.encode("SUBSCRIBE", "news", "sport"));
			assertThat(sub.read()).isEqualTo(frame('*', bulk("subscribe"), bulk("news"), integer(1)));
			assertThat(sub.read()).isEqualTo(frame('*', bulk("subscribe"), bulk("sport"), integer(2)));
			assertThat(sub.call("PSUBSCRIBE", "n*")).isEqualTo(frame('*', bulk("psubscribe"), bulk("n*"), integer(3)));
			// subscribing again changes nothing but is confirmed
			assertThat(sub.call("SUBSCRIBE", "news"))
				.isEqualTo(frame('*', bulk("subscribe"), bulk("news"), integer(3)));

			assertThat(pub.call("PUBLISH", "news", "hello")).isEqualTo(integer(2));
			assertThat(sub.read()).isEqualTo(frame('*', bulk("message"), bulk("news"), bulk("hello")));
			assertThat(sub.read()).isEqualTo(frame('*', bulk("pmessage"), bulk("n*"), bulk("news"), bulk("hello")));
			assertThat(pub.call("PUBLISH", "nowhere-else", "x")).isEqualTo(integer(1));
			assertThat(sub.read()).isEqualTo(frame('*', bulk("pmessage"), bulk("n*"), bulk("nowhere-else"), bulk("x")));
			assertThat(pub.call("PUBLISH", "weather", "x")).isEqualTo(integer(0));

			assertThat(pub.call("PUBSUB", "NUMSUB", "news", "weather"))
				.isEqualTo(frame('*', bulk("news"), integer(1), bulk("weather"), integer(0)));
			assertThat(pub.call("PUBSUB", "NUMPAT")).isEqualTo(integer(1));
			assertThat(pub.call("PUBSUB", "CHANNELS", "s*")).isEqualTo(frame('*', bulk("sport")));

			assertThat(sub.call("UNSUBSCRIBE", "news"))
				.isEqualTo(frame('*', bulk("unsubscribe"), bulk("news"), integer(2)));
			assertThat(sub.call("PUNSUBSCRIBE")).isEqualTo(frame('*', bulk("punsubscribe"), bulk("n*"), integer(1)));
			assertThat(sub.call("PUNSUBSCRIBE"))
				.isEqualTo(frame('*', bulk("punsubscribe"), new Resp('$', null, null), integer(1)));
			assertThat(sub.call("UNSUBSCRIBE")).isEqualTo(frame('*', bulk("unsubscribe"), bulk("sport"), integer(0)));
			// out of the subscribed context again
			assertThat(sub.call("GET", "k").isNull()).isTrue();
		}
	}

	@Test
	void resp2SubscribedContextAllowsOnlyItsCommands() {
		try (RespClient sub = client()) {
			sub.call("SUBSCRIBE", "c");
			assertThat(sub.call("GET", "k").text()).isEqualTo(NOT_ALLOWED.formatted("get"));
			assertThat(sub.call("PUBSUB", "CHANNELS").text()).isEqualTo(NOT_ALLOWED.formatted("pubsub|channels"));
			assertThat(sub.call("HELLO", "2").text()).isEqualTo(NOT_ALLOWED.formatted("hello"));
			// unknown commands and arity are checked first
			assertThat(sub.call("NOPE").text()).startsWith("ERR unknown command 'NOPE'");
			assertThat(sub.call("SET", "k").text()).isEqualTo("ERR wrong number of arguments for 'set' command");
			assertThat(sub.call("PING")).isEqualTo(frame('*', bulk("pong"), bulk("")));
			assertThat(sub.call("PING", "x")).isEqualTo(frame('*', bulk("pong"), bulk("x")));
			assertThat(sub.call("SSUBSCRIBE", "s")).isEqualTo(frame('*', bulk("ssubscribe"), bulk("s"), integer(1)));
			assertThat(sub.call("RESET")).isEqualTo(new Resp('+', "RESET", null));
			assertThat(sub.call("PING")).isEqualTo(new Resp('+', "PONG", null));
			assertThat(sub.call("PUBSUB", "NUMSUB", "c")).isEqualTo(frame('*', bulk("c"), integer(0)));
			assertThat(sub.call("PUBSUB", "SHARDNUMSUB", "s")).isEqualTo(frame('*', bulk("s"), integer(0)));
			assertThat(sub.call("QUIT")).isEqualTo(new Resp('+', "OK", null));
		}
	}

	@Test
	void resp3PushesInterleaveWithReplies() {
		try (RespClient sub = client(); RespClient pub = client()) {
			sub.call("HELLO", "3");
			assertThat(sub.call("SUBSCRIBE", "c")).isEqualTo(frame('>', bulk("subscribe"), bulk("c"), integer(1)));
			assertThat(sub.call("SET", "k", "v")).isEqualTo(new Resp('+', "OK", null));
			assertThat(pub.call("PUBLISH", "c", "m1")).isEqualTo(integer(1));
			// published before GET was sent, so written before its reply (as Redis does)
			assertThat(sub.call("GET", "k")).isEqualTo(frame('>', bulk("message"), bulk("c"), bulk("m1")));
			assertThat(sub.read()).isEqualTo(bulk("v"));
			assertThat(sub.call("PING")).isEqualTo(new Resp('+', "PONG", null));
			assertThat(sub.call("UNSUBSCRIBE")).isEqualTo(frame('>', bulk("unsubscribe"), bulk("c"), integer(0)));
			assertThat(sub.call("UNSUBSCRIBE"))
				.isEqualTo(frame('>', bulk("unsubscribe"), new Resp('_', null, null), integer(0)));
		}
	}

	@Test
	void shardChannelsAreApartFromChannelsAndPatterns() {
		try (RespClient sub = client(); RespClient pub = client()) {
			assertThat(sub.call("SSUBSCRIBE", "orders"))
				.isEqualTo(frame('*', bulk("ssubscribe"), bulk("orders"), integer(1)));
			assertThat(sub.call("PSUBSCRIBE", "*")).isEqualTo(frame('*', bulk("psubscribe"), bulk("*"), integer(1)));
			assertThat(pub.call("SPUBLISH", "orders", "o1")).isEqualTo(integer(1));
			assertThat(sub.read()).isEqualTo(frame('*', bulk("smessage"), bulk("orders"), bulk("o1")));
			assertThat(pub.call("PUBSUB", "SHARDCHANNELS")).isEqualTo(frame('*', bulk("orders")));
			assertThat(pub.call("PUBSUB", "SHARDNUMSUB", "orders")).isEqualTo(frame('*', bulk("orders"), integer(1)));
			assertThat(pub.call("PUBSUB", "CHANNELS")).isEqualTo(frame('*'));
			assertThat(sub.call("SUNSUBSCRIBE"))
				.isEqualTo(frame('*', bulk("sunsubscribe"), bulk("orders"), integer(0)));
			assertThat(sub.call("SUNSUBSCRIBE"))
				.isEqualTo(frame('*', bulk("sunsubscribe"), new Resp('$', null, null), integer(0)));
		}
	}

	@Test
	void patternsUseRedisGlobRules() {
		try (RespClient sub = client(); RespClient pub = client()) {
			sub.call("PSUBSCRIBE", "user:[0-9]?");
			assertThat(pub.call("PUBLISH", "user:1a", "m")).isEqualTo(integer(1));
			assertThat(pub.call("PUBLISH", "user:12a", "m")).isEqualTo(integer(0));
			assertThat(pub.call("PUBLISH", "user:x1", "m")).isEqualTo(integer(0));
			assertThat(sub.read())
				.isEqualTo(frame('*', bulk("pmessage"), bulk("user:[0-9]?"), bulk("user:1a"), bulk("m")));
		}
	}

	@Test
	void inProcessCallersCannotSubscribeThroughExecute() {
		assertThat(engine.execute("SUBSCRIBE", "c"))
			.isEqualTo(Reply.error("ERR SUBSCRIBE isn't allowed for a DENY BLOCKING client"));
		assertThat(engine.execute("UNSUBSCRIBE"))
			.isEqualTo(new Reply.Push(List.of(Reply.bulk("unsubscribe"), Reply.NULL, Reply.integer(0))));
		assertThat(engine.execute("PUBLISH", "nobody", "m")).isEqualTo(Reply.integer(0));
	}

	@Test
	void aClosedSubscriberLeavesItsChannels() throws Exception {
		try (RespClient pub = client()) {
			try (RespClient sub = client()) {
				sub.call("SUBSCRIBE", "gone");
				sub.call("PSUBSCRIBE", "gone*");
				assertThat(pub.call("PUBLISH", "gone", "m")).isEqualTo(integer(2));
			}
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (!pub.call("PUBLISH", "gone", "m").equals(integer(0))) {
				assertThat(System.nanoTime()).as("subscriber still counted").isLessThan(deadline);
				Thread.onSpinWait();
			}
			assertThat(pub.call("PUBSUB", "NUMPAT")).isEqualTo(integer(0));
		}
	}

}

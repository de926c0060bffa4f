package dev.larder.engine.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same subscribe / publish / unsubscribe / PUBSUB sequence on the engine and on a
 * real redis-server 7.0.15, two connections per side, in RESP2 and RESP3: after every
 * step both connections are read up to a PING marker, and every frame each received
 * (replies, confirmations, messages) must be the same. Where Redis's order comes from a
 * hash table (UNSUBSCRIBE without arguments, several patterns matching one message,
 * PUBSUB CHANNELS), the frames are compared as sets.
 */
class PubSubDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static Engine engine;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).activeExpiry(false).build());
	}

	@AfterAll
	static void stop() {
		if (engine != null) {
			engine.close();
		}
	}

	/** One step: which connection ('a' or 'b') sends which command. */
	private record Step(char conn, String... command) {
	}

	private static Step a(String... command) {
		return new Step('a', command);
	}

	private static Step b(String... command) {
		return new Step('b', command);
	}

	private static final List<Step> SEQUENCE = List.of(a("SUBSCRIBE", "c1", "c2"), a("SUBSCRIBE", "c1"),
			b("PUBLISH", "c1", "hello"), b("PUBLISH", "c3", "nobody"), a("PSUBSCRIBE", "c*", "h?llo", "[a-c]1"),
			b("PUBLISH", "c1", "m2"), b("PUBLISH", "hello", "m3"), b("PUBLISH", "hallo", ""),
			b("PUBSUB", "NUMSUB", "c1", "c2", "c3"), b("PUBSUB", "NUMSUB"), b("PUBSUB", "NUMPAT"),
			b("PUBSUB", "CHANNELS"), b("PUBSUB", "CHANNELS", "c?"), b("PUBSUB", "CHANNELS", "x", "y"), a("GET", "k"),
			a("SET", "k", "v"), a("PING"), a("PING", "msg"), a("ECHO", "e"), a("SSUBSCRIBE", "s1", "s2"),
			b("SPUBLISH", "s1", "sm"), b("SPUBLISH", "c1", "not-shard"), b("PUBSUB", "SHARDCHANNELS"),
			b("PUBSUB", "SHARDCHANNELS", "*2"), b("PUBSUB", "SHARDNUMSUB", "s1", "s3"), a("SUNSUBSCRIBE", "s1"),
			a("UNSUBSCRIBE", "c2", "nope"), a("PUNSUBSCRIBE", "h?llo"), a("UNSUBSCRIBE"), a("PUNSUBSCRIBE"),
			a("SUNSUBSCRIBE"), a("UNSUBSCRIBE"), a("PUNSUBSCRIBE"), a("SUNSUBSCRIBE"), a("GET", "k"),
			b("SUBSCRIBE", "x"), b("PUBLISH", "x", "y"), a("PUBLISH", "x", "fromA"), b("PUBSUB", "HELP"),
			b("PSUBSCRIBE", "x*"), a("PUBLISH", "x", "twice"), b("RESET"), b("PUBSUB", "NUMSUB", "x"),
			a("PUBLISH", "x", "gone"), a("PUBSUB", "HELP"), a("PUBSUB", "NOPE"), a("PUBSUB"), a("SUBSCRIBE"),
			a("PUBLISH", "x"), a("PUBSUB", "NUMPAT", "extra"), a("DEL", "k"));

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void sameFramesAsRedis(int protocol) {
		List<String> onEngine = run(engine.port(), protocol);
		List<String> onRedis = run(REDIS.port(), protocol);
		for (int i = 0; i < onRedis.size(); i++) {
			assertThat(onEngine.get(i)).as("step %d", i / 2).isEqualTo(onRedis.get(i));
		}
		assertThat(onEngine).hasSameSizeAs(onRedis);
	}

	/** Runs the sequence; per step, what a and b received, rendered. */
	private static List<String> run(int port, int protocol) {
		List<String> out = new ArrayList<>();
		try (RespClient a = new RespClient(port); RespClient b = new RespClient(port)) {
			for (RespClient c : List.of(a, b)) {
				c.call("RESET");
				c.call("HELLO", Integer.toString(protocol));
			}
			a.call("DEL", "k");
			int marker = 0;
			for (Step step : SEQUENCE) {
				(step.conn() == 'a' ? a : b).send(RespClient.encode(step.command()));
				String name = String.join(" ", step.command());
				// the sender first: once its reply is read, what it published is queued
				// for
				// the other connection ahead of that one's marker
				for (RespClient c : step.conn() == 'a' ? List.of(a, b) : List.of(b, a)) {
					List<Resp> frames = readUntilMarker(c, "sync-" + ++marker);
					out.add(name + " -> " + normalized(step, frames));
				}
			}
		}
		return out;
	}

	private static List<Resp> readUntilMarker(RespClient c, String marker) {
		c.send(RespClient.encode("PING", marker));
		List<Resp> frames = new ArrayList<>();
		while (true) {
			Resp r = c.read();
			if (isMarker(r, marker)) {
				return frames;
			}
			frames.add(r);
		}
	}

	private static boolean isMarker(Resp r, String marker) {
		if (r.type() == '$' && marker.equals(r.text())) {
			return true;
		}
		return r.type() == '*' && r.items() != null && r.items().size() == 2 && "pong".equals(r.items().get(0).text())
				&& marker.equals(r.items().get(1).text());
	}

	/**
	 * Orders what Redis orders by hash: confirmations of an argument-less unsubscribe
	 * (channel names sorted, counts kept in their order), pmessages of one publish, and
	 * PUBSUB CHANNELS' names.
	 */
	private static String normalized(Step step, List<Resp> frames) {
		String command = step.command()[0].toUpperCase(java.util.Locale.ROOT);
		List<Resp> result = new ArrayList<>(frames);
		if (command.endsWith("UNSUBSCRIBE") && step.command().length == 1 && result.size() > 1) {
			List<String> names = result.stream().map(f -> String.valueOf(f.items().get(1).text())).sorted().toList();
			List<Resp> sorted = new ArrayList<>();
			for (int i = 0; i < result.size(); i++) {
				Resp f = result.get(i);
				sorted.add(new Resp(f.type(), f.text(),
						List.of(f.items().get(0), new Resp('$', names.get(i), null), f.items().get(2))));
			}
			result = sorted;
		}
		else if (command.equals("PUBSUB") && result.size() == 1 && result.get(0).items() != null
				&& step.command()[1].toUpperCase(java.util.Locale.ROOT).endsWith("CHANNELS")) {
			Resp list = result.get(0);
			result = List.of(new Resp(list.type(), list.text(),
					list.items().stream().sorted(Comparator.comparing(Resp::toString)).toList()));
		}
		else {
			List<Resp> pmessages = result.stream().filter(PubSubDifferentialTest::isPmessage).toList();
			if (pmessages.size() > 1) {
				List<Resp> rest = new ArrayList<>(result.stream().filter(f -> !isPmessage(f)).toList());
				rest.addAll(pmessages.stream().sorted(Comparator.comparing(Resp::toString)).toList());
				result = rest;
			}
		}
		return result.toString();
	}

	private static boolean isPmessage(Resp f) {
		return f.items() != null && !f.items().isEmpty() && "pmessage".equals(f.items().get(0).text());
	}

}

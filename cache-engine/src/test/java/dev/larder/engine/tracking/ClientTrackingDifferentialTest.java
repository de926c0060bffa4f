package dev.larder.engine.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same client-tracking script on the engine and on a real redis-server 7.0.15, three
 * connections per side: {@code a} tracks (RESP2 or RESP3), {@code b} writes, {@code r} is
 * a RESP2 client subscribed to {@code __redis__:invalidate} that {@code a} redirects to.
 * After every step each connection is read up to a PING marker (the sender first), and
 * every frame each received (replies, invalidation pushes, redirected messages,
 * tracking-redir-broken) must be the same, in the same order.
 */
class ClientTrackingDifferentialTest {

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

	/**
	 * Which connection ('a', 'b' or 'r') sends which command; "$R" is r's id, ";"
	 * separates commands.
	 */
	private record Step(char conn, String... command) {
	}

	private static Step a(String... command) {
		return new Step('a', command);
	}

	private static Step b(String... command) {
		return new Step('b', command);
	}

	private static Step r(String... command) {
		return new Step('r', command);
	}

	private static final List<Step> SEQUENCE = List.of(
			// errors and the state of a client that does not track
			a("CLIENT", "TRACKINGINFO"), a("CLIENT", "GETREDIR"), a("CLIENT", "TRACKING", "on", "PREFIX", "x"),
			a("CLIENT", "TRACKING", "on", "REDIRECT", "999999"), a("CLIENT", "TRACKING", "on", "REDIRECT", "nan"),
			a("CLIENT", "TRACKING", "on", "optin", "optout"), a("CLIENT", "TRACKING", "on", "bcast", "optout"),
			a("CLIENT", "TRACKING", "maybe"), a("CLIENT", "TRACKING", "on", "bogus"),
			a("CLIENT", "TRACKING", "on", "REDIRECT"),
			a("CLIENT", "TRACKING", "on", "bcast", "prefix", "ab", "prefix", "a"), a("CLIENT", "CACHING", "yes"),
			a("CLIENT", "CACHING", "maybe"), a("CLIENT", "TRACKING", "off"), a("CLIENT", "TRACKING"),
			a("CLIENT", "GETREDIR", "x"), a("CLIENT", "TRACKINGINFO", "x"),
			// default mode
			a("CLIENT", "TRACKING", "on"), a("CLIENT", "TRACKING", "on", "bcast"), a("CLIENT", "CACHING", "yes"),
			a("CLIENT", "TRACKINGINFO"), a("CLIENT", "GETREDIR"), a("GET", "k1"), a("MGET", "k2", "k3"),
			b("SET", "k1", "v"), b("MSET", "k2", "v", "k3", "v"), b("SET", "k1", "v2"), a("GET", "k1"),
			a("SET", "k1", "mine"), a("GET", "k1"), a("STRLEN", "k1"), a("APPEND", "k1", "x"), a("GET", "k1"),
			a("CLIENT", "TRACKING", "on", "noloop"), a("SET", "k1", "again"), a("GET", "k1"), b("DEL", "k1"),
			a("GET", "k2"), a("MULTI", ";", "GET", "k2", ";", "SET", "k2", "x", ";", "EXEC"), a("GET", "k2"),
			a("MULTI", ";", "GET", "k3", ";", "EXEC"), b("SET", "k3", "z"), a("GET", "k2"),
			a("CLIENT", "TRACKING", "off"), b("SET", "k2", "after-off"),
			// scripts: a read by the script remembers the keys it declared
			a("CLIENT", "TRACKING", "on"), a("EVAL", "return redis.call('get', KEYS[1])", "2", "s1", "s2"),
			b("SET", "s1", "1"), b("SET", "s2", "1"), a("EVAL", "return 1", "1", "s3"), b("SET", "s3", "1"),
			a("EVAL_RO", "return redis.call('get', KEYS[1])", "1", "s4"), b("SET", "s4", "1"),
			a("EVAL", "return redis.call('set', KEYS[1], 'x')", "1", "s5"), b("SET", "s5", "1"),
			a("CLIENT", "TRACKING", "off"),
			// OPTIN and OPTOUT with CACHING
			a("CLIENT", "TRACKING", "on", "optin"), a("CLIENT", "CACHING", "no"), a("GET", "k4"), b("SET", "k4", "1"),
			a("CLIENT", "CACHING", "yes"), a("CLIENT", "TRACKINGINFO"), a("GET", "k4"), b("SET", "k4", "2"),
			a("CLIENT", "CACHING", "yes"), a("PING"), a("GET", "k5"), b("SET", "k5", "1"),
			a("CLIENT", "CACHING", "yes"), a("CLIENT", "GETNAME"), a("GET", "k5"), b("SET", "k5", "2"),
			a("CLIENT", "TRACKING", "on", "optout"), a("CLIENT", "TRACKING", "off"),
			a("CLIENT", "TRACKING", "on", "optout"), a("CLIENT", "CACHING", "yes"), a("CLIENT", "CACHING", "no"),
			a("CLIENT", "TRACKINGINFO"), a("GET", "k6"), a("GET", "k7"), b("SET", "k6", "1"), b("SET", "k7", "1"),
			// flushes
			a("GET", "k8"), b("FLUSHDB"), a("GET", "k8"), a("FLUSHALL"), a("CLIENT", "TRACKING", "off"),
			// BCAST
			a("CLIENT", "TRACKING", "on", "bcast", "prefix", "p:", "prefix", "q:"),
			a("CLIENT", "TRACKING", "on", "bcast", "prefix", "p:x"),
			a("CLIENT", "TRACKING", "on", "bcast", "prefix", "p"),
			a("CLIENT", "TRACKING", "on", "bcast", "prefix", "z"), a("CLIENT", "TRACKINGINFO"),
			a("CLIENT", "TRACKING", "on", "optin"), b("MSET", "p:2", "1", "p:1", "1", "q:1", "1", "other", "1"),
			b("SET", "q:1", "x"), a("SET", "p:3", "1"), b("DEL", "p:1", "p:2", "nothing"), b("SET", "za", "1"),
			a("CLIENT", "TRACKING", "on", "bcast", "noloop"), a("CLIENT", "TRACKINGINFO"), a("SET", "p:4", "1"),
			b("SET", "p:4", "2"), b("FLUSHALL"), a("CLIENT", "TRACKING", "off"), a("CLIENT", "TRACKING", "on", "bcast"),
			b("SET", "anything", "1"), b("EXPIRE", "anything", "100"), a("CLIENT", "TRACKING", "off"),
			// redirection to a RESP2 subscriber
			r("SUBSCRIBE", "__redis__:invalidate"), a("CLIENT", "TRACKING", "on", "REDIRECT", "$R"),
			a("CLIENT", "GETREDIR"), a("CLIENT", "TRACKINGINFO"), a("GET", "rk"), b("SET", "rk", "1"), a("GET", "rk"),
			a("SET", "rk", "2"), a("GET", "rk"), b("FLUSHALL"), a("CLIENT", "TRACKING", "off"),
			a("CLIENT", "TRACKING", "on", "bcast", "REDIRECT", "$R", "prefix", "rk"), b("SET", "rk", "3"),
			a("CLIENT", "TRACKING", "off"), a("CLIENT", "TRACKING", "on", "REDIRECT", "$R", "REDIRECT", "$R"),
			a("CLIENT", "TRACKING", "on", "REDIRECT", "$R"), a("GET", "rk"), r("CLOSE"), b("SET", "rk", "4"),
			a("CLIENT", "TRACKINGINFO"), a("GET", "rk"), b("SET", "rk", "5"), a("CLIENT", "TRACKING", "off"),
			a("CLIENT", "TRACKINGINFO"), a("CLIENT", "TRACKING", "on", "optout", "noloop"), a("RESET"),
			a("CLIENT", "TRACKINGINFO"), a("GET", "after-reset"), b("SET", "after-reset", "1"),
			// BCAST ignores databases: a write in another one is reported, SWAPDB is not,
			// and a flush of any database is reported as a flush of all
			a("CLIENT", "TRACKING", "off"), a("CLIENT", "TRACKING", "on", "bcast", "prefix", "d:"), b("SELECT", "3"),
			b("SET", "d:1", "1"), b("SET", "e:1", "1"), b("SWAPDB", "0", "3"), b("SET", "d:2", "1"), b("FLUSHDB"),
			b("SELECT", "0"), a("CLIENT", "TRACKING", "off"));

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void sameFramesAsRedis(int protocol) {
		List<String> onRedis = run(REDIS.port(), protocol);
		List<String> onEngine = run(engine.port(), protocol);
		for (int i = 0; i < Math.min(onRedis.size(), onEngine.size()); i++) {
			assertThat(onEngine.get(i)).as("frame %d", i).isEqualTo(onRedis.get(i));
		}
		assertThat(onEngine).hasSameSizeAs(onRedis);
	}

	/** Runs the sequence; per step and connection, what it received, rendered. */
	// the redirect target is closed mid-sequence, to break the redirection, and again at
	// the end (a no-op)
	@SuppressWarnings("try")
	private static List<String> run(int port, int protocol) {
		List<String> out = new ArrayList<>();
		try (RespClient a = new RespClient(port);
				RespClient b = new RespClient(port);
				RespClient r = new RespClient(port)) {
			for (RespClient c : List.of(a, b, r)) {
				c.call("RESET");
			}
			a.call("HELLO", Integer.toString(protocol));
			b.call("FLUSHALL");
			String rid = r.call("CLIENT", "ID").text();
			boolean rOpen = true;
			int marker = 0;
			for (Step step : SEQUENCE) {
				String name = String.join(" ", step.command());
				if (step.conn() == 'r' && step.command()[0].equals("CLOSE")) {
					r.close();
					rOpen = false;
					awaitGone(b, rid);
					continue;
				}
				RespClient sender = step.conn() == 'a' ? a : step.conn() == 'b' ? b : r;
				String[] command = Arrays.stream(step.command())
					.map(s -> s.equals("$R") ? rid : s)
					.toArray(String[]::new);
				// ";" separates commands sent together (a transaction: PING would be
				// queued); they go in one write with the sender's marker, so that both
				// servers read them at once (Redis sends BCAST invalidations once it ran
				// what it read)
				java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
				int from = 0;
				for (int i = 0; i <= command.length; i++) {
					if (i == command.length || command[i].equals(";")) {
						pending.writeBytes(RespClient.encode(Arrays.copyOfRange(command, from, i)));
						from = i + 1;
					}
				}
				List<RespClient> order = new ArrayList<>();
				order.add(sender);
				for (RespClient c : List.of(a, b, r)) {
					if (c != sender && (c != r || rOpen)) {
						order.add(c);
					}
				}
				for (RespClient c : order) {
					List<Resp> frames;
					try {
						frames = readUntilMarker(c, c == sender ? pending.toByteArray() : new byte[0],
								"sync-" + ++marker);
					}
					catch (RuntimeException e) {
						throw new AssertionError("no marker after " + name + " on port " + port + " after " + out, e);
					}
					String rendered = frames.toString();
					String sub = step.command().length > 1 ? step.command()[1].toUpperCase(Locale.ROOT) : "";
					if (sub.equals("GETREDIR") || sub.equals("TRACKINGINFO")
							|| rendered.contains("tracking-redir-broken")) {
						rendered = rendered.replace(":\"" + rid + "\"", ":\"R\"");
					}
					if (c == r) {
						// Redis sends the flush's null in the tracking client's protocol,
						// so a
						// RESP2 subscriber redirected to by a RESP3 client gets RESP3's
						// "_",
						// which RESP2 parsers reject; the engine sends "$-1" (RESP2's
						// null)
						rendered = rendered.replace("_nil", "$nil");
					}
					out.add(name + " @" + (c == a ? 'a' : c == b ? 'b' : 'r') + " -> " + rendered);
				}
			}
		}
		return out;
	}

	/** Waits until the server no longer lists the closed client. */
	private static void awaitGone(RespClient b, String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (b.call("CLIENT", "LIST", "ID", id).text().isEmpty()) {
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("client " + id + " still listed");
	}

	private static List<Resp> readUntilMarker(RespClient c, byte[] before, String marker) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes(before);
		bytes.writeBytes(RespClient.encode("PING", marker));
		c.send(bytes.toByteArray());
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

}

package dev.larder.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MONITOR stream of the engine against a real redis-server 7.0.15 for the same
 * commands: which commands are fed, in which order, with which database, escaping and
 * redaction. Timestamps are checked for their format, then dropped; addresses are named
 * by the order they first appear.
 */
class MonitorDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

	private static final Pattern LINE = Pattern.compile("(\\d+)\\.(\\d{6}) \\[(\\d+) ([^\\]]+)\\] (.*)",
			Pattern.DOTALL);

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

	@Test
	void monitorStreamMatchesRedis() throws InterruptedException {
		assertThat(stream(engine.port())).isEqualTo(stream(REDIS.port()));
	}

	/** Runs the scenario on one server and returns what the monitor saw, normalised. */
	private static List<String> stream(int port) throws InterruptedException {
		try (RespClient m = new RespClient(port);
				RespClient a = new RespClient(port);
				RespClient b = new RespClient(port)) {
			a.call("FLUSHALL");
			List<String> seen = new ArrayList<>();
			seen.add(m.call("MONITOR").toString());
			a.call("SET", "a", "b");
			a.call("SELECT", "1");
			a.call("GET", "a");
			a.call("MULTI");
			a.call("SET", "x", "1");
			a.call("INCR", "x");
			a.call("EXEC");
			a.call("MULTI");
			a.call("NOSUCH");
			a.call("EXEC");
			a.call("AUTH", "secret");
			a.call("AUTH", "user", "secret");
			a.call("AUTH", "user", "secret", "extra");
			a.call("HELLO", "3", "AUTH", "user", "secret");
			a.call("HELLO", "2", "SETNAME", "n", "AUTH", "user", "secret");
			a.call("HELLO", "x", "AUTH", "user", "secret");
			a.call(RespClient.toBytes("SET", "k", "")[0], "k".getBytes(StandardCharsets.US_ASCII),
					"\u0000\u0001\n\"\\\t\r\u0007\b é~".getBytes(StandardCharsets.UTF_8));
			a.call("EVAL", "redis.call('set',KEYS[1],'1') return 1", "1", "q");
			a.call("EVAL", "return 1", "x");
			a.call("EVAL",
					"redis.call('select','3') redis.call('set',KEYS[1],'1') return redis.call('config','get','x')", "1",
					"z");
			a.call("MULTI");
			a.call("EVAL", "return redis.call('get',KEYS[1])", "1", "q");
			a.call("CONFIG", "GET", "maxmemory");
			a.call("EXEC");
			a.call("CONFIG", "GET", "maxmemory");
			a.call("CLIENT", "LIST");
			a.call("CLIENT", "SETNAME", "foo");
			a.call("GET");
			a.call("LPUSH", "l", "1");
			a.call("BLPOP", "l", "0");
			b.call("SELECT", "1");
			a.send(RespClient.encode("BLPOP", "bl", "0"));
			awaitBlocked(b);
			b.call("RPUSH", "bl", "x");
			a.read();
			a.call("SUBSCRIBE", "ch");
			a.call("GET", "x");
			a.call("PING");
			a.call("UNSUBSCRIBE");
			a.call("RESET");
			a.call("ECHO", "end");
			Map<String, String> names = new LinkedHashMap<>();
			while (true) {
				Resp r = m.read();
				String line = normalise(r, names);
				seen.add(line);
				if (line.endsWith("\"ECHO\" \"end\"")) {
					break;
				}
			}
			// a monitor's own commands: the reply first, then its line
			m.send(RespClient.encode("PING"));
			seen.add(m.read().toString());
			seen.add(normalise(m.read(), names));
			seen.add(m.call("RESET").toString());
			m.send(RespClient.encode("PING"));
			seen.add(m.read().toString());
			a.call("ECHO", "after reset");
			seen.add(m.call("PING").toString());
			try (RespClient own = new RespClient(port)) {
				// a monitor is a replica to Redis: commands that read, write or may
				// replicate are refused (and so not fed); its own QUIT answers, with no
				// line
				own.call("MONITOR");
				seen.add(own.call("BLPOP", "never", "0.05").toString());
				seen.add(own.call("PUBLISH", "c", "m").toString());
				seen.add(own.call("EVAL", "return 1", "0").toString());
				seen.add(own.call("SCRIPT", "EXISTS", "x").toString());
				seen.add(normalise(own.read(), names));
				own.send(RespClient.encode("QUIT"));
				seen.add(own.read().toString());
				seen.add("closed: " + own.isClosedByServer());
			}
			return seen;
		}
	}

	private static String normalise(Resp r, Map<String, String> names) {
		assertThat(r.type()).as("%s", r).isEqualTo('+');
		Matcher matcher = LINE.matcher(r.text());
		assertThat(matcher.matches()).as(r.text()).isTrue();
		String address = matcher.group(4);
		String name = address.equals("lua") ? "lua" : names.computeIfAbsent(address, k -> "client" + names.size());
		return "[" + matcher.group(3) + " " + name + "] " + matcher.group(5);
	}

	/** Polls CLIENT LIST (ADMIN, so not fed to monitors) until a client is blocked. */
	private static void awaitBlocked(RespClient b) throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (!b.call("CLIENT", "LIST").text().contains("flags=b")) {
			assertThat(System.nanoTime()).as("a client blocked").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INFO memory and MEMORY against a real redis-server 7.0.15: the same field names in the
 * same order, the same reply shapes in RESP2 and RESP3 (types and map keys; the numbers
 * are each server's own), and the same errors.
 */
class MemoryCommandsDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension();

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

	/** The same keys on both: strings, a collection, a TTL, and two databases. */
	private static void fixture(RespClient c, int protocol) {
		c.call("RESET");
		c.call("FLUSHALL");
		c.call("SET", "str", "v");
		c.call("SET", "ttl", "v", "EX", "100");
		c.call("RPUSH", "list", "a", "b");
		c.call("SELECT", "3");
		c.call("HSET", "hash", "f", "v");
		c.call("SELECT", "0");
		c.call("HELLO", Integer.toString(protocol));
	}

	@Test
	void infoMemoryHasRedisFieldsInRedisOrder() {
		fixture(engineClient, 2);
		fixture(redisClient, 2);
		assertThat(fieldNames(engineClient.call("INFO", "memory")))
			.isEqualTo(fieldNames(redisClient.call("INFO", "memory")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void memoryStatsHasRedisShape(int protocol) {
		fixture(engineClient, protocol);
		fixture(redisClient, protocol);
		assertThat(shape(engineClient.call("MEMORY", "STATS"))).isEqualTo(shape(redisClient.call("MEMORY", "STATS")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void doctorOfANearlyEmptyInstanceSaysWhatRedisSays(int protocol) {
		fixture(engineClient, protocol);
		fixture(redisClient, protocol);
		assertThat(engineClient.call("MEMORY", "DOCTOR")).isEqualTo(redisClient.call("MEMORY", "DOCTOR"));
	}

	@Test
	void helpListsRedisSubcommands() {
		List<Resp> engineHelp = engineClient.call("MEMORY", "HELP").items();
		List<Resp> redisHelp = redisClient.call("MEMORY", "HELP").items();
		// the closing "HELP" line is ConnectionCommands.help's, shared by every container
		assertThat(engineHelp.subList(0, engineHelp.size() - 1)).isEqualTo(redisHelp.subList(0, redisHelp.size() - 1));
	}

	static Stream<String> commands() {
		return Stream.of("MEMORY", "MEMORY FOO", "MEMORY USAGE", "MEMORY USAGE missing", "MEMORY USAGE str",
				"MEMORY USAGE list", "MEMORY USAGE str SAMPLES", "MEMORY USAGE str SAMPLES -1",
				"MEMORY USAGE str SAMPLES x", "MEMORY USAGE str SAMPLES 0", "MEMORY USAGE str samples 5 SAMPLES 2",
				"MEMORY USAGE str FOO", "MEMORY USAGE str SAMPLES 5 FOO", "MEMORY USAGE missing SAMPLES x",
				"MEMORY USAGE missing FOO", "MEMORY HELP x", "MEMORY STATS x", "MEMORY DOCTOR x", "MEMORY PURGE",
				"MEMORY PURGE x", "MEMORY MALLOC-STATS x");
	}

	@ParameterizedTest
	@MethodSource("commands")
	void repliesAndErrorsAreRedis(String command) {
		fixture(engineClient, 2);
		fixture(redisClient, 2);
		String[] args = command.split(" ");
		assertThat(shape(engineClient.call(args))).as(command).isEqualTo(shape(redisClient.call(args)));
	}

	private static List<String> fieldNames(Resp info) {
		return info.text()
			.lines()
			.filter(l -> l.contains(":"))
			.map(l -> l.substring(0, l.indexOf(':')))
			.collect(Collectors.toList());
	}

	/**
	 * A reply with its numbers blanked: types, errors, and the names a map or INFO uses
	 * are kept, each server's own values are not.
	 */
	private static String shape(Resp r) {
		if (r.items() != null) {
			List<String> items = new ArrayList<>();
			r.items().forEach(i -> items.add(shape(i)));
			return r.type() + "" + items;
		}
		if (r.type() == '-' || r.text() == null) {
			return r.toString();
		}
		if (r.type() == '$' && r.text().matches("[a-z][a-z0-9.-]*")) {
			return r.toString();
		}
		return String.valueOf(r.type());
	}

}

package dev.larder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.testing.RedisServerExtension;
import dev.larder.testing.RespClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * rename-command against a real redis-server 7.0.15 started with the same renames:
 * FLUSHALL disabled, CONFIG renamed MYCONFIG. Clients, MULTI, scripts and COMMAND see the
 * same as on Redis.
 */
class RenamedCommandsDifferentialTest {

	@RegisterExtension
	static final RedisServerExtension REDIS = new RedisServerExtension("--rename-command", "FLUSHALL", "",
			"--rename-command", "CONFIG", "MYCONFIG");

	@RegisterExtension
	static final RedisServerExtension PLAIN_REDIS = new RedisServerExtension();

	private static Engine engine;

	private static Engine plainEngine;

	private static RespClient engineClient;

	private static RespClient redisClient;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder()
			.port(0)
			.activeExpiry(false)
			.disableCommands(List.of("FLUSHALL"))
			.renameCommand("CONFIG", "MYCONFIG")
			.build());
		plainEngine = Engine.start(EngineConfig.builder().activeExpiry(false).build());
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
			plainEngine.close();
		}
	}

	private static void same(String... command) {
		assertThat(engineClient.call(command)).as(String.join(" ", command)).isEqualTo(redisClient.call(command));
	}

	@Test
	void aDisabledCommandIsAnUnknownCommand() {
		same("FLUSHALL");
		same("flushall", "a", "b");
		same("CONFIG", "GET", "maxmemory");
		same("MYCONFIG", "GET", "maxmemory");
		same("myconfig", "set", "maxmemory-samples", "7");
		same("MYCONFIG", "GET", "maxmemory-samples");
		same("FLUSHDB");
	}

	@Test
	void commandIntrospectionSeesTheRenames() {
		same("COMMAND", "INFO", "flushall");
		same("COMMAND", "INFO", "config");
		same("COMMAND", "DOCS", "flushall");
		same("COMMAND", "GETKEYS", "flushall", "x");
		assertThat(engineClient.call("COMMAND", "INFO", "myconfig").items().get(0).items().get(0))
			.isEqualTo(redisClient.call("COMMAND", "INFO", "myconfig").items().get(0).items().get(0));
		assertThat(engineClient.call("COMMAND", "DOCS", "myconfig").items().get(0))
			.isEqualTo(redisClient.call("COMMAND", "DOCS", "myconfig").items().get(0));
		// one command fewer than without renames, on both
		long plain = ((Reply.IntegerReply) plainEngine.execute("COMMAND", "COUNT")).value();
		try (RespClient plainRedis = new RespClient(PLAIN_REDIS.port())) {
			assertThat(Long.parseLong(engineClient.call("COMMAND", "COUNT").text())).isEqualTo(plain - 1);
			assertThat(Long.parseLong(redisClient.call("COMMAND", "COUNT").text()))
				.isEqualTo(Long.parseLong(plainRedis.call("COMMAND", "COUNT").text()) - 1);
		}
	}

	@Test
	void scriptsAndTransactionsCannotReachADisabledCommand() {
		same("EVAL", "return redis.call('flushall')", "0");
		same("EVAL", "return redis.pcall('FLUSHALL')", "0");
		same("EVAL", "return redis.call('myconfig', 'get', 'port')", "0");
		for (RespClient c : List.of(engineClient, redisClient)) {
			c.call("SET", "kept", "1");
		}
		same("MULTI");
		same("FLUSHALL");
		same("SET", "kept", "2");
		same("EXEC");
		same("GET", "kept");
	}

	@Test
	void inProcessCallsObeyTheRenamesToo() {
		assertThat(engine.execute("FLUSHALL").toString()).contains("unknown command 'FLUSHALL'");
		assertThat(engine.execute("MYCONFIG", "GET", "hz")).isInstanceOf(Reply.MapReply.class);
	}

	@Test
	void renamingAnUnknownCommandOrOntoAnExistingOneFailsTheStart() {
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder().disableCommands(List.of("FLUSHAL")).build()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("No such command in rename-command: flushal");
		assertThatThrownBy(() -> Engine.start(EngineConfig.builder().renameCommand("KEYS", "get").build()))
			.hasMessage("Target command name already exists: get");
		try (Engine withoutDebug = Engine.start(EngineConfig.builder().disableCommands(List.of("DEBUG")).build())) {
			assertThat(withoutDebug.execute("DEBUG", "SLEEP", "0").toString())
				.as("a Redis command the engine does not implement is unknown already")
				.contains("unknown command 'DEBUG'");
		}
	}

}

package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import dev.larder.testing.Resp;
import dev.larder.testing.RespClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scripting over RESP: Lettuce's eval/evalsha/scriptLoad, and clients blocked on keys a
 * script writes.
 */
class ScriptingServerTest {

	private static final String CAD = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private static Engine engine;

	private static RedisClient client;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).build());
		client = RedisClient.create(RedisURI.builder()
			.withHost("127.0.0.1")
			.withPort(engine.port())
			.withTimeout(Duration.ofSeconds(10))
			.build());
	}

	@AfterAll
	static void stop() {
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		engine.close();
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void lettuceEvalEvalshaScriptLoad(ProtocolVersion version) {
		client.setOptions(ClientOptions.builder().protocolVersion(version).build());
		try (StatefulRedisConnection<String, String> conn = client.connect()) {
			RedisCommands<String, String> redis = conn.sync();
			String key = version + ":lock";
			String sha = redis.scriptLoad(CAD);
			assertThat(redis.scriptExists(sha)).containsExactly(true);
			redis.set(key, "token");
			Long kept = redis.evalsha(sha, ScriptOutputType.INTEGER, new String[] { key }, "other");
			assertThat(kept).isZero();
			Long deleted = redis.eval(CAD, ScriptOutputType.INTEGER, new String[] { key }, "token");
			assertThat(deleted).isEqualTo(1L);
			assertThat(redis.exists(key)).isZero();
			List<Object> multi = redis.eval("return {1, 'two', {3}}", ScriptOutputType.MULTI);
			assertThat(multi).containsExactly(1L, "two", List.of(3L));
			String status = redis.eval("return redis.status_reply('DONE')", ScriptOutputType.STATUS);
			assertThat(status).isEqualTo("DONE");
			Boolean flag = redis.eval("return true", ScriptOutputType.BOOLEAN);
			assertThat(flag).isTrue();
			String value = redis.evalReadOnly("return ARGV[1]".getBytes(), ScriptOutputType.VALUE, new String[0], "v");
			assertThat(value).isEqualTo("v");
			assertThatThrownBy(() -> redis.evalsha("f".repeat(40), ScriptOutputType.INTEGER))
				.isInstanceOf(RedisNoScriptException.class)
				.hasMessage("NOSCRIPT No matching script. Please use EVAL.");
			redis.set(version + ":str", "text");
			assertThatThrownBy(() -> redis.eval("return redis.call('incr', KEYS[1])", ScriptOutputType.INTEGER,
					new String[] { version + ":str" }))
				.isInstanceOf(RedisCommandExecutionException.class)
				.hasMessageStartingWith("ERR value is not an integer or out of range script: ");
			assertThat(redis.scriptFlush()).isEqualTo("OK");
			assertThat(redis.scriptExists(sha)).containsExactly(false);
		}
	}

	@Test
	void clientsBlockedOnAKeyAreServedAfterTheScriptWrites() {
		try (RespClient blocked = new RespClient(engine.port()); RespClient writer = new RespClient(engine.port())) {
			blocked.send(RespClient.encode("BLPOP", "jobs", "0"));
			// the BLPOP is parked once CLIENT LIST shows it; poll with a deadline instead
			// of sleeping
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (!writer.call("CLIENT", "LIST").text().contains("cmd=blpop")) {
				assertThat(System.nanoTime()).isLessThan(deadline);
				Thread.onSpinWait();
			}
			Resp pushed = writer.call("EVAL", "return redis.call('rpush', KEYS[1], ARGV[1])", "1", "jobs", "job-1");
			assertThat(pushed.text()).isEqualTo("1");
			Resp served = blocked.read();
			assertThat(served.items()).extracting(Resp::text).containsExactly("jobs", "job-1");
		}
	}

}

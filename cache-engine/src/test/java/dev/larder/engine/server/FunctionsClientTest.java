package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.FlushMode;
import io.lettuce.core.FunctionRestoreMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Functions through a real client, Lettuce, against the engine: FUNCTION LOAD, FCALL and
 * FCALL_RO with keys and arguments in both protocol versions, DUMP/RESTORE round trips,
 * concurrent FCALLs (each pooled Lua runtime instantiates the library on its own) and the
 * engine's script time limit applying to functions.
 */
class FunctionsClientTest {

	private static final String LIBRARY = """
			#!lua name=counters
			local function incrby(keys, args)
			  return redis.call('incrby', keys[1], args[1])
			end
			local function peek(keys)
			  return redis.call('get', keys[1])
			end
			redis.register_function('incrby', incrby)
			redis.register_function{function_name='peek', callback=peek, flags={'no-writes'}}
			redis.register_function('spin', function() while true do end end)
			""";

	private static Engine engine;

	private static RedisClient client;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).scriptTimeLimitMillis(200).build());
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

	@BeforeEach
	void flush() {
		try (StatefulRedisConnection<String, String> conn = client.connect()) {
			conn.sync().flushall();
			conn.sync().functionFlush(FlushMode.SYNC);
		}
	}

	private static StatefulRedisConnection<String, String> connect(ProtocolVersion version) {
		client.setOptions(ClientOptions.builder().protocolVersion(version).build());
		return client.connect();
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void loadAndCall(ProtocolVersion version) {
		try (StatefulRedisConnection<String, String> conn = connect(version)) {
			RedisCommands<String, String> redis = conn.sync();
			assertThat(redis.functionLoad(LIBRARY)).isEqualTo("counters");
			Long n = redis.fcall("incrby", ScriptOutputType.INTEGER, new String[] { "c" }, "5");
			assertThat(n).isEqualTo(5L);
			n = redis.fcall("INCRBY", ScriptOutputType.INTEGER, new String[] { "c" }, "2");
			assertThat(n).isEqualTo(7L);
			String peeked = redis.fcallReadOnly("peek", ScriptOutputType.VALUE, "c");
			assertThat(peeked).isEqualTo("7");
			assertThatThrownBy(() -> redis.fcallReadOnly("incrby", ScriptOutputType.INTEGER, new String[] { "c" }, "1"))
				.isInstanceOf(RedisCommandExecutionException.class)
				.hasMessage("ERR Can not execute a script with write flag using *_ro command.");
			assertThatThrownBy(() -> redis.fcall("missing", ScriptOutputType.STATUS))
				.isInstanceOf(RedisCommandExecutionException.class)
				.hasMessage("ERR Function not found");
			// Lettuce types the reply as maps but decodes RESP2's flat arrays as lists
			List<?> libraries = redis.functionList();
			assertThat(libraries).hasSize(1);
			assertThat(String.valueOf(libraries)).contains("library_name", "counters", "incrby", "no-writes");
		}
	}

	@Test
	void dumpAndRestore() {
		try (StatefulRedisConnection<String, String> conn = client.connect()) {
			RedisCommands<String, String> redis = conn.sync();
			redis.functionLoad(LIBRARY);
			byte[] dump = redis.functionDump();
			redis.functionFlush(FlushMode.ASYNC);
			assertThatThrownBy(() -> redis.fcall("peek", ScriptOutputType.VALUE, "c"))
				.hasMessage("ERR Function not found");
			assertThat(redis.functionRestore(dump)).isEqualTo("OK");
			assertThatThrownBy(() -> redis.functionRestore(dump)).hasMessage("ERR Library counters already exists");
			assertThat(redis.functionRestore(dump, FunctionRestoreMode.REPLACE)).isEqualTo("OK");
			redis.set("c", "41");
			assertThat((Long) redis.fcall("incrby", ScriptOutputType.INTEGER, new String[] { "c" }, "1"))
				.isEqualTo(42L);
		}
	}

	/** Every runtime of the pool ends up instantiating the library; all agree. */
	@Test
	void concurrentCalls() throws Exception {
		try (StatefulRedisConnection<String, String> conn = client.connect()) {
			conn.sync().functionLoad(LIBRARY);
		}
		int threads = 8;
		int calls = 200;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					try (StatefulRedisConnection<String, String> conn = client.connect()) {
						for (int i = 0; i < calls; i++) {
							conn.sync().fcall("incrby", ScriptOutputType.INTEGER, new String[] { "total" }, "1");
						}
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		try (StatefulRedisConnection<String, String> conn = client.connect()) {
			assertThat(conn.sync().get("total")).isEqualTo(Integer.toString(threads * calls));
		}
	}

	/**
	 * The engine stops a function at the script time limit, as it stops EVAL, instead of
	 * answering BUSY to everyone else.
	 */
	@Test
	void timeLimit() {
		try (StatefulRedisConnection<String, String> conn = client.connect()) {
			RedisCommands<String, String> redis = conn.sync();
			redis.functionLoad(LIBRARY);
			assertThatThrownBy(() -> redis.fcall("spin", ScriptOutputType.STATUS))
				.hasMessage("ERR Script killed: it ran longer than the script time limit (200 ms) script: spin");
			assertThatThrownBy(redis::functionKill).hasMessage("NOTBUSY No scripts in execution right now.");
			assertThat(redis.ping()).isEqualTo("PONG");
		}
	}

}

package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cache backend's client, Lettuce, against the engine, in both protocol versions. */
class LettuceCompatibilityTest {

	private static Engine engine;

	private static RedisClient client;

	@BeforeAll
	static void start() {
		engine = Engine.start(EngineConfig.builder().port(0).requirePass("pw").build());
		client = RedisClient.create(RedisURI.builder()
			.withHost("127.0.0.1")
			.withPort(engine.port())
			.withPassword("pw".toCharArray())
			.withTimeout(Duration.ofSeconds(10))
			.build());
	}

	@AfterAll
	static void stop() {
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		engine.close();
	}

	private static StatefulRedisConnection<String, String> connect(ProtocolVersion version) {
		client.setOptions(ClientOptions.builder().protocolVersion(version).build());
		return client.connect();
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void syncApi(ProtocolVersion version) {
		try (StatefulRedisConnection<String, String> conn = connect(version)) {
			RedisCommands<String, String> redis = conn.sync();
			String p = version.name() + ":";
			assertThat(redis.ping()).isEqualTo("PONG");
			assertThat(redis.set(p + "k", "v", SetArgs.Builder.px(60_000))).isEqualTo("OK");
			assertThat(redis.get(p + "k")).isEqualTo("v");
			assertThat(redis.pttl(p + "k")).isBetween(59_000L, 60_000L);
			assertThat(redis.get(p + "missing")).isNull();
			assertThat(redis.incrby(p + "n", 5)).isEqualTo(5);
			assertThat(redis.incrbyfloat(p + "f", 0.5)).isEqualTo(0.5);
			assertThat(redis.mset(Map.of(p + "a", "1", p + "b", "2"))).isEqualTo("OK");
			assertThat(redis.mget(p + "a", p + "b", p + "c")).hasSize(3);
			assertThat(redis.hset(p + "h", Map.of("f1", "v1", "f2", "v2"))).isEqualTo(2);
			assertThat(redis.hgetall(p + "h")).containsEntry("f1", "v1").containsEntry("f2", "v2");
			assertThat(redis.hincrby(p + "h", "n", 3)).isEqualTo(3);
			assertThat(redis.expire(p + "a", 100)).isTrue();
			assertThat(redis.ttl(p + "a")).isEqualTo(100);
			assertThat(redis.type(p + "h")).isEqualTo("hash");
			assertThat(redis.exists(p + "a", p + "b", p + "zz")).isEqualTo(2);
			assertThat(redis.del(p + "a", p + "b")).isEqualTo(2);
			List<String> scanned = new ArrayList<>();
			KeyScanCursor<String> cursor = redis.scan(ScanArgs.Builder.matches(p + "*").limit(2));
			scanned.addAll(cursor.getKeys());
			while (!cursor.isFinished()) {
				cursor = redis.scan(cursor, ScanArgs.Builder.matches(p + "*").limit(2));
				scanned.addAll(cursor.getKeys());
			}
			assertThat(scanned).contains(p + "k", p + "n", p + "f", p + "h");
			assertThat(redis.clientSetname("lettuce-" + version)).isEqualTo("OK");
			assertThat(redis.clientGetname()).isEqualTo("lettuce-" + version);
			assertThat(redis.info("server")).contains("redis_version:");
			assertThat(redis.configGet("databases")).containsEntry("databases", "16");
			assertThat(redis.dbsize()).isPositive();
			assertThat(redis.select(2)).isEqualTo("OK");
			assertThat(redis.get(p + "k")).isNull();
			assertThat(redis.hget(p + "zz", "f")).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void errorsSurfaceWithRedisText(ProtocolVersion version) {
		try (StatefulRedisConnection<String, String> conn = connect(version)) {
			RedisCommands<String, String> redis = conn.sync();
			redis.hset("err:h", "f", "v");
			assertThatThrownBy(() -> redis.get("err:h")).isInstanceOf(RedisCommandExecutionException.class)
				.hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
			redis.set("err:s", "abc");
			assertThatThrownBy(() -> redis.incr("err:s")).hasMessage("ERR value is not an integer or out of range");
		}
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void asyncApiPipelines(ProtocolVersion version) throws Exception {
		try (StatefulRedisConnection<String, String> conn = connect(version)) {
			RedisAsyncCommands<String, String> async = conn.async();
			conn.setAutoFlushCommands(false);
			List<RedisFuture<Long>> futures = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				futures.add(async.incr("async:" + version));
			}
			conn.flushCommands();
			for (int i = 0; i < futures.size(); i++) {
				assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
			}
			conn.setAutoFlushCommands(true);
			assertThat(async.get("async:" + version).get(10, TimeUnit.SECONDS)).isEqualTo("1000");
			assertThat(async.del("async:" + version).get(10, TimeUnit.SECONDS)).isEqualTo(1);
		}
	}

}

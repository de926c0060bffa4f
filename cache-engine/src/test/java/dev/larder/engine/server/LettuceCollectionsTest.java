package dev.larder.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LMPopArgs;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.ZStoreArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lettuce's typed list, set and sorted-set APIs against the engine over RESP2 and RESP3.
 */
class LettuceCollectionsTest {

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

	private static StatefulRedisConnection<String, String> connect(ProtocolVersion version) {
		client.setOptions(ClientOptions.builder().protocolVersion(version).build());
		return client.connect();
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void sortedSets(ProtocolVersion version) {
		try (StatefulRedisConnection<String, String> conn = connect(version)) {
			RedisCommands<String, String> redis = conn.sync();
			String k = version + ":board";
			assertThat(redis.zadd(k, 10.0, "ann", 20.0, "bob", 15.5, "cy")).isEqualTo(3);
			assertThat(redis.zadd(k, ZAddArgs.Builder.gt().ch(), 5, "ann")).isZero();
			assertThat(redis.zadd(k, ZAddArgs.Builder.lt().ch(), 5, "ann")).isEqualTo(1);
			assertThat(redis.zaddincr(k, 1.25, "cy")).isEqualTo(16.75);
			assertThat(redis.zincrby(k, 100, "bob")).isEqualTo(120.0);
			assertThat(redis.zscore(k, "cy")).isEqualTo(16.75);
			assertThat(redis.zmscore(k, "ann", "nobody")).containsExactly(5.0, null);
			assertThat(redis.zrank(k, "cy")).isEqualTo(1);
			assertThat(redis.zrevrank(k, "cy")).isEqualTo(1);
			assertThat(redis.zcard(k)).isEqualTo(3);
			assertThat(redis.zcount(k, Range.create(5.0, 16.75))).isEqualTo(2);
			assertThat(redis.zrangeWithScores(k, 0, -1)).containsExactly(ScoredValue.just(5, "ann"),
					ScoredValue.just(16.75, "cy"), ScoredValue.just(120, "bob"));
			assertThat(redis.zrevrange(k, 0, 0)).containsExactly("bob");
			assertThat(redis.zrangebyscore(k, Range.from(Range.Boundary.excluding(5.0), Range.Boundary.unbounded()),
					Limit.create(0, 1)))
				.containsExactly("cy");
			assertThat(redis.zrevrangebyscoreWithScores(k, Range.unbounded()).get(0))
				.isEqualTo(ScoredValue.just(120, "bob"));
			assertThat(redis.zpopmin(k)).isEqualTo(ScoredValue.just(5, "ann"));
			assertThat(redis.zpopmax(k, 5)).containsExactly(ScoredValue.just(120, "bob"),
					ScoredValue.just(16.75, "cy"));
			assertThat(redis.exists(k)).isZero();

			redis.zadd(version + ":a", 1.0, "x", 2.0, "y");
			redis.zadd(version + ":b", 10.0, "y", 20.0, "z");
			assertThat(redis.zunionstore(version + ":u", ZStoreArgs.Builder.weights(2.0, 1.0).max(), version + ":a",
					version + ":b"))
				.isEqualTo(3);
			assertThat(redis.zrangeWithScores(version + ":u", 0, -1)).containsExactly(ScoredValue.just(2, "x"),
					ScoredValue.just(10, "y"), ScoredValue.just(20, "z"));
			assertThat(redis.zinter(version + ":a", version + ":b")).containsExactly("y");
			assertThat(redis.zinterWithScores(version + ":a", version + ":b"))
				.containsExactly(ScoredValue.just(12, "y"));
			assertThat(redis.zdiff(version + ":a", version + ":b")).containsExactly("x");
			assertThat(redis.zrangebylex(version + ":a", Range.create("a", "x"))).containsExactly("x");
			assertThat(redis.zscore(version + ":a", "nobody")).isNull();
			redis.zadd(version + ":inf", Double.POSITIVE_INFINITY, "top");
			if (version == ProtocolVersion.RESP3) { // Lettuce's RESP2 double parser
													// rejects "inf" (from Redis too)
				assertThat(redis.zscore(version + ":inf", "top")).isEqualTo(Double.POSITIVE_INFINITY);
			}
			redis.set(version + ":str", "v");
			assertThatThrownBy(() -> redis.zadd(version + ":str", 1, "m"))
				.isInstanceOf(RedisCommandExecutionException.class)
				.hasMessageStartingWith("WRONGTYPE");
		}
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void lists(ProtocolVersion version) throws Exception {
		try (StatefulRedisConnection<String, String> conn = connect(version);
				StatefulRedisConnection<String, String> other = connect(version)) {
			RedisCommands<String, String> redis = conn.sync();
			String k = version + ":list";
			assertThat(redis.rpush(k, "a", "b", "c")).isEqualTo(3);
			assertThat(redis.lpush(k, "z")).isEqualTo(4);
			assertThat(redis.lrange(k, 0, -1)).containsExactly("z", "a", "b", "c");
			assertThat(redis.lindex(k, -1)).isEqualTo("c");
			assertThat(redis.linsert(k, true, "b", "ab")).isEqualTo(5);
			assertThat(redis.lpos(k, "b")).isEqualTo(3);
			assertThat(redis.lset(k, 0, "zz")).isEqualTo("OK");
			assertThat(redis.lrem(k, 0, "ab")).isEqualTo(1);
			assertThat(redis.ltrim(k, 0, 2)).isEqualTo("OK");
			assertThat(redis.lmove(k, version + ":dst", LMoveArgs.Builder.leftRight())).isEqualTo("zz");
			assertThat(redis.lpop(k, 5)).containsExactly("a", "b");
			assertThat(redis.rpop(k)).isNull();
			assertThat(redis.llen(k)).isZero();
			redis.rpush(k, "1", "2", "3");
			KeyValue<String, List<String>> popped = redis.lmpop(LMPopArgs.Builder.right().count(2), "nolist", k);
			assertThat(popped.getKey()).isEqualTo(k);
			assertThat(popped.getValue()).containsExactly("3", "2");

			RedisAsyncCommands<String, String> waiter = other.async();
			var blocked = waiter.blpop(0, version + ":jobs");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!redis.info("clients").contains("blocked_clients:1") && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			redis.rpush(version + ":jobs", "job1");
			assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(KeyValue.just(version + ":jobs", "job1"));
			assertThat(redis.blpop(0.05, version + ":jobs")).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(ProtocolVersion.class)
	void sets(ProtocolVersion version) {
		try (StatefulRedisConnection<String, String> conn = connect(version)) {
			RedisCommands<String, String> redis = conn.sync();
			String a = version + ":sa";
			String b = version + ":sb";
			assertThat(redis.sadd(a, "1", "2", "3", "x")).isEqualTo(4);
			assertThat(redis.sadd(b, "2", "3", "4")).isEqualTo(3);
			assertThat(redis.smembers(a)).containsExactlyInAnyOrder("1", "2", "3", "x");
			assertThat(redis.sismember(a, "x")).isTrue();
			assertThat(redis.smismember(a, "x", "y")).containsExactly(true, false);
			assertThat(redis.scard(a)).isEqualTo(4);
			assertThat(redis.sinter(a, b)).containsExactlyInAnyOrder("2", "3");
			assertThat(redis.sunion(a, b)).hasSize(5);
			assertThat(redis.sdiff(a, b)).containsExactlyInAnyOrder("1", "x");
			assertThat(redis.sintercard(a, b)).isEqualTo(2);
			assertThat(redis.sinterstore(version + ":si", a, b)).isEqualTo(2);
			assertThat(redis.smove(a, b, "x")).isTrue();
			assertThat(redis.srem(a, "1", "nope")).isEqualTo(1);
			assertThat(redis.srandmember(a, -5)).hasSize(5);
			Set<String> popped = redis.spop(a, 10);
			assertThat(popped).containsExactlyInAnyOrder("2", "3");
			assertThat(redis.exists(a)).isZero();
			assertThat(redis.sscan(b).getValues()).containsExactlyInAnyOrder("2", "3", "4", "x");
		}
	}

}

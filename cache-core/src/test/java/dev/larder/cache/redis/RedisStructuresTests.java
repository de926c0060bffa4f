package dev.larder.cache.redis;

import java.time.Duration;
import java.util.List;

import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.script.RespErrorException;
import dev.larder.cache.structure.sortedset.ScoredMember;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.support.CircuitBreaker;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.protocol.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only Redis shows of the structures: key layout, script caching, error texts, both
 * protocols.
 */
class RedisStructuresTests {

	private static RedisProcess redis;

	private RedisBackend backend;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@AfterEach
	void closeBackend() {
		if (this.backend != null) {
			this.backend.close();
		}
	}

	private Structures structures(String prefix) {
		this.backend = RedisTestBackends.standalone(redis, StructureSettings.defaults().withKeyPrefix(prefix));
		return this.backend.structures();
	}

	@Test
	void keysAreLaidOutForRedisCliAndClusterSlots() {
		Structures structures = structures("layout:");
		structures.sortedSets().set("board").add("ana", 1);
		try (LockHandle held = structures.locks()
			.lock("nightly")
			.tryAcquire(Duration.ZERO, Duration.ofMinutes(1))
			.orElseThrow()) {
			assertThat(redis.command("TYPE layout:lock:{nightly}")).isEqualTo("+string");
			assertThat(redis.command("GET layout:lock:{nightly}:fence"))
				.isEqualTo("$" + Long.toString(held.fencingToken()).length());
		}
		structures.rateLimiters().limiter("api", RateLimit.tokenBucket(5, Duration.ofMinutes(1))).tryAcquire("k");
		structures.rateLimiters().limiter("search", RateLimit.slidingWindow(5, Duration.ofMinutes(1))).tryAcquire("k");
		assertThat(redis.command("TYPE layout:zset:board")).isEqualTo("+zset");
		assertThat(redis.command("TYPE layout:rate:{api:k}")).isEqualTo("+string");
		assertThat(redis.command("TYPE layout:rate:{search:k}")).isEqualTo("+zset");
		// Rate-limit state expires on its own: no key outlives its period.
		assertThat(redis.command("PTTL layout:rate:{api:k}")).startsWith(":").isNotEqualTo(":-1");
		assertThat(redis.command("PTTL layout:rate:{search:k}")).startsWith(":").isNotEqualTo(":-1");
	}

	@Test
	void scriptsAreSentAgainWhenTheServerForgotThem() {
		Structures structures = structures("flush:");
		structures.locks().lock("a").tryAcquire(Duration.ZERO, Duration.ofMinutes(1)).orElseThrow().close();
		assertThat(redis.command("SCRIPT FLUSH")).isEqualTo("+OK");
		try (LockHandle held = structures.locks()
			.lock("b")
			.tryAcquire(Duration.ZERO, Duration.ofMinutes(1))
			.orElseThrow()) {
			assertThat(held.isHeld()).isTrue();
		}
	}

	@Test
	void errorsCarryRedisText() {
		Structures structures = structures("errors:");
		assertThat(redis.command("SET errors:zset:taken text")).isEqualTo("+OK");
		assertThatExceptionOfType(RespErrorException.class)
			.isThrownBy(() -> structures.sortedSets().set("taken").add("ana", 1))
			.withMessageStartingWith("WRONGTYPE");
	}

	@Test
	void readsRepliesOfBothProtocols() {
		for (ProtocolVersion protocol : List.of(ProtocolVersion.RESP2, ProtocolVersion.RESP3)) {
			RedisURI uri = RedisURI.create(redis.uri());
			ClientOptions options = ClientOptions.builder().protocolVersion(protocol).build();
			try (RedisBackend backend = new RedisBackend(LettuceConnectors.standalone(uri, options, null),
					new CircuitBreaker(3, Duration.ofSeconds(1)),
					StructureSettings.defaults().withKeyPrefix(protocol + ":"))) {
				ScoredSet<String> set = backend.structures().sortedSets().set("board");
				set.add("a", 1.5);
				set.add("b", Double.POSITIVE_INFINITY);
				assertThat(set.incrementScore("a", 1)).as(protocol.name()).isEqualTo(2.5);
				assertThat(set.score("b")).as(protocol.name()).hasValue(Double.POSITIVE_INFINITY);
				assertThat(set.rangeByRank(0, -1)).as(protocol.name())
					.containsExactly(new ScoredMember<>("a", 2.5), new ScoredMember<>("b", Double.POSITIVE_INFINITY));
				assertThat(set.popMax()).as(protocol.name())
					.contains(new ScoredMember<>("b", Double.POSITIVE_INFINITY));
				assertThat(set.popMin(5)).as(protocol.name()).containsExactly(new ScoredMember<>("a", 2.5));
				assertThat(set.popMin()).as(protocol.name()).isEmpty();
			}
		}
	}

}

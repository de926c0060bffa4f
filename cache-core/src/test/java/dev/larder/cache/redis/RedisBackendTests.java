package dev.larder.cache.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.testing.RedisProcess;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Redis specifics: key layout, expiry, clear without KEYS, health, and surviving an
 * outage.
 */
class RedisBackendTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private RedisProcess redis = RedisProcess.start();

	private LarderCacheManager manager;

	@AfterEach
	void stop() {
		if (this.manager != null) {
			this.manager.close();
		}
		this.redis.stop();
	}

	private LarderCacheManager manager(CacheSettings defaults) {
		this.manager = LarderCacheManager.builder(RedisTestBackends.standalone(this.redis))
			.defaultSettings(defaults)
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.keyPrefix("app:")
			.build();
		return this.manager;
	}

	@Test
	void keysAreReadableWithRedisCliAndCarryTheTtl() {
		LarderCache cache = manager(CacheSettings.defaults().withTtl(Duration.ofMinutes(5))).getCache("products");
		cache.put(42L, "tea");
		assertThat(this.redis.command("EXISTS app:products::42")).isEqualTo(":1");
		long pttl = Long.parseLong(this.redis.command("PTTL app:products::42").substring(1));
		assertThat(pttl).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
	}

	@Test
	void entriesWithoutTtlHaveNoExpiry() {
		LarderCache forever = manager(CacheSettings.defaults()).getCache("forever");
		forever.put("k", "v");
		assertThat(this.redis.command("PTTL app:forever::k")).isEqualTo(":-1");
	}

	@Test
	void clearRemovesOnlyItsNamespaceEvenWithGlobCharactersInTheName() {
		LarderCacheManager manager = manager(CacheSettings.defaults());
		LarderCache starred = manager.getCache("a*");
		LarderCache plain = manager.getCache("ab");
		for (int i = 0; i < 2500; i++) {
			starred.put(i, i);
			plain.put(i, i);
		}
		this.redis.command("SET unrelated 1");
		starred.clear();
		assertThat(this.redis.command("DBSIZE")).isEqualTo(":2501");
		assertThat(plain.get(2499, Integer.class)).isEqualTo(2499);
		assertThat(starred.get(2499)).isNull();
	}

	@Test
	void healthReportsTopologyAndLatency() {
		manager(CacheSettings.defaults());
		BackendHealth health = this.manager.getBackend().health();
		assertThat(health.up()).isTrue();
		assertThat(health.details()).containsEntry("backend", "redis")
			.containsEntry("topology", "standalone")
			.containsEntry("ping", "PONG")
			.containsKey("pingLatencyMillis");
		this.redis.stop();
		Eventually.await(WAIT, "health turns down", () -> !this.manager.getBackend().health().up());
	}

	@Test
	void nativeClientIsTheLettuceConnection() {
		manager(CacheSettings.defaults());
		Object client = this.manager.getBackend().nativeClient();
		assertThat(client).isInstanceOf(StatefulRedisConnection.class);
		@SuppressWarnings("unchecked")
		StatefulRedisConnection<String, byte[]> connection = (StatefulRedisConnection<String, byte[]>) client;
		assertThat(connection.sync().ping()).isEqualTo("PONG");
	}

	@Test
	void anOutageTurnsReadsIntoLoadsAndTheCacheComesBackByItself() {
		LarderCache cache = manager(CacheSettings.defaults()).getCache("outage");
		AtomicInteger loads = new AtomicInteger();
		assertThat(cache.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
		assertThat(cache.get("k", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");

		this.redis.stop();
		for (int i = 0; i < 20; i++) {
			assertThatCode(
					() -> assertThat(cache.get("k", () -> "source" + loads.incrementAndGet())).startsWith("source"))
				.doesNotThrowAnyException();
		}
		assertThat(cache.getStatistics().errorCount()).isPositive();

		this.redis.restart();
		Eventually.await(WAIT, "the cache stores again once Redis is back", () -> {
			cache.put("back", "yes");
			return "yes".equals(cache.get("back", String.class));
		});
		int before = loads.get();
		cache.get("k2", () -> "fresh" + loads.incrementAndGet());
		assertThat(cache.get("k2", () -> "again" + loads.incrementAndGet())).startsWith("fresh");
		assertThat(loads.get() - before).isEqualTo(1);
	}

	@Test
	void theApplicationStartsWhileRedisIsDown() {
		this.redis.stop();
		LarderCache cache = manager(CacheSettings.defaults()).getCache("late");
		assertThat(cache.get("k", () -> "from source")).isEqualTo("from source");
		this.redis.restart();
		Eventually.await(WAIT, "the cache connects once Redis is up", () -> {
			cache.put("k", "cached");
			return "cached".equals(cache.get("k", String.class));
		});
	}

	@Test
	void putIfAbsentReturnsTheExistingValueInOneAtomicCommand() {
		LarderCache cache = manager(CacheSettings.defaults().withTtl(Duration.ofMinutes(1))).getCache("nx");
		assertThat(cache.putIfAbsent("k", "first")).isNull();
		assertThat(cache.putIfAbsent("k", "second").get()).isEqualTo("first");
		assertThat(cache.get("k", String.class)).isEqualTo("first");
		assertThat(List.of(this.redis.command("PTTL app:nx::k"))).allMatch((reply) -> !reply.equals(":-1"));
	}

}

package dev.larder.cache.memcached;

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
import dev.larder.cache.testing.MemcachedProcess;
import net.rubyeye.xmemcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Memcached specifics against real servers: keys, ttls, item size, generations, outages.
 */
class MemcachedBackendTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final List<MemcachedProcess> nodes = MemcachedProcess.pool(3);

	private final List<LarderCacheManager> managers = new java.util.ArrayList<>();

	@AfterEach
	void stop() {
		this.managers.forEach(LarderCacheManager::close);
		this.nodes.forEach(MemcachedProcess::stop);
	}

	private LarderCacheManager manager(List<MemcachedProcess> servers, CacheSettings defaults) {
		LarderCacheManager manager = LarderCacheManager
			.builder(MemcachedTestBackends.backend(servers, true, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE))
			.defaultSettings(defaults)
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.build();
		this.managers.add(manager);
		return manager;
	}

	@Test
	void longAndIllegalKeysRoundTripAndStayDistinct() {
		LarderCache cache = manager(this.nodes, CacheSettings.defaults()).getCache("keys");
		String longKey = "k".repeat(600);
		cache.put(longKey, "long");
		cache.put(longKey + "!", "long too");
		cache.put("with space", "spaced");
		cache.put("with_space", "underscored");
		cache.put("line\nbreak", "control");
		assertThat(cache.get(longKey, String.class)).isEqualTo("long");
		assertThat(cache.get(longKey + "!", String.class)).isEqualTo("long too");
		assertThat(cache.get("with space", String.class)).isEqualTo("spaced");
		assertThat(cache.get("with_space", String.class)).isEqualTo("underscored");
		assertThat(cache.get("line\nbreak", String.class)).isEqualTo("control");
	}

	@Test
	void ttlsOverThirtyDaysAreStoredAsAbsoluteTimes() {
		LarderCache cache = manager(this.nodes.subList(0, 1), CacheSettings.defaults().withTtl(Duration.ofDays(45)))
			.getCache("long-lived");
		cache.put("k", "v");
		assertThat(cache.get("k", String.class)).as("not expired at once, as a relative 45 days would be")
			.isEqualTo("v");
	}

	@Test
	void oversizedValuesAreSkippedAndCountedWithoutFailingOrLosingOthers() {
		LarderCache cache = manager(this.nodes, CacheSettings.defaults()).getCache("big");
		cache.put("small", "fits");
		String huge = "x".repeat(MemcachedBackend.DEFAULT_MAX_ITEM_SIZE + 10);
		assertThatCode(() -> cache.put("huge", huge)).doesNotThrowAnyException();
		cache.put("huge-again", huge);
		assertThat(cache.get("huge")).isNull();
		assertThat(cache.get("small", String.class)).isEqualTo("fits");
		assertThat(cache.getStatistics().skippedWriteCount()).isEqualTo(2);
		assertThat(cache.getStatistics().errorCount()).isZero();
	}

	@Test
	void clearIsOneIncrementAndVisibleToEveryInstance() {
		LarderCache first = manager(this.nodes, CacheSettings.defaults()).getCache("shared");
		LarderCache second = manager(this.nodes, CacheSettings.defaults()).getCache("shared");
		LarderCache other = manager(this.nodes, CacheSettings.defaults()).getCache("other");
		for (int i = 0; i < 100; i++) {
			first.put(i, i);
			other.put(i, i);
		}
		assertThat(second.get(42, Integer.class)).isEqualTo(42);
		long itemsBefore = this.nodes.stream().mapToLong(MemcachedProcess::itemCount).sum();
		first.clear();
		assertThat(this.nodes.stream().mapToLong(MemcachedProcess::itemCount).sum())
			.as("nothing deleted, one key bumped")
			.isEqualTo(itemsBefore);
		for (int i = 0; i < 100; i++) {
			assertThat(second.get(i)).isNull();
			assertThat(other.get(i, Integer.class)).isEqualTo(i);
		}
	}

	@Test
	void aLostGenerationNeverBringsOldEntriesBack() {
		LarderCacheManager manager = manager(this.nodes.subList(0, 1), CacheSettings.defaults());
		LarderCache cache = manager.getCache("gen");
		cache.put("k", "old");
		cache.clear();
		cache.put("k", "new");
		MemcachedProcess node = this.nodes.get(0);
		assertThat(node.command("delete gen::generation")).isEqualTo("DELETED");
		assertThat(cache.get("k")).as("a fresh generation from the clock, not 0 or an old one").isNull();
	}

	@Test
	void aNodeDownMakesItsKeysMissesAndItRejoinsWhenBack() {
		LarderCache cache = manager(this.nodes, CacheSettings.defaults()).getCache("outage");
		AtomicInteger loads = new AtomicInteger();
		for (int i = 0; i < 60; i++) {
			int n = i;
			cache.get(n, () -> n + loads.incrementAndGet() * 0);
		}
		assertThat(loads).hasValue(60);
		// Losing the node that holds the cache's generation starts a fresh generation
		// (every key a
		// miss, by design); this test is about losing one of the other nodes.
		MemcachedProcess down = this.nodes.stream()
			.filter((node) -> !node.command("get outage::generation").startsWith("VALUE"))
			.findFirst()
			.orElseThrow();
		down.stop();
		for (int i = 0; i < 60; i++) {
			int n = i;
			assertThatCode(() -> assertThat(cache.get(n, () -> {
				loads.incrementAndGet();
				return n;
			})).isEqualTo(n)).doesNotThrowAnyException();
		}
		int reloaded = loads.get() - 60;
		assertThat(reloaded).as("only the down node's keys were reloaded").isBetween(0, 59);
		BackendHealth health = this.managers.get(0).getBackend().health();
		assertThat(health.up()).isTrue();
		assertThat(health.details().get("nodesUp")).isEqualTo("2/3");

		down.restart();
		Eventually.await(WAIT, "the node rejoins the pool",
				() -> "3/3".equals(this.managers.get(0).getBackend().health().details().get("nodesUp")));
		Eventually.await(WAIT, "keys are cached again", () -> {
			cache.put("again", "yes");
			return "yes".equals(cache.get("again", String.class));
		});
	}

	@Test
	void losingTheGenerationsNodeClearsTheCacheInsteadOfServingStaleEntries() {
		LarderCache cache = manager(this.nodes, CacheSettings.defaults()).getCache("genloss");
		for (int i = 0; i < 30; i++) {
			cache.put(i, i);
		}
		MemcachedProcess holder = this.nodes.stream()
			.filter((node) -> node.command("get genloss::generation").startsWith("VALUE"))
			.findFirst()
			.orElseThrow();
		holder.stop();
		for (int i = 0; i < 30; i++) {
			assertThat(cache.get(i)).isNull();
		}
		cache.put(1, 100);
		assertThat(cache.get(1, Integer.class)).isEqualTo(100);
	}

	@Test
	void nativeClientIsTheXMemcachedClient() throws Exception {
		LarderCacheManager manager = manager(this.nodes, CacheSettings.defaults());
		MemcachedClient client = (MemcachedClient) manager.nativeClient();
		client.set("raw", 0, "value");
		assertThat((String) client.get("raw")).isEqualTo("value");
	}

}

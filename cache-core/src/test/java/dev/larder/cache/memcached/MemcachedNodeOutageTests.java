package dev.larder.cache.memcached;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.testing.CacheLoad;
import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Memcached node killed (SIGKILL) in a pool of two under {@code @Cacheable}-style load:
 * callers never see an exception, the other node keeps serving, the lost node's keys go
 * to the source of truth, and the node serves again within about a reconnect interval of
 * its return.
 */
class MemcachedNodeOutageTests {

	private static final Duration RECONNECT_INTERVAL = Duration.ofMillis(500);

	/** Back within about a reconnect interval; asserted generously. */
	private static final Duration SERVES_AGAIN_WITHIN = Duration.ofSeconds(5);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final int KEYS = 100;

	private final List<MemcachedProcess> nodes = MemcachedProcess.pool(2);

	private LarderCacheManager manager;

	@AfterEach
	void stop() {
		if (this.manager != null) {
			this.manager.close();
		}
		this.nodes.forEach(MemcachedProcess::stop);
	}

	@Test
	void aKilledNodeCostsCallersNothingAndServesAgainSoonAfterItReturns() throws Exception {
		this.manager = LarderCacheManager
			.builder(MemcachedTestBackends.backend(this.nodes, true, MemcachedBackend.DEFAULT_MAX_ITEM_SIZE,
					RECONNECT_INTERVAL))
			.defaultSettings(CacheSettings.defaults())
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.build();
		LarderCache cache = this.manager.getCache("outage");
		try (CacheLoad load = CacheLoad.start(cache, 4, KEYS)) {
			Eventually.await(WAIT, "every key cached", () -> {
				for (int key = 0; key < KEYS; key++) {
					if (cache.get(key, String.class) == null) {
						return false;
					}
				}
				return true;
			});
			// Losing the node holding the cache's generation clears the cache by design
			// (see MemcachedBackendTests); this is about losing the other one.
			MemcachedProcess down = this.nodes.stream()
				.filter((node) -> !node.command("get outage::generation").startsWith("VALUE"))
				.findFirst()
				.orElseThrow();
			MemcachedProcess up = this.nodes.get(1 - this.nodes.indexOf(down));
			long itemsOnTheOtherNode = up.itemCount();
			int loadsBefore = load.loads();

			down.kill();
			long killedAt = System.nanoTime();
			Eventually.await(WAIT, "the lost node's keys are loaded from the source of truth",
					() -> load.loads() - loadsBefore > 0);
			// The outage itself: a few reconnect intervals.
			Thread.sleep(3_000);
			BackendHealth degraded = this.manager.getBackend().health();
			assertThat(degraded.up()).isTrue();
			assertThat(degraded.details().get("nodesUp")).isEqualTo("1/2");
			assertThat(up.itemCount()).as("the lost node's keys now stored on the other node")
				.isGreaterThan(itemsOnTheOtherNode);
			int loadsDuringOutage = load.loads() - loadsBefore;
			assertThat(loadsDuringOutage).as("only the lost node's keys were loaded again").isLessThan(KEYS);

			down.restart();
			long back = System.nanoTime();
			Eventually.await(SERVES_AGAIN_WITHIN, "the returned node holds entries again", () -> down.itemCount() > 0);
			long servesAgainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
			assertThat(this.manager.getBackend().health().details().get("nodesUp")).isEqualTo("2/2");

			long longestWait = load.calls()
				.stream()
				.filter((call) -> call.end() > killedAt)
				.mapToLong(CacheLoad.Call::millis)
				.max()
				.orElse(0);
			System.out.printf("Memcached node killed (SIGKILL) for 3 s in a pool of two: %d keys loaded from the "
					+ "source of truth meanwhile, longest call %d ms; the node served again %d ms after it "
					+ "answered%n", loadsDuringOutage, longestWait, servesAgainMillis);
			assertThat(load.exceptions()).as("exceptions seen by callers").isEmpty();
		}
	}

}

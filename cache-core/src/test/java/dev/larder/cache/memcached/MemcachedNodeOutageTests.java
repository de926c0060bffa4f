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

	private LarderCache cache() {
		MemcachedBackend backend = MemcachedTestBackends.backend(this.nodes, true,
				MemcachedBackend.DEFAULT_MAX_ITEM_SIZE, RECONNECT_INTERVAL);
		// What larder.memcached.max-consecutive-timeouts=3 sets.
		backend.nativeClient().setTimeoutExceptionThreshold(2);
		this.manager = LarderCacheManager.builder(backend)
			.defaultSettings(CacheSettings.defaults())
			.serializer(new JsonValueSerializer(TypeAllowList.jdkValueTypesOnly()))
			.build();
		return this.manager.getCache("outage");
	}

	private static void awaitAllCached(LarderCache cache) {
		Eventually.await(WAIT, "every key cached", () -> {
			for (int key = 0; key < KEYS; key++) {
				if (cache.get(key, String.class) == null) {
					return false;
				}
			}
			return true;
		});
	}

	/**
	 * Losing the node holding the cache's generation clears the cache by design (see
	 * MemcachedBackendTests); these tests are about losing the other one.
	 */
	private MemcachedProcess nodeWithoutTheGeneration() {
		return this.nodes.stream()
			.filter((node) -> !node.command("get outage::generation").startsWith("VALUE"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aKilledNodeCostsCallersNothingAndServesAgainSoonAfterItReturns() throws Exception {
		LarderCache cache = cache();
		try (CacheLoad load = CacheLoad.start(cache, 4, KEYS)) {
			awaitAllCached(cache);
			MemcachedProcess down = nodeWithoutTheGeneration();
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

	@Test
	void aHungNodeCostsAFewCallersTheOpTimeoutThenLeavesThePoolUntilItAnswers() throws Exception {
		LarderCache cache = cache();
		try (CacheLoad load = CacheLoad.start(cache, 4, KEYS)) {
			awaitAllCached(cache);
			MemcachedProcess hung = nodeWithoutTheGeneration();

			hung.pause();
			long pausedAt = System.nanoTime();
			try {
				Eventually.await(WAIT, "the hung node leaves the pool",
						() -> "1/2".equals(this.manager.getBackend().health().details().get("nodesUp")));
				long leftAt = System.nanoTime();
				int callsThen = load.callCount();
				Eventually.await(WAIT, "a thousand more calls", () -> load.callCount() >= callsThen + 1000);
				assertThat(this.manager.getBackend().health().details().get("nodesUp"))
					.as("a node that does not answer is not put back")
					.isEqualTo("1/2");
				long longestAfter = load.calls()
					.stream()
					.filter((call) -> call.start() > leftAt)
					.mapToLong(CacheLoad.Call::millis)
					.max()
					.orElse(0);
				long slowCalls = load.calls().stream().filter((call) -> call.millis() >= 900).count();
				System.out.printf(
						"Memcached node hung (SIGSTOP) in a pool of two: out of the pool %d ms after the "
								+ "hang, %d calls waited the 1 s op-timeout, the longest call after it left %d ms%n",
						TimeUnit.NANOSECONDS.toMillis(leftAt - pausedAt), slowCalls, longestAfter);
				assertThat(longestAfter).as("calls once the node left the pool").isLessThan(500);
			}
			finally {
				hung.resume();
			}
			long back = System.nanoTime();
			Eventually.await(SERVES_AGAIN_WITHIN, "the node is back in the pool",
					() -> "2/2".equals(this.manager.getBackend().health().details().get("nodesUp")));
			System.out.printf("The node was back in the pool %d ms after SIGCONT%n",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
			assertThat(load.exceptions()).as("exceptions seen by callers").isEmpty();
		}
	}

}

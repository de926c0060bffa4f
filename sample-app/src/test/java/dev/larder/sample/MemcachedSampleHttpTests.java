package dev.larder.sample;

import java.net.http.HttpResponse;
import java.util.List;

import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache and structures on a real memcached alone: the application starts, the catalog,
 * the rate limit and the lock work, and the leaderboard (a sorted set, which Memcached
 * has not) answers 501 naming the property that enables it.
 */
@DirtiesContext
class MemcachedSampleHttpTests extends SampleHttpTests {

	private static MemcachedProcess memcached;

	@BeforeAll
	static void startMemcached() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stopMemcached() {
		memcached.stop();
	}

	@DynamicPropertySource
	static void onMemcached(DynamicPropertyRegistry registry) {
		registry.add("larder.backend", () -> "memcached");
		registry.add("larder.memcached.servers", () -> memcached.address());
	}

	@Test
	void theLeaderboardAnswers501NamingThePropertyThatEnablesIt() throws Exception {
		for (HttpResponse<String> response : List.of(post("/leaderboard/scores", "{\"player\":\"ana\",\"score\":42}"),
				get("/leaderboard/top", null), post("/jobs/leaderboard-trim", null))) {
			assertThat(response.statusCode()).isEqualTo(501);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("larder.structures.backend=embedded")
				.contains("Memcached has no sorted sets");
		}
		assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
	}

}

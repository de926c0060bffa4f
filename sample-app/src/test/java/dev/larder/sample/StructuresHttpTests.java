package dev.larder.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;

import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.sortedset.SortedSets;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The structures over real HTTP on the embedded backend: the leaderboard, the
 * rate-limited endpoint answering 429 with Retry-After, and the lock-guarded job
 * answering 409 while the lock is held elsewhere. The schedule and the rate limit's
 * period are stretched so that nothing moves while the test runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "larder.embedded.port=0",
		"sample.quotes.period=1h", "sample.leaderboard.trim-every=1h", "sample.leaderboard.keep=3" })
class StructuresHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SortedSets sortedSets;

	@Autowired
	private Locks locks;

	@Autowired
	private CacheBackend backend;

	@BeforeEach
	void emptyTheLeaderboard() {
		this.sortedSets.set("leaderboard").delete();
	}

	/**
	 * Locks and rate limiters on the embedded backend are Lua scripts: until the engine
	 * runs EVAL (branch engine), those tests are skipped, saying why, rather than failing
	 * the build.
	 */
	private void assumeEngineRunsScripts() {
		Reply reply = ((Engine) this.backend.nativeClient()).execute("EVAL", "return 1", "0");
		assumeTrue(reply instanceof Reply.IntegerReply, "the embedded engine does not run EVAL yet: " + reply);
	}

	@Test
	void theLeaderboardKeepsBestScoresAndRanksPlayers() throws Exception {
		post("/leaderboard/scores", "{\"player\":\"ana\",\"score\":42}");
		post("/leaderboard/scores", "{\"player\":\"bob\",\"score\":17}");
		HttpResponse<String> improved = post("/leaderboard/scores", "{\"player\":\"bob\",\"score\":50}");
		assertThat(improved.body()).isEqualTo("{\"player\":\"bob\",\"score\":50.0,\"rank\":1}");
		HttpResponse<String> worse = post("/leaderboard/scores", "{\"player\":\"ana\",\"score\":1}");
		assertThat(worse.body()).as("a lower score keeps the best")
			.isEqualTo("{\"player\":\"ana\",\"score\":42.0,\"rank\":2}");
		for (int i = 0; i < 12; i++) {
			post("/leaderboard/scores", "{\"player\":\"p" + i + "\",\"score\":" + i + "}");
		}
		HttpResponse<String> top = get("/leaderboard/top", null);
		assertThat(top.statusCode()).isEqualTo(200);
		assertThat(top.body())
			.startsWith("[{\"player\":\"bob\",\"score\":50.0,\"rank\":1},"
					+ "{\"player\":\"ana\",\"score\":42.0,\"rank\":2},{\"player\":\"p11\",\"score\":11.0,\"rank\":3}")
			.endsWith("{\"player\":\"p4\",\"score\":4.0,\"rank\":10}]");
		assertThat(get("/leaderboard/players/p0", null).body())
			.isEqualTo("{\"player\":\"p0\",\"score\":0.0,\"rank\":14}");
		assertThat(get("/leaderboard/players/nobody", null).statusCode()).isEqualTo(404);
	}

	@Test
	void theQuoteEndpointAnswers429WithRetryAfterPerClient() throws Exception {
		assumeEngineRunsScripts();
		String client = "client-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(get("/quotes/random", client).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = get("/quotes/random", client);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive().isLessThanOrEqualTo(720));
		assertThat(limited.body()).contains("Rate limit 'quotes' exceeded");
		assertThat(get("/quotes/random", "another-" + client).statusCode()).as("each client has its own budget")
			.isEqualTo(200);
	}

	@Test
	void theTrimJobRunsUnderItsLockAndAnswers409WhileItIsHeldElsewhere() throws Exception {
		assumeEngineRunsScripts();
		for (int i = 0; i < 5; i++) {
			post("/leaderboard/scores", "{\"player\":\"p" + i + "\",\"score\":" + i + "}");
		}
		LockHandle elsewhere = this.locks.lock("leaderboard-trim")
			.tryAcquire(Duration.ZERO, Duration.ofMinutes(1))
			.orElseThrow();
		try {
			HttpResponse<String> busy = post("/jobs/leaderboard-trim", null);
			assertThat(busy.statusCode()).isEqualTo(409);
			assertThat(busy.body()).contains("lock 'leaderboard-trim'");
		}
		finally {
			elsewhere.release();
		}
		HttpResponse<String> trimmed = post("/jobs/leaderboard-trim", null);
		assertThat(trimmed.statusCode()).isEqualTo(200);
		assertThat(trimmed.body()).isEqualTo("{\"removed\":2}");
		assertThat(this.sortedSets.set("leaderboard").size()).isEqualTo(3);
		assertThat(this.locks.lock("leaderboard-trim").isLocked()).as("released after the job").isFalse();
	}

	private HttpResponse<String> get(String path, String client) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (client != null) {
			request.header("X-Client-Id", client);
		}
		return this.http.send(request.GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
		}
		else {
			request.POST(BodyPublishers.noBody());
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}

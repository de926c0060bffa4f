package dev.larder.sample;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.sortedset.SortedSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a backend that carries every structure: the leaderboard on a sorted set, and the
 * lock-guarded job answering 409 while the lock is held elsewhere.
 */
abstract class AllStructuresSampleHttpTests extends SampleHttpTests {

	@Autowired
	private SortedSets sortedSets;

	@Autowired
	private Locks locks;

	@BeforeEach
	void emptyTheLeaderboard() {
		this.sortedSets.set("leaderboard").delete();
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
	void theTrimJobRunsUnderItsLockAndAnswers409WhileItIsHeldElsewhere() throws Exception {
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

}

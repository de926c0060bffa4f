package dev.larder.sample.leaderboard;

import java.util.Map;

import dev.larder.cache.structure.lock.LockNotAcquiredException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the trim on demand: {@code POST /jobs/leaderboard-trim}; 409 while another trim
 * runs.
 */
@RestController
public class LeaderboardJobController {

	private final LeaderboardTrimJob job;

	public LeaderboardJobController(LeaderboardTrimJob job) {
		this.job = job;
	}

	@PostMapping("/jobs/leaderboard-trim")
	public Map<String, Integer> trim() {
		return Map.of("removed", this.job.trim());
	}

	@ExceptionHandler(LockNotAcquiredException.class)
	ProblemDetail alreadyRunning(LockNotAcquiredException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The job is running elsewhere (lock '" + ex.lockName() + "'); try again later");
	}

}

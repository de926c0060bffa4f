package dev.larder.sample.leaderboard;

import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.lock.LockNotAcquiredException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance schedules the trim; the lock lets one of them run it and the others
 * skip.
 */
@Component
class LeaderboardTrimSchedule {

	private static final Log logger = LogFactory.getLog(LeaderboardTrimSchedule.class);

	private final LeaderboardTrimJob job;

	LeaderboardTrimSchedule(LeaderboardTrimJob job) {
		this.job = job;
	}

	@Scheduled(initialDelayString = "${sample.leaderboard.trim-every:5m}",
			fixedDelayString = "${sample.leaderboard.trim-every:5m}")
	void trim() {
		try {
			int removed = this.job.trim();
			logger.info("Leaderboard trimmed: " + removed + " players removed");
		}
		catch (LockNotAcquiredException ex) {
			logger.debug("Another instance is trimming the leaderboard; skipped here");
		}
		catch (UnsupportedStructureException ex) {
			// The leaderboard's endpoints answer 501 on such a backend; the schedule only
			// says so.
			logger.debug("No leaderboard to trim on this backend: " + ex.getMessage());
		}
	}

}

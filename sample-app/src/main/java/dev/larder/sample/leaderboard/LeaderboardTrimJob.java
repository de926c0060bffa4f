package dev.larder.sample.leaderboard;

import dev.larder.cache.structure.annotation.WithLock;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the leaderboard to its best {@code sample.leaderboard.keep} players. Run on every
 * instance by a schedule (and on demand over HTTP), it holds a distributed lock so that
 * one trim runs at a time across all instances; a call that finds the lock taken does not
 * run and throws {@link dev.larder.cache.structure.lock.LockNotAcquiredException}.
 */
@Component
public class LeaderboardTrimJob {

	private final ScoredSet<String> board;

	private final int keep;

	public LeaderboardTrimJob(SortedSets sortedSets, @Value("${sample.leaderboard.keep:1000}") int keep) {
		this.board = sortedSets.set(LeaderboardController.BOARD);
		this.keep = keep;
	}

	/** Removes the lowest scores beyond the kept ones; returns how many were removed. */
	@WithLock(name = "leaderboard-trim", waitTime = "0s", leaseTime = "5m")
	public int trim() {
		long excess = this.board.size() - this.keep;
		return (excess > 0) ? this.board.popMin((int) Math.min(excess, Integer.MAX_VALUE)).size() : 0;
	}

}

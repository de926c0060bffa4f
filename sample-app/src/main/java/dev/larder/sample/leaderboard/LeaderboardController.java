package dev.larder.sample.leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import dev.larder.cache.structure.sortedset.AddCondition;
import dev.larder.cache.structure.sortedset.ScoredMember;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A high-score table on a Larder sorted set: {@code POST /leaderboard/scores} keeps each
 * player's best score, {@code GET /leaderboard/top} lists the top 10, {@code GET
 * /leaderboard/players/{name}} gives one player's score and rank. Every instance of the
 * app on the same backend shares it.
 */
@RestController
@RequestMapping("/leaderboard")
public class LeaderboardController {

	static final String BOARD = "leaderboard";

	private final ScoredSet<String> board;

	public LeaderboardController(SortedSets sortedSets) {
		this.board = sortedSets.set(BOARD);
	}

	/**
	 * Records a score; a lower score than the player's best changes nothing (ZADD GT).
	 */
	@PostMapping("/scores")
	public Standing submit(@RequestBody Score score) {
		this.board.add(score.player(), score.score(), AddCondition.IF_GREATER);
		return standing(score.player()).orElseThrow();
	}

	@GetMapping("/top")
	public List<Standing> top() {
		List<ScoredMember<String>> top = this.board.top(10);
		List<Standing> standings = new ArrayList<>(top.size());
		for (int i = 0; i < top.size(); i++) {
			standings.add(new Standing(top.get(i).member(), top.get(i).score(), i + 1));
		}
		return standings;
	}

	@GetMapping("/players/{player}")
	public ResponseEntity<Standing> player(@PathVariable String player) {
		return ResponseEntity.of(standing(player));
	}

	private Optional<Standing> standing(String player) {
		OptionalDouble score = this.board.score(player);
		OptionalLong rank = this.board.reverseRank(player);
		if (score.isEmpty() || rank.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Standing(player, score.getAsDouble(), rank.getAsLong() + 1));
	}

	/** A submitted score. */
	public record Score(String player, double score) {
	}

	/** A player's best score and place (1 is the top). */
	public record Standing(String player, double score, long rank) {
	}

}

package dev.larder.cache.structure.sortedset;

/**
 * Scores from {@code min} to {@code max}, each end inclusive or exclusive; always written
 * low to high, also for descending queries.
 */
public record ScoreRange(ScoreBound min, ScoreBound max) {

	private static final ScoreRange ALL = new ScoreRange(ScoreBound.negativeInfinity(), ScoreBound.positiveInfinity());

	public static ScoreRange all() {
		return ALL;
	}

	/** {@code min <= score <= max}. */
	public static ScoreRange closed(double min, double max) {
		return new ScoreRange(ScoreBound.inclusive(min), ScoreBound.inclusive(max));
	}

	/** {@code score >= min}. */
	public static ScoreRange atLeast(double min) {
		return new ScoreRange(ScoreBound.inclusive(min), ScoreBound.positiveInfinity());
	}

	/** {@code score > min}. */
	public static ScoreRange greaterThan(double min) {
		return new ScoreRange(ScoreBound.exclusive(min), ScoreBound.positiveInfinity());
	}

	/** {@code score <= max}. */
	public static ScoreRange atMost(double max) {
		return new ScoreRange(ScoreBound.negativeInfinity(), ScoreBound.inclusive(max));
	}

	/** {@code score < max}. */
	public static ScoreRange lessThan(double max) {
		return new ScoreRange(ScoreBound.negativeInfinity(), ScoreBound.exclusive(max));
	}

}

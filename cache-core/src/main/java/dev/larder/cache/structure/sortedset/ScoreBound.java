package dev.larder.cache.structure.sortedset;

/**
 * One end of a score range: a value, inclusive or exclusive, or an infinity.
 *
 * @param value the score; {@code ±Infinity} for an open end
 * @param exclusive whether a member with exactly this score is outside the range
 */
public record ScoreBound(double value, boolean exclusive) {

	private static final ScoreBound NEGATIVE_INFINITY = new ScoreBound(Double.NEGATIVE_INFINITY, false);

	private static final ScoreBound POSITIVE_INFINITY = new ScoreBound(Double.POSITIVE_INFINITY, false);

	public ScoreBound {
		if (Double.isNaN(value)) {
			throw new IllegalArgumentException("A score bound cannot be NaN");
		}
	}

	public static ScoreBound inclusive(double value) {
		return new ScoreBound(value, false);
	}

	public static ScoreBound exclusive(double value) {
		return new ScoreBound(value, true);
	}

	public static ScoreBound negativeInfinity() {
		return NEGATIVE_INFINITY;
	}

	public static ScoreBound positiveInfinity() {
		return POSITIVE_INFINITY;
	}

}

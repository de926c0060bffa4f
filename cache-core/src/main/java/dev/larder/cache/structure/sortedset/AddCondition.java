package dev.larder.cache.structure.sortedset;

/** When {@link ScoredSet#add(Object, double, AddCondition)} writes, as ZADD's flags. */
public enum AddCondition {

	/** Always: add a new member or update the score of an existing one. */
	ALWAYS,

	/** Only add new members, never update an existing score ({@code NX}). */
	IF_ABSENT,

	/** Only update existing members, never add ({@code XX}). */
	IF_PRESENT,

	/**
	 * Add new members; update an existing one only to a greater score ({@code GT}, a
	 * high-score table).
	 */
	IF_GREATER,

	/**
	 * Add new members; update an existing one only to a lower score ({@code LT}, a
	 * best-time table).
	 */
	IF_LESS

}

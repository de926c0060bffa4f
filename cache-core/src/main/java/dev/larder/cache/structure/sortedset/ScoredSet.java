package dev.larder.cache.structure.sortedset;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A sorted set with Redis's semantics wherever it lives: members ordered by score, ties
 * broken by the members' bytes (lexicographically), ranks from 0. Every call is one
 * atomic operation in the backend. A leaderboard:
 *
 * <pre>{@code
 * ScoredSet<String> board = sortedSets.set("leaderboard");
 * board.add("ana", 42, AddCondition.IF_GREATER);
 * List<ScoredMember<String>> top10 = board.top(10);
 * }</pre>
 */
public interface ScoredSet<T> {

	String name();

	/** Adds the member or sets its score; {@code true} when the member is new. */
	default boolean add(T member, double score) {
		return add(member, score, AddCondition.ALWAYS);
	}

	/**
	 * Adds or updates under a condition; {@code true} when the set changed (a member
	 * added or a score changed), like ZADD's {@code CH}.
	 */
	boolean add(T member, double score, AddCondition condition);

	/**
	 * Adds {@code delta} to the member's score (from 0 for a new member) and returns the
	 * new score.
	 */
	double incrementScore(T member, double delta);

	OptionalDouble score(T member);

	/** The member's 0-based position by ascending score; empty when absent. */
	OptionalLong rank(T member);

	/**
	 * The member's 0-based position by descending score (0 is the highest); empty when
	 * absent.
	 */
	OptionalLong reverseRank(T member);

	/**
	 * Members at ranks {@code start..stop} ascending, inclusive; negative ranks count
	 * from the end.
	 */
	List<ScoredMember<T>> rangeByRank(long start, long stop);

	/** Members at ranks {@code start..stop} descending (0 is the highest), inclusive. */
	List<ScoredMember<T>> reverseRangeByRank(long start, long stop);

	/** Members with a score in the range, ascending. */
	default List<ScoredMember<T>> rangeByScore(ScoreRange range) {
		return rangeByScore(range, 0, -1);
	}

	/**
	 * Members with a score in the range, ascending, skipping {@code offset}, at most
	 * {@code count} ({@code -1}: all).
	 */
	List<ScoredMember<T>> rangeByScore(ScoreRange range, long offset, long count);

	/**
	 * Members with a score in the range, descending, skipping {@code offset}, at most
	 * {@code count} ({@code -1}: all).
	 */
	List<ScoredMember<T>> reverseRangeByScore(ScoreRange range, long offset, long count);

	/** The {@code n} highest-scored members, highest first. */
	default List<ScoredMember<T>> top(int n) {
		if (n <= 0) {
			return List.of();
		}
		return reverseRangeByRank(0, n - 1);
	}

	/** How many members have a score in the range. */
	long count(ScoreRange range);

	/** {@code true} when the member was there. */
	boolean remove(T member);

	/** How many of the members were there. */
	long removeAll(Collection<? extends T> members);

	Optional<ScoredMember<T>> popMin();

	Optional<ScoredMember<T>> popMax();

	/** Removes and returns up to {@code count} lowest-scored members, lowest first. */
	List<ScoredMember<T>> popMin(int count);

	/** Removes and returns up to {@code count} highest-scored members, highest first. */
	List<ScoredMember<T>> popMax(int count);

	long size();

	/** Removes the whole set. */
	void delete();

}

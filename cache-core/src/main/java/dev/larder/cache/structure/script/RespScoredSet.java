package dev.larder.cache.structure.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import dev.larder.cache.structure.sortedset.AddCondition;
import dev.larder.cache.structure.sortedset.ScoreBound;
import dev.larder.cache.structure.sortedset.ScoreRange;
import dev.larder.cache.structure.sortedset.ScoredMember;
import dev.larder.cache.structure.sortedset.ScoredSet;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ScoredSet} that is one native sorted set: each method is one Z* command, so
 * ordering, ties (by member bytes), bounds and the ZADD flags are the backend's own.
 */
final class RespScoredSet<T> implements ScoredSet<T> {

	private static final byte[] CH = ascii("CH");

	private static final byte[] NX = ascii("NX");

	private static final byte[] XX = ascii("XX");

	private static final byte[] GT = ascii("GT");

	private static final byte[] LT = ascii("LT");

	private static final byte[] WITHSCORES = ascii("WITHSCORES");

	private static final byte[] BYSCORE = ascii("BYSCORE");

	private static final byte[] REV = ascii("REV");

	private static final byte[] LIMIT = ascii("LIMIT");

	private final String name;

	private final String key;

	private final RespCommands commands;

	private final MemberCodec<T> codec;

	RespScoredSet(String name, String key, RespCommands commands, MemberCodec<T> codec) {
		this.name = name;
		this.key = key;
		this.commands = commands;
		this.codec = codec;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean add(T member, double score, AddCondition condition) {
		Objects.requireNonNull(condition, "condition");
		byte[] encoded = encode(member);
		byte[] scoreText = score(score);
		// CH: count updated scores too, so "changed" means what it says for every
		// condition.
		Object reply = switch (condition) {
			case ALWAYS -> this.commands.execute("ZADD", this.key, CH, scoreText, encoded);
			case IF_ABSENT -> this.commands.execute("ZADD", this.key, NX, CH, scoreText, encoded);
			case IF_PRESENT -> this.commands.execute("ZADD", this.key, XX, CH, scoreText, encoded);
			case IF_GREATER -> this.commands.execute("ZADD", this.key, GT, CH, scoreText, encoded);
			case IF_LESS -> this.commands.execute("ZADD", this.key, LT, CH, scoreText, encoded);
		};
		return Replies.integer(reply) > 0;
	}

	@Override
	public double incrementScore(T member, double delta) {
		return Replies.score(this.commands.execute("ZINCRBY", this.key, score(delta), encode(member)));
	}

	@Override
	public OptionalDouble score(T member) {
		Double score = Replies.scoreOrNull(this.commands.execute("ZSCORE", this.key, encode(member)));
		return (score != null) ? OptionalDouble.of(score) : OptionalDouble.empty();
	}

	@Override
	public OptionalLong rank(T member) {
		return optional(Replies.integerOrNull(this.commands.execute("ZRANK", this.key, encode(member))));
	}

	@Override
	public OptionalLong reverseRank(T member) {
		return optional(Replies.integerOrNull(this.commands.execute("ZREVRANK", this.key, encode(member))));
	}

	@Override
	public List<ScoredMember<T>> rangeByRank(long start, long stop) {
		return members(this.commands.execute("ZRANGE", this.key, number(start), number(stop), WITHSCORES));
	}

	@Override
	public List<ScoredMember<T>> reverseRangeByRank(long start, long stop) {
		return members(this.commands.execute("ZRANGE", this.key, number(start), number(stop), REV, WITHSCORES));
	}

	@Override
	public List<ScoredMember<T>> rangeByScore(ScoreRange range, long offset, long count) {
		return members(this.commands.execute("ZRANGE", this.key,
				byScore(bound(range.min()), bound(range.max()), false, offset, count)));
	}

	@Override
	public List<ScoredMember<T>> reverseRangeByScore(ScoreRange range, long offset, long count) {
		// REV takes the bounds high first.
		return members(this.commands.execute("ZRANGE", this.key,
				byScore(bound(range.max()), bound(range.min()), true, offset, count)));
	}

	private static byte[][] byScore(byte[] from, byte[] to, boolean reverse, long offset, long count) {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, got " + offset);
		}
		List<byte[]> args = new ArrayList<>(List.of(from, to, BYSCORE));
		if (reverse) {
			args.add(REV);
		}
		if (offset != 0 || count >= 0) {
			args.add(LIMIT);
			args.add(number(offset));
			args.add(number(count));
		}
		args.add(WITHSCORES);
		return args.toArray(byte[][]::new);
	}

	@Override
	public long count(ScoreRange range) {
		return Replies.integer(this.commands.execute("ZCOUNT", this.key, bound(range.min()), bound(range.max())));
	}

	@Override
	public boolean remove(T member) {
		return Replies.integer(this.commands.execute("ZREM", this.key, encode(member))) > 0;
	}

	@Override
	public long removeAll(Collection<? extends T> members) {
		if (members.isEmpty()) {
			return 0;
		}
		byte[][] encoded = members.stream().map(this::encode).toArray(byte[][]::new);
		return Replies.integer(this.commands.execute("ZREM", this.key, encoded));
	}

	@Override
	public Optional<ScoredMember<T>> popMin() {
		return first(this.commands.execute("ZPOPMIN", this.key));
	}

	@Override
	public Optional<ScoredMember<T>> popMax() {
		return first(this.commands.execute("ZPOPMAX", this.key));
	}

	@Override
	public List<ScoredMember<T>> popMin(int count) {
		return (count > 0) ? members(this.commands.execute("ZPOPMIN", this.key, number(count))) : List.of();
	}

	@Override
	public List<ScoredMember<T>> popMax(int count) {
		return (count > 0) ? members(this.commands.execute("ZPOPMAX", this.key, number(count))) : List.of();
	}

	@Override
	public long size() {
		return Replies.integer(this.commands.execute("ZCARD", this.key));
	}

	@Override
	public void delete() {
		this.commands.execute("UNLINK", this.key);
	}

	private byte[] encode(T member) {
		Objects.requireNonNull(member, "A sorted set member cannot be null");
		return this.codec.encode(member);
	}

	private List<ScoredMember<T>> members(@Nullable Object reply) {
		return Replies.scoredMembers(reply, this.codec::decode);
	}

	private Optional<ScoredMember<T>> first(@Nullable Object reply) {
		List<ScoredMember<T>> members = members(reply);
		return members.isEmpty() ? Optional.empty() : Optional.of(members.get(0));
	}

	private static OptionalLong optional(@Nullable Long value) {
		return (value != null) ? OptionalLong.of(value) : OptionalLong.empty();
	}

	/** Java's shortest round-trip form, which strtod reads back to the same double. */
	static byte[] score(double score) {
		if (Double.isNaN(score)) {
			throw new IllegalArgumentException("A sorted-set score cannot be NaN");
		}
		if (Double.isInfinite(score)) {
			return ascii((score > 0) ? "+inf" : "-inf");
		}
		return ascii(Double.toString(score));
	}

	static byte[] bound(ScoreBound bound) {
		String value = new String(score(bound.value()), StandardCharsets.US_ASCII);
		return ascii(bound.exclusive() ? "(" + value : value);
	}

	private static byte[] number(long value) {
		return ascii(Long.toString(value));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public String toString() {
		return "ScoredSet[" + this.name + " at " + this.key + "]";
	}

}

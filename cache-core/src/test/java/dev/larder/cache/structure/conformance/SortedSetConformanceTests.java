package dev.larder.cache.structure.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.sortedset.AddCondition;
import dev.larder.cache.structure.sortedset.ScoreBound;
import dev.larder.cache.structure.sortedset.ScoreRange;
import dev.larder.cache.structure.sortedset.ScoredMember;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.testing.RedisProcess;
import dev.larder.cache.testtypes.Product;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Sorted sets behave as Redis's own: ordering with ties broken by member bytes, the ZADD
 * conditions, inclusive, exclusive and infinite bounds, limits, pops. Besides the stated
 * cases, a seeded random sequence of operations runs against the backend and against a
 * real {@code redis-server} through Lettuce's typed API, and every answer must match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SortedSetConformanceTests extends StructureConformanceSupport {

	private RedisProcess reference;

	private RedisClient referenceClient;

	private StatefulRedisConnection<String, String> referenceConnection;

	@BeforeAll
	void startReferenceRedis() {
		this.reference = RedisProcess.start();
		this.referenceClient = RedisClient.create(RedisURI.create(this.reference.uri()));
		this.referenceConnection = this.referenceClient.connect();
	}

	@AfterAll
	void stopReferenceRedis() {
		this.referenceConnection.close();
		this.referenceClient.shutdown();
		this.reference.stop();
	}

	private ScoredSet<String> set() {
		return instance().sortedSets().set(unique("board"));
	}

	@Test
	void ordersByScoreThenByMemberBytes() {
		ScoredSet<String> board = set();
		assertThat(board.add("bob", 10)).isTrue();
		assertThat(board.add("ann", 10)).isTrue();
		assertThat(board.add("cat", 5)).isTrue();
		assertThat(board.add("Zed", 10)).isTrue(); // upper case sorts before lower case,
													// as bytes do
		assertThat(board.add("bob", 10)).isFalse();
		assertThat(members(board.rangeByRank(0, -1))).containsExactly("cat", "Zed", "ann", "bob");
		assertThat(members(board.reverseRangeByRank(0, -1))).containsExactly("bob", "ann", "Zed", "cat");
		assertThat(board.rank("ann")).hasValue(2);
		assertThat(board.reverseRank("ann")).hasValue(1);
		assertThat(board.rank("nobody")).isEmpty();
		assertThat(board.reverseRank("nobody")).isEmpty();
		assertThat(board.score("cat")).hasValue(5);
		assertThat(board.score("nobody")).isEmpty();
		assertThat(board.size()).isEqualTo(4);
	}

	@Test
	void ranksCountFromTheEndWhenNegative() {
		ScoredSet<String> board = set();
		for (int i = 0; i < 5; i++) {
			board.add("m" + i, i);
		}
		assertThat(board.rangeByRank(-2, -1)).containsExactly(new ScoredMember<>("m3", 3), new ScoredMember<>("m4", 4));
		assertThat(board.reverseRangeByRank(1, 2)).containsExactly(new ScoredMember<>("m3", 3),
				new ScoredMember<>("m2", 2));
		assertThat(board.rangeByRank(3, 1)).isEmpty();
		assertThat(board.rangeByRank(10, 20)).isEmpty();
		assertThat(board.top(2)).containsExactly(new ScoredMember<>("m4", 4), new ScoredMember<>("m3", 3));
		assertThat(board.top(0)).isEmpty();
		assertThat(board.top(99)).hasSize(5);
	}

	@Test
	void addConditionsAreZaddsFlags() {
		ScoredSet<String> board = set();
		assertThat(board.add("a", 5, AddCondition.IF_PRESENT)).isFalse();
		assertThat(board.score("a")).isEmpty();
		assertThat(board.add("a", 5, AddCondition.IF_ABSENT)).isTrue();
		assertThat(board.add("a", 7, AddCondition.IF_ABSENT)).isFalse();
		assertThat(board.score("a")).hasValue(5);
		assertThat(board.add("a", 6, AddCondition.IF_PRESENT)).isTrue();
		assertThat(board.add("a", 6, AddCondition.IF_PRESENT)).isFalse(); // same score:
																			// nothing
																			// changed
		assertThat(board.add("a", 4, AddCondition.IF_GREATER)).isFalse();
		assertThat(board.score("a")).hasValue(6);
		assertThat(board.add("a", 9, AddCondition.IF_GREATER)).isTrue();
		assertThat(board.add("a", 12, AddCondition.IF_LESS)).isFalse();
		assertThat(board.add("a", 1, AddCondition.IF_LESS)).isTrue();
		assertThat(board.score("a")).hasValue(1);
		// GT and LT still add members that are new.
		assertThat(board.add("b", 3, AddCondition.IF_GREATER)).isTrue();
		assertThat(board.add("c", 3, AddCondition.IF_LESS)).isTrue();
		assertThat(board.add("a", 2, AddCondition.ALWAYS)).isTrue();
		assertThat(board.size()).isEqualTo(3);
	}

	@Test
	void infiniteScoresAndBounds() {
		ScoredSet<String> board = set();
		board.add("low", Double.NEGATIVE_INFINITY);
		board.add("zero", 0);
		board.add("high", Double.POSITIVE_INFINITY);
		assertThat(board.rangeByRank(0, -1)).containsExactly(new ScoredMember<>("low", Double.NEGATIVE_INFINITY),
				new ScoredMember<>("zero", 0.0), new ScoredMember<>("high", Double.POSITIVE_INFINITY));
		assertThat(board.count(ScoreRange.all())).isEqualTo(3);
		ScoreRange finite = new ScoreRange(ScoreBound.exclusive(Double.NEGATIVE_INFINITY),
				ScoreBound.exclusive(Double.POSITIVE_INFINITY));
		assertThat(members(board.rangeByScore(finite))).containsExactly("zero");
		assertThat(board.count(finite)).isEqualTo(1);
		assertThat(members(board.rangeByScore(ScoreRange.atLeast(0)))).containsExactly("zero", "high");
		assertThat(board.score("high")).hasValue(Double.POSITIVE_INFINITY);
		assertThat(board.incrementScore("zero", Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> board.incrementScore("high", Double.NEGATIVE_INFINITY))
			.withMessageContaining("NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> board.add("nan", Double.NaN));
	}

	@Test
	void rangesByScoreWithExclusiveBoundsAndLimits() {
		ScoredSet<String> board = set();
		for (int i = 1; i <= 6; i++) {
			board.add("m" + i, i);
		}
		board.add("m3b", 3);
		assertThat(members(board.rangeByScore(ScoreRange.closed(2, 4)))).containsExactly("m2", "m3", "m3b", "m4");
		assertThat(members(board.rangeByScore(new ScoreRange(ScoreBound.exclusive(2), ScoreBound.exclusive(4)))))
			.containsExactly("m3", "m3b");
		assertThat(members(board.rangeByScore(ScoreRange.greaterThan(5)))).containsExactly("m6");
		assertThat(members(board.rangeByScore(ScoreRange.lessThan(2)))).containsExactly("m1");
		assertThat(members(board.rangeByScore(ScoreRange.atMost(2)))).containsExactly("m1", "m2");
		assertThat(members(board.rangeByScore(ScoreRange.all(), 2, 3))).containsExactly("m3", "m3b", "m4");
		assertThat(members(board.rangeByScore(ScoreRange.all(), 5, -1))).containsExactly("m5", "m6");
		assertThat(members(board.reverseRangeByScore(ScoreRange.closed(2, 4), 0, -1))).containsExactly("m4", "m3b",
				"m3", "m2");
		assertThat(members(board.reverseRangeByScore(ScoreRange.all(), 1, 2))).containsExactly("m5", "m4");
		assertThat(board.rangeByScore(ScoreRange.closed(4, 2))).isEmpty();
		assertThat(board.count(new ScoreRange(ScoreBound.exclusive(3), ScoreBound.inclusive(6)))).isEqualTo(3);
	}

	@Test
	void incrementsFromZeroAndKeepsFractions() {
		ScoredSet<String> board = set();
		assertThat(board.incrementScore("a", 1.5)).isEqualTo(1.5);
		assertThat(board.incrementScore("a", 0.1)).isEqualTo(1.5 + 0.1);
		assertThat(board.incrementScore("a", -3)).isEqualTo(1.5 + 0.1 - 3);
		assertThat(board.score("a")).hasValue(1.5 + 0.1 - 3);
		board.add("tiny", 1e-300);
		board.add("huge", 1.7976931348623157e308);
		assertThat(board.score("tiny")).hasValue(1e-300);
		assertThat(board.score("huge")).hasValue(1.7976931348623157e308);
	}

	@Test
	void popsTakeTheLowestOrHighestInOrder() {
		ScoredSet<String> board = set();
		assertThat(board.popMin()).isEmpty();
		assertThat(board.popMax(3)).isEmpty();
		for (int i = 1; i <= 5; i++) {
			board.add("m" + i, i);
		}
		assertThat(board.popMin()).contains(new ScoredMember<>("m1", 1));
		assertThat(board.popMax()).contains(new ScoredMember<>("m5", 5));
		assertThat(board.popMin(2)).containsExactly(new ScoredMember<>("m2", 2), new ScoredMember<>("m3", 3));
		assertThat(board.popMax(5)).containsExactly(new ScoredMember<>("m4", 4));
		assertThat(board.popMin(0)).isEmpty();
		assertThat(board.size()).isZero();
	}

	@Test
	void removesMembersAndTheWholeSet() {
		ScoredSet<String> board = set();
		board.add("a", 1);
		board.add("b", 2);
		board.add("c", 3);
		assertThat(board.remove("a")).isTrue();
		assertThat(board.remove("a")).isFalse();
		assertThat(board.removeAll(List.of("b", "x"))).isEqualTo(1);
		assertThat(board.removeAll(List.of())).isZero();
		assertThat(board.size()).isEqualTo(1);
		board.delete();
		assertThat(board.size()).isZero();
		assertThat(board.rangeByRank(0, -1)).isEmpty();
	}

	@Test
	void typedMembersGoThroughTheSerializer() {
		ScoredSet<Product> products = instance().sortedSets().set(unique("products"), Product.class);
		products.add(new Product(1, "Tea", 3.5), 3.5);
		products.add(new Product(2, "Jam", 2.0), 2.0);
		assertThat(products.top(1)).containsExactly(new ScoredMember<>(new Product(1, "Tea", 3.5), 3.5));
		assertThat(products.score(new Product(2, "Jam", 2.0))).hasValue(2.0);
		assertThat(products.remove(new Product(2, "Jam", 2.0))).isTrue();
		assertThat(products.size()).isEqualTo(1);
	}

	@Test
	void stringSetOfStringClassIsThePlainStringSet() {
		Structures structures = instance();
		String name = unique("same");
		structures.sortedSets().set(name).add("ana", 1);
		assertThat(structures.sortedSets().set(name, String.class).score("ana")).hasValue(1);
	}

	@Test
	void instancesSharingTheBackendSeeOneSet() {
		List<Structures> instances = twoInstances(settings());
		String name = unique("shared");
		instances.get(0).sortedSets().set(name).add("ana", 42);
		assertThat(instances.get(1).sortedSets().set(name).score("ana")).hasValue(42);
	}

	@Test
	void keyPrefixesSeparateApplications() {
		String name = unique("prefixed");
		instance(settings().withKeyPrefix("app-one:")).sortedSets().set(name).add("ana", 1);
		assertThat(instance(settings().withKeyPrefix("app-two:")).sortedSets().set(name).size()).isZero();
	}

	@Test
	void concurrentIncrementsFromTwoInstancesAreAllCounted() throws Exception {
		List<Structures> instances = twoInstances(settings());
		String name = unique("counter");
		int threadsPerInstance = 4;
		int increments = 200;
		List<Future<?>> done = new ArrayList<>();
		for (Structures structures : instances) {
			ScoredSet<String> board = structures.sortedSets().set(name);
			for (int t = 0; t < threadsPerInstance; t++) {
				done.add(this.pool.submit(() -> {
					for (int i = 0; i < increments; i++) {
						board.incrementScore("hits", 1);
					}
				}));
			}
		}
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		assertThat(instances.get(0).sortedSets().set(name).score("hits"))
			.hasValue(2.0 * threadsPerInstance * increments);
	}

	@Test
	void agreesWithRedisOnARandomSequenceOfOperations() {
		RedisCommands<String, String> redis = this.referenceConnection.sync();
		for (long seed = 1; seed <= 4; seed++) {
			String name = unique("differential");
			String key = "reference:" + name;
			ScoredSet<String> set = instance().sortedSets().set(name);
			Random random = new Random(seed);
			for (int step = 0; step < 300; step++) {
				String member = "m" + (char) ('a' + random.nextInt(8));
				double score = randomScore(random);
				String context = "seed " + seed + " step " + step;
				switch (random.nextInt(14)) {
					case 0 -> {
						AddCondition condition = AddCondition.values()[random.nextInt(AddCondition.values().length)];
						ZAddArgs args = zaddArgs(condition);
						assertThat(set.add(member, score, condition)).as(context + " add " + condition)
							.isEqualTo(redis.zadd(key, args, score, member) > 0);
					}
					case 1 -> compare(context + " increment", () -> set.incrementScore(member, score),
							() -> redis.zincrby(key, score, member));
					case 2 -> assertThat(set.score(member)).as(context + " score")
						.isEqualTo(optional(redis.zscore(key, member)));
					case 3 -> assertThat(set.rank(member)).as(context + " rank")
						.isEqualTo(optionalLong(redis.zrank(key, member)));
					case 4 -> assertThat(set.reverseRank(member)).as(context + " reverse rank")
						.isEqualTo(optionalLong(redis.zrevrank(key, member)));
					case 5 -> {
						long start = random.nextInt(12) - 6;
						long stop = random.nextInt(12) - 6;
						assertThat(set.rangeByRank(start, stop)).as(context + " range by rank")
							.isEqualTo(scored(redis.zrangeWithScores(key, start, stop)));
						assertThat(set.reverseRangeByRank(start, stop)).as(context + " reverse range by rank")
							.isEqualTo(scored(redis.zrevrangeWithScores(key, start, stop)));
					}
					case 6, 7 -> {
						ScoreRange range = randomRange(random);
						long offset = random.nextInt(3);
						long count = random.nextInt(5) - 1;
						assertThat(set.rangeByScore(range, offset, count)).as(context + " range by score " + range)
							.isEqualTo(scored(
									redis.zrangebyscoreWithScores(key, reference(range), Limit.create(offset, count))));
						assertThat(set.reverseRangeByScore(range, offset, count))
							.as(context + " reverse range by score " + range)
							.isEqualTo(scored(redis.zrevrangebyscoreWithScores(key, reference(range),
									Limit.create(offset, count))));
						assertThat(set.count(range)).as(context + " count " + range)
							.isEqualTo(redis.zcount(key, reference(range)));
					}
					case 8 ->
						assertThat(set.remove(member)).as(context + " remove").isEqualTo(redis.zrem(key, member) > 0);
					case 9 -> {
						int count = random.nextInt(3);
						assertThat(set.popMin(count)).as(context + " pop min " + count)
							.isEqualTo((count > 0) ? scored(redis.zpopmin(key, count)) : List.of());
					}
					case 10 -> {
						int count = random.nextInt(3);
						assertThat(set.popMax(count)).as(context + " pop max " + count)
							.isEqualTo((count > 0) ? scored(redis.zpopmax(key, count)) : List.of());
					}
					case 11 -> assertThat(set.size()).as(context + " size").isEqualTo(redis.zcard(key));
					default -> assertThat(set.add(member, score)).as(context + " add")
						.isEqualTo(redis.zadd(key, ZAddArgs.Builder.ch(), score, member) > 0);
				}
			}
			assertThat(set.rangeByRank(0, -1)).as("seed " + seed + " final")
				.isEqualTo(scored(redis.zrangeWithScores(key, 0, -1)));
		}
	}

	private static double randomScore(Random random) {
		return switch (random.nextInt(10)) {
			case 0 -> Double.POSITIVE_INFINITY;
			case 1 -> Double.NEGATIVE_INFINITY;
			case 2 -> 0.5;
			default -> random.nextInt(7) - 3;
		};
	}

	private static ScoreRange randomRange(Random random) {
		return new ScoreRange(randomBound(random, Double.NEGATIVE_INFINITY),
				randomBound(random, Double.POSITIVE_INFINITY));
	}

	private static ScoreBound randomBound(Random random, double infinity) {
		if (random.nextInt(4) == 0) {
			return (infinity < 0) ? ScoreBound.negativeInfinity() : ScoreBound.positiveInfinity();
		}
		double value = random.nextInt(7) - 3 + (random.nextBoolean() ? 0 : 0.5);
		return random.nextBoolean() ? ScoreBound.inclusive(value) : ScoreBound.exclusive(value);
	}

	/** The same range for Lettuce, which writes an unbounded end as an infinity. */
	private static Range<Double> reference(ScoreRange range) {
		return Range.from(boundary(range.min()), boundary(range.max()));
	}

	private static Range.Boundary<Double> boundary(ScoreBound bound) {
		if (Double.isInfinite(bound.value())) {
			return Range.Boundary.unbounded();
		}
		return bound.exclusive() ? Range.Boundary.excluding(bound.value()) : Range.Boundary.including(bound.value());
	}

	private static ZAddArgs zaddArgs(AddCondition condition) {
		return switch (condition) {
			case ALWAYS -> ZAddArgs.Builder.ch();
			case IF_ABSENT -> ZAddArgs.Builder.nx().ch();
			case IF_PRESENT -> ZAddArgs.Builder.xx().ch();
			case IF_GREATER -> ZAddArgs.Builder.gt().ch();
			case IF_LESS -> ZAddArgs.Builder.lt().ch();
		};
	}

	/**
	 * Both succeed with the same result, or both fail (inf + -inf is NaN, which Redis
	 * refuses).
	 */
	private static void compare(String what, Supplier<Double> larder, Supplier<Double> redis) {
		Double expected;
		try {
			expected = redis.get();
		}
		catch (RuntimeException ex) {
			assertThatExceptionOfType(RuntimeException.class).as(what).isThrownBy(larder::get);
			return;
		}
		assertThat(larder.get()).as(what).isEqualTo(expected);
	}

	private static OptionalDouble optional(Double value) {
		return (value != null) ? OptionalDouble.of(value) : OptionalDouble.empty();
	}

	private static OptionalLong optionalLong(Long value) {
		return (value != null) ? OptionalLong.of(value) : OptionalLong.empty();
	}

	private static List<ScoredMember<String>> scored(List<ScoredValue<String>> values) {
		return values.stream().map((value) -> new ScoredMember<>(value.getValue(), value.getScore())).toList();
	}

	private static List<String> members(List<ScoredMember<String>> members) {
		return members.stream().map(ScoredMember::member).toList();
	}

}

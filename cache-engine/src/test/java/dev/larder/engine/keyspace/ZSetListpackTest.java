package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listpack encoding of small sorted sets: against a sorted model through random adds,
 * updates and removals with every kind of score (walked both ways, ranked, bounded by
 * score), scores kept bit for bit except -0, conversion to the large encoding at Redis's
 * limits and back for store results, nodes read before a change, copies, and the heap it
 * saves.
 */
class ZSetListpackTest {

	/** Whole, fractional, tiny, huge and negative: every width of the score encoding. */
	private static final double[] SCORES = { 0, 1, -1, 127, 128, -128, -129, 255, 65_536, 1L << 31, -(1L << 40),
			1L << 53, (1L << 62) + 1024, -0x1p63, 0x1p63, 0.5, -2.25, 0.1, 1e300, -1e-300, Double.MIN_VALUE,
			Double.MAX_VALUE, -Double.MAX_VALUE };

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void randomOperationsMatchASortedModel(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		ZSetValue z = new ZSetValue();
		Map<String, Double> model = new HashMap<>();
		for (int step = 0; step < 4000; step++) {
			// 128 possible members of 4 to 43 bytes: the set stays within the listpack's
			// limits
			int i = rnd.nextInt(ZSetValue.MAX_LISTPACK_ENTRIES);
			String m = "m" + i + "x".repeat(i % 40);
			byte[] mb = bytes(m);
			double drawn = rnd.nextInt(4) == 0 ? SCORES[rnd.nextInt(SCORES.length)] : rnd.nextInt(-20, 20) / 4.0;
			double s = drawn == 0 ? 0.0 : drawn;
			switch (rnd.nextInt(4)) {
				case 0 -> assertThat(z.remove(mb)).isEqualTo(model.remove(m) != null);
				case 1 -> {
					ZSetValue.Node n = z.get(mb);
					assertThat(n != null).isEqualTo(model.containsKey(m));
					if (n != null) {
						z.updateScore(n, s);
						model.put(m, s);
					}
				}
				default -> assertThat(z.put(mb, s)).isEqualTo(model.put(m, s) == null);
			}
			assertThat(z.memoryUsage()).isEqualTo(z.recount());
			if (step % 50 == 0) {
				compareWithModel(z, model);
			}
		}
		compareWithModel(z, model);
	}

	private static void compareWithModel(ZSetValue z, Map<String, Double> model) {
		assertThat(z.isListpack()).isTrue();
		z.verify();
		List<Map.Entry<String, Double>> sorted = new ArrayList<>(model.entrySet());
		sorted.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
			.thenComparing(e -> bytes(e.getKey()), Arrays::compareUnsigned));
		assertThat(z.size()).isEqualTo(sorted.size());
		List<String> forward = new ArrayList<>();
		for (ZSetValue.Node n = z.first(); n != null; n = n.next()) {
			forward.add(text(n.member()));
		}
		List<String> backward = new ArrayList<>();
		for (ZSetValue.Node n = z.last(); n != null; n = n.prev()) {
			backward.add(0, text(n.member()));
		}
		List<String> expected = sorted.stream().map(Map.Entry::getKey).toList();
		assertThat(forward).isEqualTo(expected);
		assertThat(backward).isEqualTo(expected);
		for (int i = 0; i < sorted.size(); i++) {
			byte[] m = bytes(sorted.get(i).getKey());
			double s = sorted.get(i).getValue();
			ZSetValue.Node n = z.get(m);
			assertThat(n.score()).isEqualTo(s);
			assertThat(z.score(m)).isEqualTo(s);
			assertThat(z.rank(n)).isEqualTo(i);
			assertThat(text(z.byRank(i).member())).isEqualTo(sorted.get(i).getKey());
			assertThat(z.firstAtLeast(s, false).score()).isEqualTo(s);
			assertThat(z.lastAtMost(s, false).score()).isEqualTo(s);
			ZSetValue.Node above = z.firstAtLeast(s, true);
			assertThat(above == null || above.score() > s).isTrue();
			ZSetValue.Node below = z.lastAtMost(s, true);
			assertThat(below == null || below.score() < s).isTrue();
		}
		assertThat(z.byRank(sorted.size())).isNull();
		assertThat(z.byRank(-1)).isNull();
	}

	@Test
	void scoresComeBackBitForBitAndMinusZeroAsZero() {
		ZSetValue z = new ZSetValue();
		for (int i = 0; i < SCORES.length; i++) {
			z.insert(bytes("s" + i), SCORES[i]);
		}
		z.insert(bytes("negative zero"), -0.0);
		z.insert(bytes("-inf"), Double.NEGATIVE_INFINITY);
		z.insert(bytes("+inf"), Double.POSITIVE_INFINITY);
		z.verify();
		for (int i = 0; i < SCORES.length; i++) {
			assertThat(Double.doubleToRawLongBits(z.score(bytes("s" + i))))
				.isEqualTo(Double.doubleToRawLongBits(SCORES[i]));
		}
		assertThat(Double.doubleToRawLongBits(z.score(bytes("negative zero")))).isZero();
		assertThat(z.first().member()).isEqualTo(bytes("-inf"));
		assertThat(z.last().member()).isEqualTo(bytes("+inf"));
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
	}

	@Test
	void convertsForGoodPastOneHundredTwentyEightMembers() {
		ZSetValue z = new ZSetValue();
		for (int i = 0; i < ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
			z.insert(bytes("m" + i), i / 3.0);
			assertThat(z.memoryUsage()).isEqualTo(z.recount());
		}
		assertThat(z.encoding()).isEqualTo("listpack");
		z.insert(bytes("one more"), -0.0);
		assertThat(z.encoding()).isEqualTo("skiplist");
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
		z.verify();
		for (int i = 0; i < ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
			assertThat(z.score(bytes("m" + i))).isEqualTo(i / 3.0);
		}
		// a skip list keeps -0 as given
		assertThat(Double.doubleToRawLongBits(z.score(bytes("one more")))).isNegative();
		for (int i = 0; i < ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
			z.remove(bytes("m" + i));
		}
		assertThat(z.size()).isOne();
		assertThat(z.encoding()).isEqualTo("skiplist");
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
	}

	@Test
	void convertsForGoodForAMemberLongerThanSixtyFourBytes() {
		ZSetValue z = new ZSetValue();
		z.insert(bytes("a"), 1);
		z.insert(bytes("x".repeat(ZSetValue.MAX_LISTPACK_VALUE)), 2);
		assertThat(z.encoding()).isEqualTo("listpack");
		long before = z.memoryUsage();
		z.insert(bytes("y".repeat(ZSetValue.MAX_LISTPACK_VALUE + 1)), 0);
		assertThat(z.encoding()).isEqualTo("skiplist");
		assertThat(z.memoryUsage()).isEqualTo(z.recount()).isGreaterThan(before);
		z.verify();
		assertThat(z.first().member()).isEqualTo(bytes("y".repeat(ZSetValue.MAX_LISTPACK_VALUE + 1)));
		assertThat(z.rank(z.get(bytes("a")))).isOne();
	}

	@Test
	void aStoreResultConvertsBackWhenSmallAndItsMinusZeroBecomesZero() {
		ZSetValue z = ZSetValue.inSkiplistEncoding();
		z.insert(bytes("zero"), -0.0);
		z.insert(bytes("half"), 0.5);
		assertThat(z.encoding()).isEqualTo("skiplist");
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
		assertThat(z.convertToListpackIfSmall()).isSameAs(z);
		assertThat(z.encoding()).isEqualTo("listpack");
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
		z.verify();
		assertThat(Double.doubleToRawLongBits(z.score(bytes("zero")))).isZero();
		assertThat(z.score(bytes("half"))).isEqualTo(0.5);

		ZSetValue big = ZSetValue.inSkiplistEncoding();
		for (int i = 0; i <= ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
			big.insert(bytes("m" + i), i);
		}
		assertThat(big.convertToListpackIfSmall().encoding()).isEqualTo("skiplist");
		ZSetValue longMember = ZSetValue.inSkiplistEncoding();
		longMember.insert(bytes("x".repeat(ZSetValue.MAX_LISTPACK_VALUE + 1)), 1);
		assertThat(longMember.convertToListpackIfSmall().encoding()).isEqualTo("skiplist");
	}

	@Test
	void aNodeReadBeforeAChangeFindsItsMemberAgain() {
		ZSetValue z = new ZSetValue();
		for (int i = 0; i < 10; i++) {
			z.insert(bytes("m" + i), i);
		}
		ZSetValue.Node n = z.get(bytes("m5"));
		z.insert(bytes("m4.5"), 4.5);
		z.remove(bytes("m6"));
		assertThat(z.rank(n)).isEqualTo(6);
		assertThat(n.next().member()).isEqualTo(bytes("m7"));
		assertThat(n.prev().member()).isEqualTo(bytes("m4.5"));
		z.updateScore(n, 100);
		assertThat(n.score()).isEqualTo(100);
		assertThat(z.last().member()).isEqualTo(bytes("m5"));
		z.updateScore(n, -0.0);
		assertThat(Double.doubleToRawLongBits(n.score())).isZero();
		assertThat(z.first().member()).isEqualTo(bytes("m0"));
		assertThat(z.byRank(1).member()).isEqualTo(bytes("m5"));

		// read from the listpack, used after the set converted
		ZSetValue.Node m3 = z.get(bytes("m3"));
		for (int i = 0; i < ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
			z.insert(bytes("n" + i), 1000 + i);
		}
		assertThat(z.encoding()).isEqualTo("skiplist");
		assertThat(z.rank(m3)).isEqualTo(4);
		assertThat(m3.next().member()).isEqualTo(bytes("m4"));
		z.updateScore(m3, 2000);
		assertThat(z.last().member()).isEqualTo(bytes("m3"));
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
		z.verify();

		ZSetValue small = new ZSetValue();
		small.insert(bytes("a"), 1);
		small.insert(bytes("b"), 2);
		ZSetValue.Node gone = small.get(bytes("a"));
		small.remove(bytes("a"));
		assertThatIllegalStateException().isThrownBy(gone::next);
	}

	@Test
	void aCopyIsIndependentAndTheSameSize() {
		ZSetValue z = new ZSetValue();
		for (int i = 0; i < 50; i++) {
			z.insert(bytes("m" + i), i * 1.5);
		}
		ZSetValue copy = z.deepCopy();
		assertThat(copy.memoryUsage()).isEqualTo(z.memoryUsage()).isEqualTo(copy.recount());
		copy.remove(bytes("m0"));
		copy.insert(bytes("new"), -1);
		copy.updateScore(copy.get(bytes("m1")), 1000);
		assertThat(z.size()).isEqualTo(50);
		assertThat(z.first().member()).isEqualTo(bytes("m0"));
		assertThat(z.score(bytes("m1"))).isEqualTo(1.5);
		assertThat(z.get(bytes("new"))).isNull();
		assertThat(copy.memoryUsage()).isEqualTo(copy.recount());
		z.verify();
		copy.verify();
	}

	@Test
	void aListpackTakesUnderAThirdOfTheHeapOfTheLargeEncoding() {
		ZSetValue listpack = new ZSetValue();
		ZSetValue skiplist = ZSetValue.inSkiplistEncoding();
		for (int i = 0; i < ZSetValue.MAX_LISTPACK_ENTRIES; i++) {
			byte[] member = bytes(String.format("e%06d-%08d", 1, i));
			listpack.insert(member, (i * 7919) % 1_000_000);
			skiplist.insert(member, (i * 7919) % 1_000_000);
		}
		assertThat(listpack.memoryUsage() * 3).isLessThan(skiplist.memoryUsage());
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}

}

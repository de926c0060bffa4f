package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sorted set's tree against a sorted model, through growth past many page splits,
 * score updates that move members, and mass removal that merges and unlinks pages down to
 * empty. After every step batch the tree's own invariant check runs (order, page bounds,
 * counts, parent and leaf links, uniform depth); at the end every rank, select-by-rank,
 * neighbour and score bound is compared with the model.
 */
class ZSetValueTest {

	private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::score)
		.thenComparing(Entry::member, java.util.Arrays::compareUnsigned);

	record Entry(byte[] member, double score) {
	}

	@ParameterizedTest(name = "{0} members, scores in 0..{1}")
	@CsvSource({ "40, 3", "3000, 50", "3000, 1000000", "20000, 1" })
	void matchesASortedModelThroughGrowthUpdatesAndShrinking(int members, int scores) {
		SplittableRandom rnd = new SplittableRandom(members * 31L + scores);
		ZSetValue z = new ZSetValue();
		TreeMap<String, Double> model = new TreeMap<>();
		int steps = members * 6;
		for (int step = 0; step < steps; step++) {
			String m = "m" + rnd.nextInt(members);
			byte[] mb = m.getBytes(StandardCharsets.UTF_8);
			if (rnd.nextInt(5) == 0) {
				assertThat(z.remove(mb)).isEqualTo(model.remove(m) != null);
			}
			else {
				double s = rnd.nextInt(scores + 1);
				assertThat(z.put(mb, s)).isEqualTo(model.put(m, s) == null);
			}
			if (step % 97 == 0) {
				z.verify();
			}
		}
		z.verify();
		compareWithModel(z, model);
		// remove in random order down to empty: merges, unlinks, root collapse
		List<String> rest = new ArrayList<>(model.keySet());
		while (!rest.isEmpty()) {
			String m = rest.remove(rnd.nextInt(rest.size()));
			assertThat(z.remove(m.getBytes(StandardCharsets.UTF_8))).isTrue();
			model.remove(m);
			if (rest.size() % 53 == 0) {
				z.verify();
			}
			if (rest.size() == model.size() / 2 || rest.size() == 100 || rest.size() == 7) {
				compareWithModel(z, model);
			}
		}
		assertThat(z.isEmpty()).isTrue();
		assertThat(z.first()).isNull();
		assertThat(z.last()).isNull();
		z.verify();
	}

	@ParameterizedTest(name = "{0} members inserted ascending, then descending")
	@CsvSource({ "5000" })
	void sequentialInsertsAndRemovalsKeepTheTreeValid(int members) {
		ZSetValue z = new ZSetValue();
		TreeMap<String, Double> model = new TreeMap<>();
		for (int i = 0; i < members; i++) {
			z.insert(("k" + i).getBytes(StandardCharsets.UTF_8), i);
			model.put("k" + i, (double) i);
		}
		z.verify();
		compareWithModel(z, model);
		for (int i = 0; i < members; i += 2) { // every other one: underfull pages
												// everywhere
			z.remove(("k" + i).getBytes(StandardCharsets.UTF_8));
			model.remove("k" + i);
		}
		z.verify();
		compareWithModel(z, model);
		for (int i = members - 1; i >= 0; i--) {
			z.remove(("k" + i).getBytes(StandardCharsets.UTF_8));
			model.remove("k" + i);
		}
		z.verify();
		assertThat(z.size()).isZero();
	}

	private static void compareWithModel(ZSetValue z, TreeMap<String, Double> model) {
		List<Entry> sorted = new ArrayList<>();
		model.forEach((m, s) -> sorted.add(new Entry(m.getBytes(StandardCharsets.UTF_8), s)));
		sorted.sort(ORDER);
		assertThat(z.size()).isEqualTo(sorted.size());
		List<byte[]> walked = new ArrayList<>();
		z.forEach(n -> walked.add(n.member()));
		assertThat(walked).hasSize(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Entry e = sorted.get(i);
			ZSetValue.Node n = z.get(e.member());
			assertThat(n.score()).isEqualTo(e.score());
			assertThat(z.rank(n)).isEqualTo(i);
			assertThat(member(z.byRank(i))).isEqualTo(member(n));
			assertThat(walked.get(i)).isEqualTo(e.member());
			assertThat(member(n.prev())).isEqualTo(i == 0 ? null : member(z.get(sorted.get(i - 1).member())));
			assertThat(member(n.next()))
				.isEqualTo(i == sorted.size() - 1 ? null : member(z.get(sorted.get(i + 1).member())));
		}
		assertThat(z.byRank(sorted.size())).isNull();
		assertThat(z.byRank(-1)).isNull();
		if (sorted.isEmpty()) {
			return;
		}
		assertThat(z.first().member()).isEqualTo(sorted.get(0).member());
		assertThat(z.last().member()).isEqualTo(sorted.get(sorted.size() - 1).member());
		double lo = sorted.get(0).score();
		double hi = sorted.get(sorted.size() - 1).score();
		for (double bound = lo - 1; bound <= hi + 1; bound += Math.max(1, (hi - lo) / 37)) {
			assertThat(member(z.firstAtLeast(bound, false))).isEqualTo(firstScore(sorted, bound, false));
			assertThat(member(z.firstAtLeast(bound, true))).isEqualTo(firstScore(sorted, bound, true));
			assertThat(member(z.lastAtMost(bound, false))).isEqualTo(lastScore(sorted, bound, false));
			assertThat(member(z.lastAtMost(bound, true))).isEqualTo(lastScore(sorted, bound, true));
		}
	}

	private static String member(ZSetValue.Node n) {
		return n == null ? null : new String(n.member(), StandardCharsets.UTF_8);
	}

	private static String firstScore(List<Entry> sorted, double min, boolean exclusive) {
		for (Entry e : sorted) {
			if (exclusive ? e.score() > min : e.score() >= min) {
				return new String(e.member(), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String lastScore(List<Entry> sorted, double max, boolean exclusive) {
		for (int i = sorted.size() - 1; i >= 0; i--) {
			Entry e = sorted.get(i);
			if (exclusive ? e.score() < max : e.score() <= max) {
				return new String(e.member(), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}

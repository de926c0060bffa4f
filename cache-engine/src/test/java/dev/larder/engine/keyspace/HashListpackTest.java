package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listpack encoding of small hashes: against an insertion-ordered model through
 * random sets, overwrites with longer and shorter values and removals; conversion to a
 * hashtable at Redis's limits with every pair kept; copies; random picks; and the heap it
 * saves.
 */
class HashListpackTest {

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void randomChangesMatchAnInsertionOrderedModel(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		HashValue h = new HashValue();
		Map<String, String> model = new LinkedHashMap<>();
		for (int step = 0; step < 5000; step++) {
			// at most 450 fields of up to 44 bytes: within the listpack's limits
			String f = "f" + rnd.nextInt(150) + "y".repeat(rnd.nextInt(3) * 20);
			if (rnd.nextInt(3) == 0) {
				assertThat(h.remove(bytes(f))).isEqualTo(model.remove(f) != null);
			}
			else {
				// empty to the longest a listpack keeps
				String v = "v".repeat(rnd.nextInt(HashValue.MAX_COMPACT_VALUE + 1));
				assertThat(h.put(bytes(f), bytes(v))).isEqualTo(model.put(f, v) == null);
			}
			assertThat(h.memoryUsage()).isEqualTo(h.recount());
			if (step % 100 == 0) {
				compareWithModel(h, model);
			}
		}
		compareWithModel(h, model);
	}

	private static void compareWithModel(HashValue h, Map<String, String> model) {
		assertThat(h.isCompact()).isTrue();
		assertThat(h.encoding()).isEqualTo("listpack");
		h.verify();
		assertThat(h.size()).isEqualTo(model.size());
		List<String> flat = new ArrayList<>();
		model.forEach((f, v) -> {
			flat.add(f);
			flat.add(v);
			assertThat(h.get(bytes(f))).isEqualTo(bytes(v));
		});
		assertThat(h.flatten().stream().map(HashListpackTest::text).toList()).isEqualTo(flat);
		assertThat(h.get(bytes("absent"))).isNull();
	}

	@Test
	void convertsForGoodPastFiveHundredTwelveFieldsKeepingEveryPair() {
		HashValue h = new HashValue();
		for (int i = 0; i < HashValue.MAX_COMPACT_ENTRIES; i++) {
			h.put(bytes("f" + i), bytes("v" + i));
		}
		assertThat(h.encoding()).isEqualTo("listpack");
		assertThat(h.put(bytes("f0"), bytes("again"))).isFalse();
		assertThat(h.encoding()).isEqualTo("listpack");
		assertThat(h.put(bytes("one more"), bytes("x"))).isTrue();
		assertThat(h.encoding()).isEqualTo("hashtable");
		assertThat(h.memoryUsage()).isEqualTo(h.recount());
		assertThat(h.size()).isEqualTo(HashValue.MAX_COMPACT_ENTRIES + 1);
		assertThat(h.get(bytes("f0"))).isEqualTo(bytes("again"));
		for (int i = 1; i < HashValue.MAX_COMPACT_ENTRIES; i++) {
			assertThat(h.get(bytes("f" + i))).isEqualTo(bytes("v" + i));
		}
		for (int i = 0; i < HashValue.MAX_COMPACT_ENTRIES; i++) {
			h.remove(bytes("f" + i));
		}
		assertThat(h.encoding()).isEqualTo("hashtable");
		assertThat(h.memoryUsage()).isEqualTo(h.recount());
	}

	@Test
	void convertsForGoodForAFieldOrValueLongerThanSixtyFourBytes() {
		String longest = "x".repeat(HashValue.MAX_COMPACT_VALUE);
		String tooLong = longest + "x";
		HashValue value = new HashValue();
		value.put(bytes("a"), bytes(longest));
		value.put(bytes(longest), bytes("b"));
		assertThat(value.encoding()).isEqualTo("listpack");
		value.put(bytes("a"), bytes(tooLong));
		assertThat(value.encoding()).isEqualTo("hashtable");
		assertThat(value.get(bytes("a"))).isEqualTo(bytes(tooLong));
		assertThat(value.get(bytes(longest))).isEqualTo(bytes("b"));
		assertThat(value.memoryUsage()).isEqualTo(value.recount());

		HashValue field = new HashValue();
		field.put(bytes("a"), bytes("1"));
		field.put(bytes(tooLong), bytes("2"));
		assertThat(field.encoding()).isEqualTo("hashtable");
		assertThat(field.size()).isEqualTo(2);
		assertThat(field.memoryUsage()).isEqualTo(field.recount());
	}

	@Test
	void aCopyIsIndependentAndTheSameSize() {
		HashValue h = new HashValue();
		for (int i = 0; i < 30; i++) {
			h.put(bytes("f" + i), bytes("v" + i));
		}
		HashValue copy = h.deepCopy();
		assertThat(copy.memoryUsage()).isEqualTo(h.memoryUsage()).isEqualTo(copy.recount());
		copy.put(bytes("f0"), bytes("changed"));
		copy.remove(bytes("f1"));
		copy.put(bytes("new"), bytes("n"));
		assertThat(h.get(bytes("f0"))).isEqualTo(bytes("v0"));
		assertThat(h.get(bytes("f1"))).isEqualTo(bytes("v1"));
		assertThat(h.get(bytes("new"))).isNull();
		assertThat(h.size()).isEqualTo(30);
		assertThat(copy.memoryUsage()).isEqualTo(copy.recount());
	}

	@Test
	void randomPairsReachEveryFieldWithItsValue() {
		HashValue h = new HashValue();
		for (int i = 0; i < 20; i++) {
			h.put(bytes("f" + i), bytes("v" + i));
		}
		SplittableRandom rnd = new SplittableRandom(7);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			byte[][] pair = h.randomPair(rnd);
			assertThat(text(pair[1])).isEqualTo("v" + text(pair[0]).substring(1));
			seen.add(text(pair[0]));
		}
		assertThat(seen).hasSize(20);
	}

	@Test
	void aListpackTakesUnderHalfTheHeapOfAHashtable() {
		HashValue listpack = new HashValue();
		HashValue hashtable = new HashValue();
		hashtable.put(bytes("x".repeat(HashValue.MAX_COMPACT_VALUE + 1)), bytes("converts"));
		hashtable.remove(bytes("x".repeat(HashValue.MAX_COMPACT_VALUE + 1)));
		for (int i = 0; i < 128; i++) {
			byte[] field = bytes(String.format("field:%010d", i));
			byte[] value = bytes(String.format("v%06d-%08d", 1, i));
			listpack.put(field, value);
			hashtable.put(field, value);
		}
		assertThat(listpack.memoryUsage() * 2).isLessThan(hashtable.memoryUsage());
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}

}

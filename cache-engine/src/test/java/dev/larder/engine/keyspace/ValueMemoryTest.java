package dev.larder.engine.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each collection's own memory figure equals a recount of its structure after every
 * single change, through every encoding and every resize of its arrays, tables and pages;
 * and the layout the figures are built from matches the JVM's rules.
 */
class ValueMemoryTest {

	@ParameterizedTest
	@ValueSource(longs = { 11, 12, 13 })
	void listsCountEveryChange(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		ListValue l = new ListValue();
		for (int i = 0; i < 20_000; i++) {
			int size = l.size();
			switch (rnd.nextInt(9)) {
				case 0, 1 -> l.addFirst(member(rnd));
				case 2, 3 -> l.addLast(member(rnd));
				// the ends as LPOP and RPOP reach them are MemoryAccountingTest's
				case 4 -> {
					if (size > 0) {
						l.removeAt(0);
					}
				}
				case 5 -> {
					if (size > 0) {
						l.removeAt(size - 1);
					}
				}
				case 6 -> {
					if (size > 0) {
						l.set(rnd.nextInt(size), member(rnd));
						l.removeAt(rnd.nextInt(size));
					}
				}
				case 7 -> l.insert(rnd.nextInt(size + 1), member(rnd));
				default -> {
					if (rnd.nextInt(50) == 0) {
						l.clear();
					}
					else if (size > 2) {
						l.trim(rnd.nextInt(size / 2), size - 1 - rnd.nextInt(size / 2));
					}
				}
			}
			assertThat(l.memoryUsage()).as("step %d", i).isEqualTo(l.recount());
		}
		assertThat(l.deepCopy().memoryUsage()).isEqualTo(l.memoryUsage());
	}

	@ParameterizedTest
	@ValueSource(longs = { 21, 22, 23 })
	void hashesCountEveryChangeAndTheirConversion(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		for (int round = 0; round < 20; round++) {
			HashValue h = new HashValue();
			int fields = rnd.nextInt(10, 400);
			for (int i = 0; i < fields * 3; i++) {
				byte[] field = bytes("f" + rnd.nextInt(fields));
				if (rnd.nextInt(3) == 0) {
					h.remove(field);
				}
				else {
					h.put(field, rnd.nextInt(200) == 0 ? bytes("v".repeat(80)) : member(rnd));
				}
				assertThat(h.memoryUsage()).isEqualTo(h.recount());
			}
			HashValue copy = h.deepCopy();
			assertThat(copy.memoryUsage()).isEqualTo(copy.recount());
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 31, 32, 33 })
	void setsCountEveryChangeInBothEncodings(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		for (int round = 0; round < 10; round++) {
			SetValue s = new SetValue();
			int universe = rnd.nextInt(10, 2000);
			for (int i = 0; i < universe * 3; i++) {
				byte[] m = rnd.nextInt(4) == 0 ? bytes("m" + rnd.nextInt(universe)) : bytes(rnd.nextInt(universe));
				if (rnd.nextInt(3) == 0) {
					s.remove(m);
				}
				else {
					s.add(m);
				}
				assertThat(s.memoryUsage()).isEqualTo(s.recount());
			}
			SetValue copy = s.deepCopy();
			assertThat(copy.memoryUsage()).isEqualTo(copy.recount());
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 41, 42, 43 })
	void sortedSetsCountEveryPageTheirTreeMakesAndDrops(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		for (int round = 0; round < 6; round++) {
			ZSetValue z = new ZSetValue();
			int universe = rnd.nextInt(50, 5000);
			for (int i = 0; i < universe * 4; i++) {
				byte[] m = bytes("m" + rnd.nextInt(universe));
				switch (rnd.nextInt(5)) {
					case 0, 1 -> z.put(m, rnd.nextInt(1000));
					case 2 -> {
						ZSetValue.Node n = z.get(m);
						if (n != null) {
							z.updateScore(n, rnd.nextInt(1000));
						}
					}
					default -> z.remove(m);
				}
				assertThat(z.memoryUsage()).isEqualTo(z.recount());
			}
			z.verify();
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 51, 52, 53 })
	void sortedSetsCountEveryChangeOfTheirListpackAndTheirConversions(long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		for (int round = 0; round < 30; round++) {
			ZSetValue z = new ZSetValue();
			// mostly within the listpack's limits, sometimes past one of them
			int universe = rnd.nextInt(20, 160);
			for (int i = 0; i < universe * 4; i++) {
				byte[] m = rnd.nextInt(300) == 0 ? bytes("long-" + "x".repeat(70)) : bytes("m" + rnd.nextInt(universe));
				double score = rnd.nextBoolean() ? rnd.nextInt(-1000, 1000) : rnd.nextDouble(-1e6, 1e6);
				switch (rnd.nextInt(5)) {
					case 0, 1 -> z.put(m, score);
					case 2 -> {
						ZSetValue.Node n = z.get(m);
						if (n != null) {
							z.updateScore(n, score);
						}
					}
					default -> z.remove(m);
				}
				assertThat(z.memoryUsage()).isEqualTo(z.recount());
			}
			z.verify();
			ZSetValue copy = z.deepCopy();
			assertThat(copy.memoryUsage()).isEqualTo(copy.recount());
			// a store command's result, built in the large encoding, converted when small
			ZSetValue stored = ZSetValue.inSkiplistEncoding();
			z.forEach(n -> stored.insert(n.member(), n.score()));
			assertThat(stored.convertToListpackIfSmall().memoryUsage()).isEqualTo(stored.recount());
			stored.verify();
		}
	}

	@Test
	void aSortedSetLeafEmptiedBetweenFullNeighboursIsDropped() {
		ZSetValue z = new ZSetValue();
		// leaves of 16 members at even scores, then filled to 31 with odd ones
		for (int i = 0; i < 2000; i += 2) {
			z.insert(bytes(i), i);
		}
		for (int i = 1; i < 2000; i += 2) {
			if (i % 32 < 30) {
				z.insert(bytes(i), i);
			}
		}
		assertThat(z.memoryUsage()).isEqualTo(z.recount());
		// the leaf of 960..990 sits between two full ones: it cannot merge, so it empties
		for (int i = 960; i < 992; i++) {
			z.remove(bytes(i));
			assertThat(z.memoryUsage()).isEqualTo(z.recount());
		}
		for (int i = 0; i < 2000; i++) {
			z.remove(bytes(i));
			assertThat(z.memoryUsage()).isEqualTo(z.recount());
		}
		z.verify();
	}

	@Test
	void layoutFollowsTheJvmRules() {
		assertThat(JvmLayout.ALIGNMENT).isPositive();
		assertThat(JvmLayout.REFERENCE).isIn(4, 8);
		long empty = JvmLayout.byteArray(0);
		assertThat(empty % JvmLayout.ALIGNMENT).isZero();
		assertThat(empty).isBetween(16L, 24L);
		// every byte of content lands in the size, rounded to the alignment
		for (int n = 0; n < 100; n++) {
			long size = JvmLayout.byteArray(n);
			assertThat(size % JvmLayout.ALIGNMENT).isZero();
			assertThat(size).isGreaterThanOrEqualTo(n + 16L).isLessThan(n + 16L + 8 + JvmLayout.ALIGNMENT);
		}
		assertThat(JvmLayout.instance(Object.class)).isEqualTo(JvmLayout.align(JvmLayout.OBJECT_HEADER));
		// a subclass's fields fill its superclass's gaps: DictEntry ends on 4 spare bytes
		// with a 12-byte header, where KeyEntry's access int goes for free
		long entry = JvmLayout.instance(DictEntry.class);
		long keyEntry = JvmLayout.instance(KeyEntry.class);
		long volatileEntry = JvmLayout.instance(VolatileKeyEntry.class);
		assertThat(keyEntry - entry).isLessThanOrEqualTo(8);
		assertThat(volatileEntry - keyEntry).isBetween(12L, 16L);
		if (JvmLayout.OBJECT_HEADER == 12 && JvmLayout.REFERENCE == 4) {
			assertThat(entry).isEqualTo(32);
			assertThat(keyEntry).isEqualTo(32);
			assertThat(volatileEntry).isEqualTo(48);
			assertThat(empty).isEqualTo(16);
			assertThat(JvmLayout.referenceArray(4)).isEqualTo(32);
		}
	}

	private static byte[] member(SplittableRandom rnd) {
		return bytes("v" + "x".repeat(rnd.nextInt(30)));
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(long n) {
		return bytes(Long.toString(n));
	}

}

package dev.larder.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The geohash arithmetic and the sorts GEORADIUS uses, on their own; their agreement with
 * redis-server is {@code GeoDifferentialTest}'s.
 */
class GeohashTest {

	private static final MathContext PRECISION = new MathContext(50);

	@Test
	void encodedPointsDecodeToTheCentreOfTheirCell() {
		Random rnd = new Random(7);
		for (int i = 0; i < 10_000; i++) {
			double lon = -180 + rnd.nextDouble() * 360;
			double lat = Geohash.LAT_MIN + rnd.nextDouble() * (Geohash.LAT_MAX - Geohash.LAT_MIN);
			long score = Geohash.align52Bits(Geohash.encodeWgs84(lon, lat, Geohash.STEP_MAX));
			assertThat(score).isBetween(0L, (1L << 52) - 1);
			double[] xy = Geohash.decodeScore(score);
			// a step-26 cell is 360 / 2^26 degrees wide and 170.1 / 2^26 high
			assertThat(Math.abs(xy[0] - lon)).isLessThanOrEqualTo(360.0 / (1 << 27));
			assertThat(Math.abs(xy[1] - lat)).isLessThanOrEqualTo(171.0 / (1 << 27));
		}
	}

	@Test
	void theNorthAndEastLimitsEncodeBeyondFiftyTwoBitsAsInRedis() {
		// the offset 1.0 * 2^26 does not fit 26 bits; Redis keeps the carry
		assertThat(Geohash.align52Bits(Geohash.encodeWgs84(180, 0, 26))).isEqualTo(10133099161583616L);
		assertThat(Geohash.align52Bits(Geohash.encodeWgs84(0, Geohash.LAT_MAX, 26))).isEqualTo(6755399441055744L);
		assertThat(Geohash.encodeWgs84(-180, Geohash.LAT_MIN, 26).bits()).isZero();
	}

	@Test
	void asinIsRoundedToTheNearestDouble() {
		Random rnd = new Random(11);
		for (int i = 0; i < 2_000; i++) {
			double x = i % 4 == 0 ? 1 - rnd.nextDouble() * 1e-6 : rnd.nextDouble();
			double y = Geohash.asin(x);
			BigDecimal target = new BigDecimal(x);
			BigDecimal error = sin(y).subtract(target).abs();
			assertThat(error).as("asin(%s)", x).isLessThanOrEqualTo(sin(Math.nextUp(y)).subtract(target).abs());
			assertThat(error).as("asin(%s)", x).isLessThanOrEqualTo(sin(Math.nextDown(y)).subtract(target).abs());
		}
		assertThat(Geohash.asin(1)).isEqualTo(Math.PI / 2);
		assertThat(Geohash.asin(0)).isZero();
		assertThat(Geohash.asin(1.0000000000000002)).isNaN();
	}

	private static BigDecimal sin(double y) {
		BigDecimal x = new BigDecimal(y);
		BigDecimal x2 = x.multiply(x, PRECISION);
		BigDecimal term = x;
		BigDecimal sum = x;
		for (int n = 1; term.abs().compareTo(new BigDecimal("1e-45")) > 0; n += 2) {
			term = term.multiply(x2, PRECISION)
				.divide(BigDecimal.valueOf((long) (n + 1) * (n + 2)), PRECISION)
				.negate();
			sum = sum.add(term, PRECISION);
		}
		return sum;
	}

	@Test
	void theMergeSortIsStable() {
		Random rnd = new Random(3);
		List<int[]> items = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			items.add(new int[] { rnd.nextInt(10), i });
		}
		List<int[]> expected = new ArrayList<>(items);
		expected.sort(Comparator.comparingInt(a -> a[0]));
		GeoSort.mergeSort(items, Comparator.comparingInt(a -> a[0]));
		assertThat(items).containsExactlyElementsOf(expected);
	}

	@Test
	void thePartialQuickSortPlacesTheWantedRangeAsAFullSortWould() {
		Random rnd = new Random(5);
		for (int round = 0; round < 300; round++) {
			int n = 1 + rnd.nextInt(200);
			List<Integer> items = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				items.add(rnd.nextInt(round % 2 == 0 ? 5 : 1000));
			}
			List<Integer> sorted = new ArrayList<>(items);
			sorted.sort(null);
			int k = 1 + rnd.nextInt(n);
			GeoSort.partialQuickSort(items, Comparator.naturalOrder(), 0, k - 1);
			assertThat(items.subList(0, k)).containsExactlyElementsOf(sorted.subList(0, k));
		}
	}

}

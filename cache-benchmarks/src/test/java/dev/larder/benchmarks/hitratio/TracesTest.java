package dev.larder.benchmarks.hitratio;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TracesTest {

	private static final int KEYS = 100_000;

	private static final int REQUESTS = 200_000;

	@Test
	void zipfIsDeterministicPerSeed() {
		assertThat(Traces.zipf(KEYS, 1.0, REQUESTS, 7)).isEqualTo(Traces.zipf(KEYS, 1.0, REQUESTS, 7))
			.isNotEqualTo(Traces.zipf(KEYS, 1.0, REQUESTS, 8));
	}

	@Test
	void zipfFollowsItsExponent() {
		for (double alpha : new double[] { 0.8, 1.0 }) {
			int[] keys = Traces.zipf(KEYS, alpha, REQUESTS, 1);
			int[] counts = new int[KEYS];
			for (int key : keys) {
				assertThat(key).isBetween(0, KEYS - 1);
				counts[key]++;
			}
			double harmonic = 0;
			for (int rank = 1; rank <= KEYS; rank++) {
				harmonic += Math.pow(rank, -alpha);
			}
			// The most popular key and the share of the top 1% against 1/r^alpha.
			assertThat((double) counts[0] / REQUESTS).isCloseTo(1 / harmonic, within(0.1 / harmonic));
			double top = 0;
			long topCount = 0;
			for (int rank = 1; rank <= KEYS / 100; rank++) {
				top += Math.pow(rank, -alpha) / harmonic;
				topCount += counts[rank - 1];
			}
			assertThat((double) topCount / REQUESTS).isCloseTo(top, within(0.01));
		}
	}

	@Test
	void scansInterleaveNeverRepeatedKeysWithTheSameZipfDraws() {
		int every = 1000;
		int length = 300;
		int[] zipf = Traces.zipf(KEYS, 0.8, REQUESTS, 3);
		int[] polluted = Traces.scanPollutedZipf(KEYS, 0.8, REQUESTS, 3, every, length);
		assertThat(polluted).hasSize(REQUESTS);
		int z = 0;
		int nextScanKey = KEYS;
		for (int i = 0; i < REQUESTS; i++) {
			if (i % (every + length) < every) {
				assertThat(polluted[i]).isEqualTo(zipf[z++]);
			}
			else {
				assertThat(polluted[i]).isEqualTo(nextScanKey++);
			}
		}
	}

	@Test
	void loopRepeatsItsKeysInOrder() {
		int[] keys = Traces.loop(7, 30);
		assertThat(keys).startsWith(0, 1, 2, 3, 4, 5, 6, 0, 1).endsWith(0, 1);
		for (int i = 0; i < keys.length; i++) {
			assertThat(keys[i]).isEqualTo(i % 7);
		}
	}

	@Test
	void keyNamesHaveOneLength() {
		assertThat(new String(KeyNames.of(0), StandardCharsets.US_ASCII)).isEqualTo("key:00000000");
		assertThat(new String(KeyNames.of(KeyNames.MAX_ID), StandardCharsets.US_ASCII)).isEqualTo("key:99999999");
	}

	@Test
	void readsRedisMemoryUnits() {
		assertThat(Options.memory("16mb")).isEqualTo(16L << 20);
		assertThat(Options.memory("16m")).isEqualTo(16_000_000L);
		assertThat(Options.memory("1234")).isEqualTo(1234L);
	}

}

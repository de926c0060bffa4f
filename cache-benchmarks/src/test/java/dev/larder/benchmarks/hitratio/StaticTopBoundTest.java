package dev.larder.benchmarks.hitratio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StaticTopBoundTest {

	@Test
	void onALoopItHitsAsManyRequestsAsItHoldsKeysOfTheLoop() {
		Trace loop = new Trace("loop", "", Traces.loop(120, 12_000), 1_200);
		Row row = StaticTopBound.row("bound", loop, 100);
		assertThat(row.hits()).isEqualTo(9_000);
		assertThat(row.requests()).isEqualTo(10_800);
	}

	@Test
	void onAZipfTraceItHitsTheShareOfTheMostPopularKeys() {
		int keys = 10_000;
		int entries = 1_000;
		Trace zipf = new Trace("zipf", "", Traces.zipf(keys, 1.0, 400_000, 3), 100_000);
		double harmonicKeys = 0;
		double harmonicEntries = 0;
		for (int rank = 1; rank <= keys; rank++) {
			harmonicKeys += 1.0 / rank;
			if (rank <= entries) {
				harmonicEntries += 1.0 / rank;
			}
		}
		Row row = StaticTopBound.row("bound", zipf, entries);
		assertThat((double) row.hits() / row.requests()).isCloseTo(harmonicEntries / harmonicKeys, within(0.01));
	}

	@Test
	void scanKeysAreNeverHeld() {
		Trace scans = new Trace("scans", "", Traces.scanPollutedZipf(1_000, 1.0, 30_000, 3, 100, 50), 0);
		Row row = StaticTopBound.row("bound", scans, 1_000);
		assertThat(row.hits()).as("every Zipf request, no scan request").isEqualTo(20_000);
	}

}

package dev.larder.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The slot arithmetic of Redis 7.0's clientsCronTrackExpansiveClients: a peak is reported
 * for the seconds its slot survives, the slot after the current one being cleared at each
 * sample.
 */
class RecentClientPeaksTest {

	private final RecentClientPeaks peaks = new RecentClientPeaks();

	@Test
	void aPeakIsReportedUntilItsSlotComesRoundAgain() {
		peaks.record(100, 5000, 7000);
		peaks.record(100, 10, 10); // a smaller figure in the same second keeps the peak
		for (long second = 101; second < 100 + RecentClientPeaks.SLOTS - 1; second++) {
			peaks.record(second, 0, 0);
			assertThat(peaks.maxInput()).as("at second %d", second).isEqualTo(5000);
			assertThat(peaks.maxOutput()).as("at second %d", second).isEqualTo(7000);
		}
		// the sample of second 107 clears the slot of 108, which is 100's
		peaks.record(100 + RecentClientPeaks.SLOTS - 1, 0, 0);
		assertThat(peaks.maxInput()).isZero();
		assertThat(peaks.maxOutput()).isZero();
	}

}

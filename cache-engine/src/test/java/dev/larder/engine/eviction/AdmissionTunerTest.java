package dev.larder.engine.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionTunerTest {

	private static final long PERIOD = 16_384;

	private long hits;

	private long misses;

	private final AdmissionTuner tuner = new AdmissionTuner(() -> hits, () -> misses);

	@Test
	void startsWithoutAnExtraLeadAndKeepsItWhileTheTrialDoesNotPay() {
		assertThat(tuner.extraLead()).isZero();
		regularPeriods(0.60);
		assertThat(tuner.extraLead()).as("the trial period runs with the other lead").isEqualTo(1);
		period(0.603);
		assertThat(tuner.extraLead()).as("a gain under half a point is noise: back to no lead").isZero();
	}

	@Test
	void keepsTheTrialLeadWhenItsPeriodHitsClearlyMore() {
		regularPeriods(0.72);
		period(0.84);
		assertThat(tuner.extraLead()).isEqualTo(1);
		regularPeriods(0.86);
		assertThat(tuner.extraLead()).as("the next trial goes back to no lead").isZero();
		period(0.80);
		assertThat(tuner.extraLead()).as("and loses").isEqualTo(1);
	}

	@Test
	void aResetOfTheStatisticsStartsThePeriodOver() {
		regularPeriods(0.60);
		hits = 0;
		misses = 0;
		duels(256);
		assertThat(tuner.extraLead()).as("no period ended on the reset").isEqualTo(1);
		period(0.95);
		assertThat(tuner.extraLead()).isEqualTo(1);
	}

	@Test
	void periodsLastAboutAsManyReadsAsTheCacheHoldsKeys() {
		tuner.expectKeys(10 * PERIOD);
		for (int i = 0; i < AdmissionTuner.TRIAL_EVERY; i++) {
			period(0.5);
		}
		assertThat(tuner.extraLead()).as("only %d long periods have ended", AdmissionTuner.TRIAL_EVERY / 10).isZero();
	}

	private void regularPeriods(double hitRate) {
		for (int i = 0; i < AdmissionTuner.TRIAL_EVERY; i++) {
			period(hitRate);
		}
	}

	/** One period's reads at this hit rate, then enough duels for the tuner to look. */
	private void period(double hitRate) {
		long h = Math.round(PERIOD * hitRate);
		hits += h;
		misses += PERIOD - h;
		duels(256);
	}

	private void duels(int n) {
		for (int i = 0; i < n; i++) {
			tuner.duelled();
		}
	}

}

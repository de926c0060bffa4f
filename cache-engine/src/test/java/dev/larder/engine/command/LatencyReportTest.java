package dev.larder.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LATENCY DOCTOR's figures from known samples (analyzeLatencyForEvent): what the
 * differential test cannot pin, as each server's milliseconds and seconds differ.
 */
class LatencyReportTest {

	private static final long NOW = 1_800_000_000L;

	private static LatencyMonitor monitorWith(String event, long... secondsAgoAndMillis) {
		LatencyMonitor m = new LatencyMonitor();
		for (int i = 0; i < secondsAgoAndMillis.length; i += 2) {
			m.addSample(event, NOW - secondsAgoAndMillis[i], secondsAgoAndMillis[i + 1]);
		}
		return m;
	}

	@Test
	void aSampleOfThisSecondCountsAPeriodOfOneSecond() {
		String report = LatencyReport.create(monitorWith("command", 0, 60).snapshot(), 50, 10_000, NOW);
		assertThat(report).contains(
				"1. command: 1 latency spikes (average 60ms, mean deviation 0ms, period 1.00 sec). Worst all time event 60ms.\n");
	}

	@Test
	void averageDeviationAndPeriodSpanTheSamples() {
		String report = LatencyReport.create(monitorWith("command", 10, 60, 5, 100, 1, 80).snapshot(), 50, 10_000, NOW);
		assertThat(report).contains(
				"1. command: 3 latency spikes (average 80ms, mean deviation 13ms, period 3.33 sec). Worst all time event 100ms.\n");
	}

	@Test
	void fastCommandSpikesAdviseOnTheScheduler() {
		String report = LatencyReport.create(monitorWith("fast-command", 0, 60).snapshot(), 50, 10_000, NOW);
		assertThat(report).contains("\nI have a few advices for you:\n\n- The system is slow to execute Redis code")
			.doesNotContain("Slow Log");
	}

	@Test
	void quietAndDisabledMonitors() {
		assertThat(LatencyReport.create(Map.of(), 0, 10_000, NOW)).isEqualTo(LatencyReport.DISABLED);
		assertThat(LatencyReport.create(Map.of(), 50, 10_000, NOW)).isEqualTo(LatencyReport.NO_SPIKES);
	}

}

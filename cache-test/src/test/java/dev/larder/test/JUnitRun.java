package dev.larder.test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs fixture test classes in a JUnit Platform launcher of their own, with the
 * configuration given (parallel execution, say), as JUnit's own TestKit does: the
 * fixtures' extension stores, engines and locks are those of that run.
 */
final class JUnitRun {

	static final Map<String, String> PARALLEL_CLASSES = Map.of("junit.jupiter.execution.parallel.enabled", "true",
			"junit.jupiter.execution.parallel.mode.default", "same_thread",
			"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
			"junit.jupiter.execution.parallel.config.strategy", "fixed",
			"junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

	private JUnitRun() {
	}

	/** Runs the classes and asserts every test in them passed; returns the summary. */
	static TestExecutionSummary allPass(Map<String, String> configuration, Class<?>... testClasses) {
		TestExecutionSummary summary = run(configuration, testClasses);
		StringWriter failures = new StringWriter();
		summary.printFailuresTo(new PrintWriter(failures), 20);
		assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
		assertThat(summary.getTestsSucceededCount()).as("tests run").isPositive();
		return summary;
	}

	/** Runs the classes and returns the summary, failures included. */
	static TestExecutionSummary run(Map<String, String> configuration, Class<?>... testClasses) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(Arrays.stream(testClasses).map(DiscoverySelectors::selectClass).toList())
			.configurationParameters(configuration)
			.configurationParameter(Fixture.PARAMETER, "true")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		return listener.getSummary();
	}

}

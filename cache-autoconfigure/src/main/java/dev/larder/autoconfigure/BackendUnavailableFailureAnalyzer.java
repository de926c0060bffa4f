package dev.larder.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link BackendUnavailableException} into Boot's "APPLICATION FAILED TO START"
 * report with the property, the reason and the fix.
 */
class BackendUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<BackendUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BackendUnavailableException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}

package dev.larder.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that only {@link JUnitRun} runs, in a launcher of its own: skipped when a
 * build tool picks it up directly (say, with a -Dtest pattern that matches nested
 * classes).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyInJUnitRun.class)
@interface Fixture {

	/** The configuration parameter {@link JUnitRun} sets. */
	String PARAMETER = "dev.larder.test.fixture";

	class OnlyInJUnitRun implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(PARAMETER).isPresent()
					? ConditionEvaluationResult.enabled("run by JUnitRun")
					: ConditionEvaluationResult.disabled("a fixture of another test, run by JUnitRun");
		}

	}

}

package dev.larder.test;

import java.util.List;
import java.util.Map;

import dev.larder.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameters of the wrong type and a directly registered extension fail with a message
 * that says what to do; a {@code PER_CLASS} test instance gets its engine in the
 * constructor, before the class's callbacks have run.
 */
class EmbeddedRedisMisuseTests {

	@Test
	void aPortParameterOfTheWrongTypeIsRefusedWithTheFix() {
		assertThat(failureMessages(WrongPortType.class)).singleElement()
			.asString()
			.contains("@EmbeddedRedisPort parameter 'port'")
			.contains("declare it as int or Integer");
	}

	@Test
	void aUriParameterOfTheWrongTypeIsRefusedWithTheFix() {
		assertThat(failureMessages(WrongUriType.class)).singleElement()
			.asString()
			.contains("@EmbeddedRedisUri parameter 'uri'")
			.contains("declare it as String or java.net.URI");
	}

	@Test
	void theExtensionWithoutTheAnnotationSaysToUseTheAnnotation() {
		assertThat(failureMessages(ExtensionOnly.class)).isNotEmpty()
			.allSatisfy((message) -> assertThat(message).contains("annotate the class with @EmbeddedRedis"));
	}

	@Test
	void aPerClassInstanceGetsTheEngineInItsConstructor() {
		JUnitRun.allPass(Map.of(), PerClassInstance.class);
	}

	private static List<String> failureMessages(Class<?> testClass) {
		TestExecutionSummary summary = JUnitRun.run(Map.of(), testClass);
		return summary.getFailures()
			.stream()
			.map((failure) -> String.valueOf(failure.getException().getMessage()))
			.toList();
	}

	@EmbeddedRedis
	@Fixture
	static class WrongPortType {

		@Test
		void test(@EmbeddedRedisPort String port) {
		}

	}

	@EmbeddedRedis
	@Fixture
	static class WrongUriType {

		@Test
		void test(@EmbeddedRedisUri int uri) {
		}

	}

	@ExtendWith(EmbeddedRedisExtension.class)
	@Fixture
	static class ExtensionOnly {

		@Test
		void test() {
		}

	}

	@EmbeddedRedis
	@Fixture
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	static class PerClassInstance {

		private final Engine engine;

		PerClassInstance(Engine engine) {
			this.engine = engine;
		}

		@Test
		void hasTheEngine(Engine engine) {
			assertThat(engine).isSameAs(this.engine);
		}

	}

}

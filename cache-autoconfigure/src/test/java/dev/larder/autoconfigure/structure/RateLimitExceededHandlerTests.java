package dev.larder.autoconfigure.structure;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import dev.larder.autoconfigure.StructureSettingsConfiguration;
import dev.larder.cache.structure.annotation.RateLimited;
import dev.larder.cache.structure.conformance.TestClock;
import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @RateLimited} controller in a Spring MVC application answers 429 with
 * Retry-After.
 */
class RateLimitExceededHandlerTests {

	private static MemcachedProcess memcached;

	private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderStructuresAutoConfiguration.class))
		.withBean(StructureSettingsConfiguration.STRUCTURE_CLOCK, InstantSource.class, () -> this.clock)
		.withUserConfiguration(Web.class, LimitedController.class)
		.withPropertyValues("larder.backend=memcached", "larder.key-prefix=web-" + System.nanoTime() + ":");

	@BeforeAll
	static void start() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stop() {
		memcached.stop();
	}

	@Test
	void overTheLimitAnswers429WithRetryAfterInWholeSecondsRoundedUp() {
		this.runner.withPropertyValues("larder.memcached.servers=" + memcached.address()).run((context) -> {
			assertThat(context).hasSingleBean(RateLimitExceededHandler.class);
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.get().uri("/hello").param("client", "a")).hasStatusOk();
			assertThat(mvc.get().uri("/hello").param("client", "a")).hasStatusOk();
			// Two per minute: the next permit comes 30 seconds after the first grant;
			// 29.8s from now.
			this.clock.advance(Duration.ofMillis(200));
			assertThat(mvc.get().uri("/hello").param("client", "a")).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
				.hasHeader("Retry-After", "30")
				.bodyText()
				.contains("\"status\":429", "\"limiter\":\"hello\"",
						"Rate limit 'hello' exceeded; retry after 30 seconds")
				.doesNotContain("\"a\"");
			assertThat(mvc.get().uri("/hello").param("client", "b")).hasStatusOk();
		});
	}

	@Test
	void retryAfterIsRoundedUpAndNeverZero() {
		assertThat(RateLimitExceededHandler.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
		assertThat(RateLimitExceededHandler.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
		assertThat(RateLimitExceededHandler.retryAfterSeconds(Duration.ofSeconds(2))).isEqualTo(2);
		assertThat(RateLimitExceededHandler.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class Web {

	}

	@RestController
	static class LimitedController {

		@GetMapping("/hello")
		@RateLimited(name = "hello", key = "#client", permits = 2, period = "1m")
		public String hello(@RequestParam String client) {
			return "hello " + client;
		}

	}

}

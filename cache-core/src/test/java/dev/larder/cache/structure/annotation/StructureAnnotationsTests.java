package dev.larder.cache.structure.annotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.LockNotAcquiredException;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimitAlgorithm;
import dev.larder.cache.structure.ratelimit.RateLimitExceededException;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.testing.MemcachedProcess;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RateLimited} and {@link WithLock} on Spring beans, with a real backend's
 * structures (Memcached), through the advisors as an application context applies them.
 */
class StructureAnnotationsTests {

	private static MemcachedProcess memcached;

	private static MemcachedBackend backend;

	private AnnotationConfigApplicationContext context;

	@BeforeAll
	static void start() throws IOException {
		memcached = MemcachedProcess.start();
		List<InetSocketAddress> servers = List.of(new InetSocketAddress("127.0.0.1", memcached.port()));
		backend = new MemcachedBackend(new XMemcachedClientBuilder(servers).build(), servers,
				MemcachedBackend.DEFAULT_MAX_ITEM_SIZE,
				StructureSettings.defaults().withKeyPrefix("annotations-" + System.nanoTime() + ":"));
	}

	@AfterAll
	static void stop() {
		backend.close();
		memcached.stop();
	}

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private AnnotationConfigApplicationContext context(Class<?>... components) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", java.util.Map.of("limits.period", "1h")));
		context.register(Infrastructure.class);
		context.register(components);
		this.context = context;
		context.refresh();
		return context;
	}

	@Test
	void aLimitedMethodRunsUntilItsKeyIsOverTheLimitThenThrowsWithoutRunning() {
		Api api = context(Api.class).getBean(Api.class);
		assertThat(AopUtils.isAopProxy(api)).isTrue();
		for (int i = 0; i < 3; i++) {
			assertThat(api.search("ana", "q" + i)).isEqualTo("results for q" + i);
		}
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> api.search("ana", "again"))
			.satisfies((ex) -> {
				assertThat(ex.limiterName()).isEqualTo("search");
				assertThat(ex.key()).endsWith(":ana");
				assertThat(ex.retryAfter()).isPositive();
			});
		assertThat(api.calls()).isEqualTo(3);
		assertThat(api.search("bob", "q")).as("another key has its own budget").isEqualTo("results for q");
	}

	@Test
	void withoutAKeyAllCallersShareOneBudgetUnderTheMethodsName() {
		Api api = context(Api.class).getBean(Api.class);
		api.export();
		api.export();
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(api::export)
			.satisfies((ex) -> assertThat(ex.limiterName()).endsWith("Api.export"));
	}

	@Test
	void aLockedMethodRunsWhileHoldingItsLockAndReleasesIt() {
		Jobs jobs = context(Jobs.class).getBean(Jobs.class);
		assertThat(jobs.rebuild("42")).as("locked while running").isTrue();
		assertThat(jobs.locks().lock("rebuild:42").isLocked()).as("released after").isFalse();
		assertThat(jobs.runs()).isEqualTo(1);
	}

	@Test
	void aLockedMethodDoesNotRunWhenTheLockIsHeldElsewhere() {
		Jobs jobs = context(Jobs.class).getBean(Jobs.class);
		LockHandle elsewhere = jobs.locks()
			.lock("rebuild:7")
			.tryAcquire(Duration.ZERO, Duration.ofMinutes(1))
			.orElseThrow();
		try {
			assertThatExceptionOfType(LockNotAcquiredException.class).isThrownBy(() -> jobs.rebuild("7"))
				.withMessageContaining("rebuild:7")
				.withMessageContaining("did not run");
			assertThat(jobs.rebuild("8")).as("another key is another lock").isTrue();
		}
		finally {
			elsewhere.release();
		}
		assertThat(jobs.runs()).isEqualTo(1);
		assertThat(jobs.rebuild("7")).isTrue();
	}

	@Test
	void theLockIsReleasedWhenTheMethodThrows() {
		Jobs jobs = context(Jobs.class).getBean(Jobs.class);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(jobs::failing);
		assertThat(jobs.locks().lock("failing").isLocked()).isFalse();
	}

	@Test
	void aBareNumberPeriodFailsStartupNamingTheMethodAndAttribute() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(BarePeriod.class))
			.withMessageContaining("Invalid @RateLimited on")
			.withMessageContaining("BarePeriod.call")
			.withMessageContaining("period '60' is not a duration");
	}

	@Test
	void aBadKeyExpressionFailsStartupNamingTheMethodAndAttribute() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(BadKey.class))
			.withMessageContaining("Invalid @WithLock on")
			.withMessageContaining("BadKey.call")
			.withMessageContaining("key '#id +' is not a valid SpEL expression");
	}

	@Test
	void zeroPermitsFailStartup() {
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> context(NoPermits.class))
			.withMessageContaining("NoPermits.call")
			.withMessageContaining("permits must be at least 1");
	}

	@Test
	void aKeyThatEvaluatesToNullFailsTheCallNamingTheExpression() {
		Api api = context(Api.class).getBean(Api.class);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> api.byUser(null))
			.withMessageContaining("'#user'")
			.withMessageContaining("evaluated to null");
	}

	@Configuration(proxyBeanMethods = false)
	static class Infrastructure {

		@Bean
		static PropertySourcesPlaceholderConfigurer placeholders() {
			return new PropertySourcesPlaceholderConfigurer();
		}

		@Bean
		static InfrastructureAdvisorAutoProxyCreator autoProxyCreator() {
			InfrastructureAdvisorAutoProxyCreator creator = new InfrastructureAdvisorAutoProxyCreator();
			creator.setProxyTargetClass(true);
			return creator;
		}

		@Bean
		Structures structures() {
			return backend.structures();
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static StructureAnnotationAdvisor rateLimitedAdvisor(org.springframework.beans.factory.BeanFactory beans) {
			return StructureAnnotationAdvisor.rateLimited(() -> beans.getBean(Structures.class).rateLimiters());
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static StructureAnnotationAdvisor withLockAdvisor(org.springframework.beans.factory.BeanFactory beans) {
			return StructureAnnotationAdvisor.withLock(() -> beans.getBean(Structures.class).locks());
		}

	}

	static class Api {

		private final AtomicInteger calls = new AtomicInteger();

		private final String instance = "api-" + System.nanoTime();

		public String instance() {
			return this.instance;
		}

		public int calls() {
			return this.calls.get();
		}

		@RateLimited(key = "#user", permits = 5, period = "1m")
		public void byUser(String user) {
		}

		@RateLimited(name = "search", key = "#root.target.instance() + ':' + #user", permits = 3,
				period = "${limits.period}")
		public String search(String user, String query) {
			this.calls.incrementAndGet();
			return "results for " + query;
		}

		@RateLimited(permits = 2, period = "PT1H", algorithm = RateLimitAlgorithm.SLIDING_WINDOW)
		public void export() {
		}

	}

	static class Jobs {

		private final AtomicInteger runs = new AtomicInteger();

		private final Structures structures;

		Jobs(Structures structures) {
			this.structures = structures;
		}

		public Locks locks() {
			return this.structures.locks();
		}

		public int runs() {
			return this.runs.get();
		}

		@WithLock(name = "rebuild", key = "#id", waitTime = "0s", leaseTime = "1m")
		public boolean rebuild(String id) {
			this.runs.incrementAndGet();
			return locks().lock("rebuild:" + id).isLocked();
		}

		@WithLock(name = "failing")
		public void failing() {
			throw new IllegalStateException("boom");
		}

	}

	static class BarePeriod {

		@RateLimited(permits = 1, period = "60")
		public void call() {
		}

	}

	static class BadKey {

		@WithLock(key = "#id +")
		public void call(String id) {
		}

	}

	static class NoPermits {

		@RateLimited(permits = 0, period = "1s")
		public void call() {
		}

	}

}

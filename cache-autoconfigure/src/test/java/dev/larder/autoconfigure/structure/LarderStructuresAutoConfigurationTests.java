package dev.larder.autoconfigure.structure;

import java.time.Duration;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.annotation.RateLimited;
import dev.larder.cache.structure.annotation.StructureAnnotationAdvisor;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimitExceededException;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.SortedSets;
import dev.larder.cache.testing.MemcachedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The structures beans and annotations wired from properties, on a real memcached. */
class LarderStructuresAutoConfigurationTests {

	private static MemcachedProcess memcached;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LarderCacheAutoConfiguration.class,
				LarderStructuresAutoConfiguration.class))
		.withPropertyValues("larder.backend=memcached");

	@BeforeAll
	static void start() {
		memcached = MemcachedProcess.start();
	}

	@AfterAll
	static void stop() {
		memcached.stop();
	}

	private ApplicationContextRunner onMemcached() {
		return this.runner.withPropertyValues("larder.memcached.servers=" + memcached.address());
	}

	@Test
	void structuresNeedNoEnableCachingAndUseTheKeyPrefix() {
		onMemcached().withPropertyValues("larder.key-prefix=shop:").run((context) -> {
			assertThat(context).hasSingleBean(CacheBackend.class)
				.hasSingleBean(Locks.class)
				.hasSingleBean(RateLimiters.class)
				.hasSingleBean(SortedSets.class);
			assertThat(context.getBean(CacheBackend.class)).isInstanceOf(MemcachedBackend.class);
			DistributedLock lock = context.getBean(Locks.class).lock("prefixed");
			try (LockHandle held = lock.tryAcquire(Duration.ZERO, Duration.ofMinutes(1)).orElseThrow()) {
				assertThat(held.isHeld()).isTrue();
				assertThat(memcached.command("get shop:lock:{prefixed}")).startsWith("VALUE shop:lock:{prefixed}");
			}
		});
	}

	@Test
	void onMemcachedTheSortedSetsBeanExistsAndRefusesOnUseNamingTheBackendsThatCarryThem() {
		onMemcached().run((context) -> {
			SortedSets sortedSets = context.getBean(SortedSets.class);
			assertThatExceptionOfType(UnsupportedStructureException.class).isThrownBy(() -> sortedSets.set("board"))
				.withMessageContaining("Memcached has no sorted sets")
				.withMessageContaining("larder.backend=");
		});
	}

	@Test
	void userBeansReplaceTheStructuresAndAdvisors() {
		onMemcached().withUserConfiguration(UserStructures.class).run((context) -> {
			assertThat(context.getBean(Locks.class)).isSameAs(context.getBean(UserStructures.class).locks);
			assertThat(context.getBean("larderRateLimitedAdvisor")).isSameAs(UserStructures.ADVISOR);
			assertThat(context).getBeans(StructureAnnotationAdvisor.class).hasSize(2);
		});
	}

	@Test
	void annotatedBeansAreProxiedWithBootsAopConfiguration() {
		onMemcached().withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withUserConfiguration(LimitedService.class)
			.run((context) -> {
				LimitedService service = context.getBean(LimitedService.class);
				assertThat(AopUtils.isCglibProxy(service)).isTrue();
				String key = "user-" + System.nanoTime();
				service.call(key);
				assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> service.call(key));
			});
	}

	@Test
	void annotatedBeansAreProxiedWithoutBootsAopConfiguration() {
		onMemcached().withUserConfiguration(LimitedService.class).run((context) -> {
			LimitedService service = context.getBean(LimitedService.class);
			assertThat(AopUtils.isAopProxy(service)).isTrue();
		});
	}

	@Test
	void withoutAWebApplicationThereIsNo429Handler() {
		onMemcached().run((context) -> assertThat(context).doesNotHaveBean(RateLimitExceededHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStructures {

		static final StructureAnnotationAdvisor ADVISOR = StructureAnnotationAdvisor.rateLimited(() -> {
			throw new IllegalStateException("not called");
		});

		final Locks locks = (name) -> {
			throw new UnsupportedOperationException();
		};

		@Bean
		Locks userLocks() {
			return this.locks;
		}

		@Bean
		static StructureAnnotationAdvisor larderRateLimitedAdvisor() {
			return ADVISOR;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LimitedService {

		@RateLimited(name = "auto-config-test", key = "#user", permits = 1, period = "1h")
		public void call(String user) {
		}

	}

}

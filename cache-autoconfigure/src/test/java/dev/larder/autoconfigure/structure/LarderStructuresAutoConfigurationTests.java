package dev.larder.autoconfigure.structure;

import java.time.Duration;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.embedded.EmbeddedBackend;
import dev.larder.cache.memcached.MemcachedBackend;
import dev.larder.cache.structure.UnsupportedStructureException;
import dev.larder.cache.structure.annotation.RateLimited;
import dev.larder.cache.structure.annotation.StructureAnnotationAdvisor;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockHandle;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimitExceededException;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.ScoredMember;
import dev.larder.cache.structure.sortedset.ScoredSet;
import dev.larder.cache.structure.sortedset.SortedSets;
import dev.larder.cache.testing.MemcachedProcess;
import dev.larder.engine.Engine;
import dev.larder.engine.Reply;
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
		.withConfiguration(
				AutoConfigurations.of(LarderCacheAutoConfiguration.class, LarderStructuresAutoConfiguration.class))
		.withPropertyValues("larder.backend=memcached",
				"larder.serialization.allowed-packages=dev.larder.autoconfigure.structure");

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
	void onMemcachedTheSortedSetsBeanExistsAndItsHandlesRefuseOnUseNamingTheProperty() {
		onMemcached().run((context) -> {
			ScoredSet<String> board = context.getBean(SortedSets.class).set("board");
			assertThatExceptionOfType(UnsupportedStructureException.class).isThrownBy(() -> board.add("ana", 1))
				.withMessageContaining("Memcached has no sorted sets")
				.withMessageContaining("larder.structures.backend=");
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

	@Test
	void onTheEmbeddedBackendSortedSetsUseTheKeyPrefixAndTheValueSerializer() {
		this.runner.withPropertyValues("larder.backend=embedded", "larder.key-prefix=shop:").run((context) -> {
			SortedSets sortedSets = context.getBean(SortedSets.class);
			ScoredSet<String> board = sortedSets.set("board");
			board.add("ana", 42);
			board.add("bob", 7);
			assertThat(board.top(1)).containsExactly(new ScoredMember<>("ana", 42));
			Engine engine = ((EmbeddedBackend) context.getBean(CacheBackend.class)).nativeClient();
			assertThat(engine.execute("ZCARD", "shop:zset:board")).isEqualTo(new Reply.IntegerReply(2));
			ScoredSet<Player> typed = sortedSets.set("players", Player.class);
			typed.add(new Player("ana"), 3);
			assertThat(typed.top(1)).containsExactly(new ScoredMember<>(new Player("ana"), 3));
		});
	}

	@Test
	void onCaffeineSortedSetsWork() {
		this.runner.withPropertyValues("larder.backend=caffeine").run((context) -> {
			ScoredSet<String> board = context.getBean(SortedSets.class).set("board");
			board.add("ana", 1);
			assertThat(board.rank("ana")).hasValue(0);
		});
	}

	/** A typed sorted-set member, in a package the value serializer is told to allow. */
	public record Player(String name) {
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

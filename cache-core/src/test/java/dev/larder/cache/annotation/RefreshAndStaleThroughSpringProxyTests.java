package dev.larder.cache.annotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.conformance.Eventually;
import dev.larder.cache.embedded.EmbeddedBackend;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.serialization.JsonValueSerializer;
import dev.larder.cache.serialization.TypeAllowList;
import dev.larder.cache.structure.conformance.TestClock;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Refresh-ahead and stale-if-error behind {@code @Cacheable(sync = true)} through a real
 * Spring proxy, on the embedded engine, for plain, {@code CompletableFuture},
 * {@code Mono} and {@code Flux} methods: Spring hands the cache the method as its loader
 * ({@code get(key, Callable)} or {@code retrieve(key, Supplier)}), which is what lets the
 * cache reload in the background or fall back to the expired value.
 */
class RefreshAndStaleThroughSpringProxyTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private AnnotationConfigApplicationContext context;

	private Source source;

	private TestClock clock;

	private LarderCacheManager manager;

	@BeforeEach
	void start() {
		this.context = new AnnotationConfigApplicationContext(Config.class);
		this.source = this.context.getBean(Source.class);
		this.clock = this.context.getBean(TestClock.class);
		this.manager = this.context.getBean(LarderCacheManager.class);
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@ParameterizedTest
	@EnumSource(Shape.class)
	void staleIfErrorAnswersTheExpiredValueWhileTheMethodFails(Shape shape) {
		assertThat(shape.call(this.source, "stale")).isEqualTo("v1");
		this.clock.advance(Duration.ofMinutes(11));
		this.source.fail(true);
		assertThat(shape.call(this.source, "stale")).isEqualTo("v1");
		assertThat(cache(shape, "stale").getStatistics().staleCount()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(10));
		assertThatException().isThrownBy(() -> shape.call(this.source, "stale"))
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.isInstanceOf(IllegalStateException.class));
		this.source.fail(false);
		assertThat(shape.call(this.source, "stale")).isEqualTo("v" + this.source.calls());
	}

	@ParameterizedTest
	@EnumSource(Shape.class)
	void refreshAheadRunsTheMethodInTheBackground(Shape shape) {
		assertThat(shape.call(this.source, "refresh")).isEqualTo("v1");
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(shape.call(this.source, "refresh")).as("answered at once with the current value").isEqualTo("v1");
		Eventually.await(WAIT, "the method ran again in the background",
				() -> "v2".equals(shape.call(this.source, "refresh")));
		assertThat(this.source.calls()).isEqualTo(2);
		assertThat(cache(shape, "refresh").getStatistics().refreshSuccessCount()).isEqualTo(1);
	}

	private LarderCache cache(Shape shape, String name) {
		return this.manager.getCache(shape.cacheName(name));
	}

	/** The shapes of cached methods, each called and resolved to its value. */
	enum Shape {

		PLAIN {
			@Override
			Object call(Source source, String cache) {
				return cache.equals("stale") ? source.plainStale() : source.plainRefresh();
			}
		},

		FUTURE {
			@Override
			Object call(Source source, String cache) {
				return (cache.equals("stale") ? source.futureStale() : source.futureRefresh()).join();
			}
		},

		MONO {
			@Override
			Object call(Source source, String cache) {
				return (cache.equals("stale") ? source.monoStale() : source.monoRefresh()).block(WAIT);
			}
		},

		FLUX {
			@Override
			Object call(Source source, String cache) {
				List<String> values = (cache.equals("stale") ? source.fluxStale() : source.fluxRefresh()).collectList()
					.block(WAIT);
				return values.get(0);
			}
		};

		abstract Object call(Source source, String cache);

		String cacheName(String name) {
			return name + "-" + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Config {

		@Bean
		TestClock clock() {
			return new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
		}

		@Bean(destroyMethod = "close")
		Engine engine() {
			return Engine.start(EngineConfig.defaults());
		}

		@Bean
		LarderCacheManager cacheManager(Engine engine, TestClock clock) {
			CacheSettings stale = CacheSettings.defaults()
				.withTtl(Duration.ofMinutes(10))
				.withStaleIfError(Duration.ofMinutes(10));
			CacheSettings refresh = CacheSettings.defaults()
				.withTtl(Duration.ofMinutes(10))
				.withRefreshAhead(RefreshAhead.fraction(0.5));
			LarderCacheManager.Builder builder = LarderCacheManager.builder(new EmbeddedBackend(engine, false))
				.serializer(new JsonValueSerializer(TypeAllowList.of(List.of("dev.larder.cache"))))
				.clock(clock);
			for (Shape shape : Shape.values()) {
				builder.cache(shape.cacheName("stale"), stale).cache(shape.cacheName("refresh"), refresh);
			}
			return builder.build();
		}

		@Bean
		Source source() {
			return new Source();
		}

	}

	/**
	 * A source of truth whose answers change with every call, and that can fail. Read and
	 * set through methods: the bean is a proxy, whose own fields are not the target's.
	 */
	static class Source {

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicBoolean failing = new AtomicBoolean();

		public int calls() {
			return this.calls.get();
		}

		public void fail(boolean failing) {
			this.failing.set(failing);
		}

		private String next() {
			if (this.failing.get()) {
				throw new IllegalStateException("source down");
			}
			return "v" + this.calls.incrementAndGet();
		}

		private <T> CompletableFuture<T> async(Supplier<T> value) {
			return CompletableFuture.supplyAsync(value);
		}

		@Cacheable(cacheNames = "stale-plain", sync = true)
		public String plainStale() {
			return next();
		}

		@Cacheable(cacheNames = "refresh-plain", sync = true)
		public String plainRefresh() {
			return next();
		}

		@Cacheable(cacheNames = "stale-future", sync = true)
		public CompletableFuture<String> futureStale() {
			return async(this::next);
		}

		@Cacheable(cacheNames = "refresh-future", sync = true)
		public CompletableFuture<String> futureRefresh() {
			return async(this::next);
		}

		@Cacheable(cacheNames = "stale-mono", sync = true)
		public Mono<String> monoStale() {
			return Mono.fromSupplier(this::next);
		}

		@Cacheable(cacheNames = "refresh-mono", sync = true)
		public Mono<String> monoRefresh() {
			return Mono.fromSupplier(this::next);
		}

		@Cacheable(cacheNames = "stale-flux", sync = true)
		public Flux<String> fluxStale() {
			return Mono.fromSupplier(this::next).flux();
		}

		@Cacheable(cacheNames = "refresh-flux", sync = true)
		public Flux<String> fluxRefresh() {
			return Mono.fromSupplier(this::next).flux();
		}

	}

}

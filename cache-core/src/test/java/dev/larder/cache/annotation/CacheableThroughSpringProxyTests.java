package dev.larder.cache.annotation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.caffeine.CaffeineBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Cacheable} through a real Spring proxy, on plain, {@code sync},
 * {@code CompletableFuture}, {@code Mono} and {@code Flux} methods: the method runs once
 * per key.
 */
class CacheableThroughSpringProxyTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private AnnotationConfigApplicationContext context;

	private Service service;

	@BeforeEach
	void start() {
		this.context = new AnnotationConfigApplicationContext(Config.class);
		this.service = this.context.getBean(Service.class);
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void plainMethod() {
		assertThat(this.service.plain(1)).isEqualTo("plain-1");
		assertThat(this.service.plain(1)).isEqualTo("plain-1");
		assertThat(this.service.plain(2)).isEqualTo("plain-2");
		assertThat(this.service.calls()).isEqualTo(2);
	}

	@Test
	void syncMethod() {
		assertThat(this.service.sync(1)).isEqualTo("sync-1");
		assertThat(this.service.sync(1)).isEqualTo("sync-1");
		assertThat(this.service.calls()).isEqualTo(1);
	}

	@Test
	void nullResultIsCached() {
		assertThat(this.service.nothing(1)).isNull();
		assertThat(this.service.nothing(1)).isNull();
		assertThat(this.service.calls()).isEqualTo(1);
	}

	@Test
	void completableFutureMethod() {
		assertThat(this.service.future(1)).succeedsWithin(WAIT).isEqualTo("future-1");
		assertThat(this.service.future(1)).succeedsWithin(WAIT).isEqualTo("future-1");
		assertThat(this.service.calls()).isEqualTo(1);
	}

	@Test
	void completableFutureSyncMethod() {
		assertThat(this.service.futureSync(1)).succeedsWithin(WAIT).isEqualTo("future-sync-1");
		assertThat(this.service.futureSync(1)).succeedsWithin(WAIT).isEqualTo("future-sync-1");
		assertThat(this.service.calls()).isEqualTo(1);
	}

	@Test
	void monoMethod() {
		assertThat(this.service.mono(1).block(WAIT)).isEqualTo("mono-1");
		assertThat(this.service.mono(1).block(WAIT)).isEqualTo("mono-1");
		assertThat(this.service.calls()).isEqualTo(1);
	}

	@Test
	void fluxMethod() {
		assertThat(this.service.flux(1).collectList().block(WAIT)).containsExactly("a-1", "b-1");
		assertThat(this.service.flux(1).collectList().block(WAIT)).containsExactly("a-1", "b-1");
		assertThat(this.service.calls()).isEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Config {

		@Bean
		CacheManager cacheManager() {
			return LarderCacheManager.builder(new CaffeineBackend()).build();
		}

		@Bean
		Service service() {
			return new Service();
		}

	}

	static class Service {

		private final AtomicInteger calls = new AtomicInteger();

		/**
		 * A method, not the field: the bean is a proxy, whose own fields are not the
		 * target's.
		 */
		public int calls() {
			return this.calls.get();
		}

		@Cacheable("plain")
		public String plain(int id) {
			this.calls.incrementAndGet();
			return "plain-" + id;
		}

		@Cacheable(cacheNames = "sync", sync = true)
		public String sync(int id) {
			this.calls.incrementAndGet();
			return "sync-" + id;
		}

		@Cacheable("nothing")
		public String nothing(int id) {
			this.calls.incrementAndGet();
			return null;
		}

		@Cacheable("future")
		public CompletableFuture<String> future(int id) {
			this.calls.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> "future-" + id);
		}

		@Cacheable(cacheNames = "future-sync", sync = true)
		public CompletableFuture<String> futureSync(int id) {
			this.calls.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> "future-sync-" + id);
		}

		@Cacheable("mono")
		public Mono<String> mono(int id) {
			this.calls.incrementAndGet();
			return Mono.fromSupplier(() -> "mono-" + id);
		}

		@Cacheable("flux")
		public Flux<String> flux(int id) {
			this.calls.incrementAndGet();
			return Flux.fromIterable(List.of("a-" + id, "b-" + id));
		}

	}

}

package dev.larder.benchmarks;

import java.util.function.Supplier;

import org.springframework.aop.support.AopUtils;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plain Spring application context with {@code @EnableCaching}, one cache manager and
 * the {@link ProductService}, so calls go through the same cache interceptor and proxy as
 * in an application.
 */
final class BenchmarkContext implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private final ProductService service;

	BenchmarkContext(CacheImplementation implementation) {
		this(() -> implementation.cacheManager(CacheImplementation.CAFFEINE_SPEC));
	}

	BenchmarkContext(Supplier<CacheManager> cacheManager) {
		this.context = new AnnotationConfigApplicationContext();
		this.context.registerBean(CacheManager.class, cacheManager);
		this.context.register(CachingConfiguration.class);
		this.context.refresh();
		this.service = this.context.getBean(ProductService.class);
		if (!AopUtils.isAopProxy(this.service)) {
			throw new IllegalStateException("ProductService is not proxied; @EnableCaching did not apply");
		}
	}

	ProductService service() {
		return this.service;
	}

	CacheManager cacheManager() {
		return this.context.getBean(CacheManager.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

		@Bean
		ProductService productService() {
			return new ProductService();
		}

	}

}

package dev.larder.autoconfigure.metrics;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCache;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.metrics.LarderCacheMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.context.annotation.Bean;

/**
 * Publishes Larder caches as Spring Boot's standard cache meters. Boot's own registrar binds
 * the caches that exist at startup through the {@link CacheMeterBinderProvider}; caches created
 * later, which Boot misses, are bound as they are created.
 */
@AutoConfiguration(after = LarderCacheAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" },
		beforeName = "org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, CacheMeterBinderProvider.class, LarderCacheMeterBinder.class })
@ConditionalOnBean(LarderCacheManager.class)
public final class LarderCacheMetricsAutoConfiguration {

	@Bean
	CacheMeterBinderProvider<LarderCache> larderCacheMeterBinderProvider() {
		return LarderCacheMeterBinder::new;
	}

	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	RuntimeCacheMetricsBinder larderRuntimeCacheMetricsBinder(ObjectProvider<LarderCacheManager> managers,
			ObjectProvider<CacheMetricsRegistrar> registrar, MeterRegistry registry) {
		return new RuntimeCacheMetricsBinder(managers, registrar, registry);
	}

}

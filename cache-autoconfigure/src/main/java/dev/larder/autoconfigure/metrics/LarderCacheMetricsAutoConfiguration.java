package dev.larder.autoconfigure.metrics;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.metrics.LarderCacheMeterBinder;
import dev.larder.engine.Engine;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes every Larder cache as Spring Boot's standard cache meters, including caches
 * created after startup, which Boot's own registrar (it binds once, at startup) would
 * miss. Larder binds its caches itself and offers Boot no binder for them, so each cache
 * has exactly one set of meters.
 */
@AutoConfiguration(after = LarderCacheAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, LarderCacheMeterBinder.class })
@ConditionalOnBean({ LarderCacheManager.class, MeterRegistry.class })
public final class LarderCacheMetricsAutoConfiguration {

	@Bean
	static LarderCacheMetricsBinder larderCacheMetricsBinder(ObjectProvider<MeterRegistry> registry) {
		return new LarderCacheMetricsBinder(registry);
	}

	/** The embedded engine's figures, wherever an engine bean runs. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Engine.class)
	static class EngineMetricsConfiguration {

		@Bean
		@ConditionalOnBean(Engine.class)
		EngineMeterBinder larderEngineMeterBinder(Engine engine) {
			return new EngineMeterBinder(engine);
		}

	}

}

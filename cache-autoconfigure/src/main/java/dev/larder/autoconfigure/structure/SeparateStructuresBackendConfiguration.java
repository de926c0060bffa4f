package dev.larder.autoconfigure.structure;

import java.util.Objects;

import dev.larder.autoconfigure.Backend;
import dev.larder.autoconfigure.ConditionalOnSeparateStructuresBackend;
import dev.larder.autoconfigure.LarderProperties;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A backend for the structures alone, when {@code larder.structures.backend} differs from
 * {@code larder.backend}: e.g. caching in Memcached while sorted sets, locks and rate
 * limiters live in an embedded engine or in Redis. It starts and stops with the
 * application, and has a health component of its own, {@code larderStructures}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSeparateStructuresBackend
class SeparateStructuresBackendConfiguration {

	@Bean(destroyMethod = "close")
	SeparateStructuresBackend larderStructuresBackend(LarderProperties properties, ConfigurableEnvironment environment,
			ConfigurableListableBeanFactory beanFactory) {
		// The condition matched, so the property is set.
		Backend backend = Objects.requireNonNull(properties.getStructures().getBackend());
		return SeparateStructuresBackend.start(backend, environment, beanFactory);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("larder")
	static class HealthConfiguration {

		@Bean
		HealthIndicator larderStructuresHealthIndicator(SeparateStructuresBackend structuresBackend) {
			return new SeparateStructuresBackendHealthIndicator(structuresBackend);
		}

	}

}

package dev.larder.autoconfigure;

import dev.larder.cache.observation.ObservationCacheObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With an {@link ObservationRegistry} (Actuator provides one), each cache load is a
 * {@code larder.cache} observation, and each get too with
 * {@code larder.observations.cache-gets=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnProperty(name = "larder.observations.enabled", matchIfMissing = true)
class CacheObservationConfiguration {

	/**
	 * The registry is looked up when the cache manager is built, not when conditions are
	 * evaluated: Boot's observation auto-configuration may come after Larder's.
	 */
	@Bean
	LarderCacheManagerCustomizer larderCacheObservations(ObjectProvider<ObservationRegistry> registry,
			LarderProperties properties) {
		return (builder) -> registry.ifAvailable((available) -> builder.observer(new ObservationCacheObserver(available,
				builder.backend().type(), properties.getObservations().isCacheGets())));
	}

}

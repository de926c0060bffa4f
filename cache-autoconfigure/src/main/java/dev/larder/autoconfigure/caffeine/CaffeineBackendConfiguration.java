package dev.larder.autoconfigure.caffeine;

import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.larder.autoconfigure.Backend;
import dev.larder.autoconfigure.ConditionalOnLarderBackend;
import dev.larder.autoconfigure.LarderProperties;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.caffeine.CaffeineBackend;
import dev.larder.cache.structure.StructureSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Caffeine backend, when {@code larder.backend=caffeine} and Caffeine is on the
 * classpath.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Caffeine.class)
@ConditionalOnLarderBackend(Backend.CAFFEINE)
public class CaffeineBackendConfiguration {

	@Bean
	@ConditionalOnMissingBean(CacheBackend.class)
	CaffeineBackend larderCaffeineBackend(LarderProperties properties,
			ObjectProvider<StructureSettings> structureSettings, ObjectProvider<LarderCaffeineCustomizer> customizers) {
		LarderProperties.Caffeine caffeine = properties.getCaffeine();
		List<LarderCaffeineCustomizer> ordered = customizers.orderedStream().toList();
		return new CaffeineBackend(caffeine.getSpec(), caffeine.isStoreByValue(),
				structureSettings.getIfAvailable(StructureSettings::defaults),
				(cacheName, builder) -> ordered.forEach((customizer) -> customizer.customize(cacheName, builder)));
	}

}

package dev.larder.autoconfigure;

import java.util.Map;

import dev.larder.cache.CacheSettings;
import dev.larder.cache.LarderCacheManager;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.refresh.RefreshAhead;
import dev.larder.cache.serialization.ValueSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures a {@link LarderCacheManager} for applications that enable caching with
 * {@code @EnableCaching}, unless they define their own {@link CacheManager} or choose one
 * of Boot's caches with {@code spring.cache.type}. The backend is picked by
 * {@code larder.backend}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnBean(CacheAspectSupport.class)
@ConditionalOnMissingBean(value = CacheManager.class, name = "cacheResolver")
@Conditional(OnSpringCacheTypeUnsetCondition.class)
@EnableConfigurationProperties(LarderProperties.class)
@Import({ BackendConfigurationImportSelector.class, CacheObservationConfiguration.class })
public final class LarderCacheAutoConfiguration {

	@Bean(destroyMethod = "close")
	LarderCacheManager cacheManager(LarderProperties properties, ObjectProvider<CacheBackend> backend,
			ValueSerializer serializer, ObjectProvider<LarderCacheManagerCustomizer> customizers,
			ResourceLoader resourceLoader) {
		CacheSettings defaults = CacheSettings.defaults()
			.withTtl(properties.getDefaultTtl())
			.withTtlJitter(properties.getDefaultTtlJitter())
			.withAllowNullValues(properties.isNullValues())
			.withRefreshAhead(RefreshAhead.parse(properties.getDefaultRefreshAhead()))
			.withStaleIfError(properties.getDefaultStaleIfError());
		CacheBackend cacheBackend = requireBackend(properties, backend, resourceLoader.getClassLoader());
		LarderCacheManager.Builder builder = LarderCacheManager.builder(cacheBackend)
			.defaultSettings(defaults)
			.serializer(serializer)
			.keyPrefix(properties.getKeyPrefix())
			.failOpen(properties.isFailOpen())
			.recordStatistics(properties.isStatistics());
		for (Map.Entry<String, LarderProperties.CacheSpec> entry : properties.getCaches().entrySet()) {
			builder.cache(entry.getKey(), settings(defaults, entry.getValue()));
		}
		new NearCacheSettingsResolver(cacheBackend).apply(properties, builder);
		if (!properties.getCacheNames().isEmpty()) {
			builder.fixedCacheNames(properties.getCacheNames());
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static CacheSettings settings(CacheSettings defaults, LarderProperties.CacheSpec spec) {
		CacheSettings settings = defaults;
		if (spec.getTtl() != null) {
			settings = settings.withTtl(spec.getTtl());
		}
		if (spec.getTtlJitter() != null) {
			settings = settings.withTtlJitter(spec.getTtlJitter());
		}
		if (spec.getNullValues() != null) {
			settings = settings.withAllowNullValues(spec.getNullValues());
		}
		if (spec.getMaxSize() != null) {
			settings = settings.withMaxSize(spec.getMaxSize());
		}
		if (spec.getRefreshAhead() != null) {
			settings = settings.withRefreshAhead(RefreshAhead.parse(spec.getRefreshAhead()));
		}
		if (spec.getStaleIfError() != null) {
			settings = settings.withStaleIfError(spec.getStaleIfError());
		}
		return settings;
	}

	private static CacheBackend requireBackend(LarderProperties properties, ObjectProvider<CacheBackend> backends,
			@Nullable ClassLoader classLoader) {
		CacheBackend backend = backends.getIfAvailable();
		if (backend != null) {
			return backend;
		}
		Backend selected = properties.getBackend();
		if (!ClassUtils.isPresent(selected.clientClass(), classLoader)) {
			throw new BackendUnavailableException(selected, "its client library is not on the classpath",
					"Add " + selected.clientArtifact() + " (larder-spring-boot-starter brings it), or choose "
							+ "another larder.backend.");
		}
		throw new BackendUnavailableException(selected,
				"no configuration provided a " + selected.propertyValue()
						+ " backend (was its auto-configuration excluded?)",
				"Define a CacheBackend bean, or choose another larder.backend.");
	}

}

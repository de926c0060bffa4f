package dev.larder.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.larder.autoconfigure.caffeine.CaffeineBackendConfiguration;
import dev.larder.autoconfigure.embedded.EmbeddedBackendConfiguration;
import dev.larder.autoconfigure.memcached.MemcachedBackendConfiguration;
import dev.larder.autoconfigure.redis.RedisBackendConfiguration;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The backend registry: the one place that maps each {@link Backend} to its configuration
 * class, imported by every auto-configuration that needs a backend (the cache and the
 * structures), as Spring Boot's {@code CacheConfigurationImportSelector} imports one
 * configuration per {@code CacheType}.
 *
 * <p>
 * Every backend's configuration is imported; its own conditions ({@code larder.backend},
 * its client library on the classpath) decide which one contributes, so the conditions
 * report says why each of the others did not. The configurations the backends share
 * (value serializer, structure settings) come with them. Each configuration names its
 * backend in {@link ConditionalOnLarderBackend @ConditionalOnLarderBackend}, and a test
 * checks that it names the one mapped here.
 */
public final class BackendConfigurationImportSelector implements ImportSelector {

	@Override
	public String[] selectImports(AnnotationMetadata importingClassMetadata) {
		List<String> imports = new ArrayList<>();
		for (Backend backend : Backend.values()) {
			imports.add(configurationClass(backend));
		}
		imports.add(ValueSerializerConfiguration.class.getName());
		imports.add(StructureSettingsConfiguration.class.getName());
		return imports.toArray(String[]::new);
	}

	/**
	 * The configuration that builds the backend. A switch, not a map, so that a new
	 * {@link Backend} without a configuration does not compile.
	 */
	static String configurationClass(Backend backend) {
		return switch (backend) {
			case EMBEDDED -> EmbeddedBackendConfiguration.class.getName();
			case REDIS -> RedisBackendConfiguration.class.getName();
			case MEMCACHED -> MemcachedBackendConfiguration.class.getName();
			case CAFFEINE -> CaffeineBackendConfiguration.class.getName();
		};
	}

}

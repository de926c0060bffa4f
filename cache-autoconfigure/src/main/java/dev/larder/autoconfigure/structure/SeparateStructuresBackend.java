package dev.larder.autoconfigure.structure;

import java.util.Map;

import dev.larder.autoconfigure.Backend;
import dev.larder.autoconfigure.BackendConfigurationImportSelector;
import dev.larder.autoconfigure.LarderProperties;
import dev.larder.cache.backend.BackendHealth;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.serialization.ValueSerializer;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The backend that carries the structures when {@code larder.structures.backend} names
 * one other than the cache's: an embedded engine started for them, a Redis connection,
 * and so on. It is built in an application context of its own, from the application's
 * {@code larder.*} properties with {@code larder.backend} set to the structures' backend,
 * by the very configuration that would build it for caching ({@code larder.embedded.*},
 * {@code larder.redis.*}, the client customizers): one definition of each backend, and
 * the application context keeps a single {@link CacheBackend}, the cache's, which is what
 * every {@code ObjectProvider<CacheBackend>} and {@code @ConditionalOnMissingBean} in
 * Larder means. Closing this closes the backend and its context.
 */
public final class SeparateStructuresBackend implements AutoCloseable {

	private static final String OVERRIDE_SOURCE = "larderStructuresBackend";

	private final AnnotationConfigApplicationContext context;

	private final CacheBackend backend;

	private SeparateStructuresBackend(AnnotationConfigApplicationContext context, CacheBackend backend) {
		this.context = context;
		this.backend = backend;
	}

	/**
	 * Builds the backend; a backend that cannot be built (a bad {@code larder.redis.url},
	 * its client library missing) fails here, so at the application's startup.
	 */
	static SeparateStructuresBackend start(Backend backend, ConfigurableEnvironment environment,
			ConfigurableListableBeanFactory application) {
		// The application's class loader, so that a backend whose client is missing
		// there is missing here too.
		ClassLoader classLoader = application.getBeanClassLoader();
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.setEnvironment(environmentFor(backend, environment));
		context.setClassLoader(classLoader);
		share(application, context.getBeanFactory(), StructureSettings.class);
		share(application, context.getBeanFactory(), ValueSerializer.class);
		share(application, context.getBeanFactory(), SslBundles.class);
		String customizer = customizerType(backend);
		if (customizer != null && ClassUtils.isPresent(customizer, classLoader)) {
			share(application, context.getBeanFactory(), ClassUtils.resolveClassName(customizer, classLoader));
		}
		context.register(BackendOnly.class);
		try {
			context.refresh();
			CacheBackend built = context.getBeanProvider(CacheBackend.class).getIfAvailable();
			if (built == null) {
				throw new IllegalStateException("larder.structures.backend=" + backend.propertyValue()
						+ " could not be built: add " + backend.clientArtifact()
						+ " to the classpath, or choose another larder.structures.backend");
			}
			return new SeparateStructuresBackend(context, built);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	/**
	 * The application's property sources, in their order, under one that sets
	 * {@code larder.backend}; Boot's attachment of them is made anew, since the
	 * application's own wraps only its own list.
	 */
	private static ConfigurableEnvironment environmentFor(Backend backend, ConfigurableEnvironment application) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.forEach((source) -> sources.remove(source.getName()));
		for (PropertySource<?> source : application.getPropertySources()) {
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				sources.addLast(source);
			}
		}
		sources.addFirst(new MapPropertySource(OVERRIDE_SOURCE, Map.of("larder.backend", backend.propertyValue())));
		ConfigurationPropertySources.attach(environment);
		environment.setActiveProfiles(application.getActiveProfiles());
		return environment;
	}

	private static void share(ConfigurableListableBeanFactory from, ConfigurableListableBeanFactory to, Class<?> type) {
		from.getBeansOfType(type).forEach(to::registerSingleton);
	}

	private static @Nullable String customizerType(Backend backend) {
		return switch (backend) {
			case EMBEDDED -> null;
			case REDIS -> "dev.larder.autoconfigure.redis.LarderLettuceCustomizer";
			case MEMCACHED -> "dev.larder.autoconfigure.memcached.LarderMemcachedClientCustomizer";
			case CAFFEINE -> "dev.larder.autoconfigure.caffeine.LarderCaffeineCustomizer";
		};
	}

	/** The kind of backend, as in {@code larder.structures.backend}. */
	public String type() {
		return this.backend.type();
	}

	/**
	 * The backend itself, for its {@link CacheBackend#nativeClient() native client} (e.g.
	 * the engine, to look at structure keys); its caches are not Larder's.
	 */
	public CacheBackend backend() {
		return this.backend;
	}

	Structures structures() {
		return this.backend.structures();
	}

	BackendHealth health() {
		return this.backend.health();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** What the context holds: the backend, its properties, nothing else. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LarderProperties.class)
	@Import(BackendConfigurationImportSelector.class)
	static class BackendOnly {

	}

}

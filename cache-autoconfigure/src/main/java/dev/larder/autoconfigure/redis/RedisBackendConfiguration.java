package dev.larder.autoconfigure.redis;

import dev.larder.autoconfigure.Backend;
import dev.larder.autoconfigure.ConditionalOnLarderBackend;
import dev.larder.autoconfigure.LarderProperties;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.redis.RedisBackend;
import dev.larder.cache.redis.RedisConnector;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.support.CircuitBreaker;
import io.lettuce.core.RedisClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Redis backend, when {@code larder.backend=redis} and Lettuce is on the classpath.
 *
 * <p>
 * Where it connects: a Spring Boot {@link DataRedisConnectionDetails} bean if there is
 * one (other than Boot's own view of {@code spring.data.redis.*}), else
 * {@code larder.redis.*} layered over {@code spring.data.redis.*}.
 *
 * <p>
 * When the cache fails open (the default) the connection opens on first use, so the
 * application starts while Redis is down. With {@code larder.fail-open=false} it connects
 * at startup and a Redis that cannot be reached stops the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RedisClient.class)
@ConditionalOnLarderBackend(Backend.REDIS)
@EnableConfigurationProperties // binds larder.redis.* onto the bean below
public class RedisBackendConfiguration {

	/**
	 * The settings in force. The bean starts out holding {@code spring.data.redis.*} and
	 * Boot binds {@code larder.redis.*} (the class's {@code @ConfigurationProperties})
	 * over it, so a Larder property wins and an unset one keeps Spring Data Redis's
	 * value: the layering Boot itself uses for {@code spring.datasource.hikari.*} over
	 * {@code spring.datasource.*}.
	 */
	@Bean
	RedisBackendProperties larderRedisProperties(Environment environment) {
		return RedisPropertyLayers.springDataRedis(environment);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(CacheBackend.class)
	RedisBackend larderRedisBackend(RedisBackendProperties properties, Environment environment, LarderProperties larder,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<StructureSettings> structureSettings,
			ObjectProvider<LarderLettuceCustomizer> customizers, ObjectProvider<RedisEndpointSource> endpoints) {
		RedisBackendProperties.CircuitBreaker breaker = properties.getCircuitBreaker();
		if (breaker.getFailureThreshold() < 1) {
			throw new InvalidRedisConfigurationException(
					"larder.redis.circuit-breaker.failure-threshold must be at least 1, got "
							+ breaker.getFailureThreshold());
		}
		if (properties.getFailFastTimeout().isNegative() || properties.getFailFastTimeout().isZero()) {
			throw new InvalidRedisConfigurationException(
					"larder.redis.fail-fast-timeout must be positive, got " + properties.getFailFastTimeout());
		}
		RedisEndpointSource endpointSource = endpoints.getIfAvailable();
		RedisEndpoint endpoint = (endpointSource != null) ? endpointSource.endpoint() : null;
		RedisConnector connector = new LettuceConnectorFactory(properties, new RedisPropertyLayers(environment),
				sslBundles.getIfAvailable(), customizers.orderedStream().toList(), endpoint)
			.create();
		RedisBackend backend = new RedisBackend(connector,
				new CircuitBreaker(breaker.getFailureThreshold(), breaker.getOpenFor()),
				structureSettings.getIfAvailable(StructureSettings::defaults), properties.getFailFastTimeout());
		if (!larder.isFailOpen()) {
			connectOrFail(backend, connector, endpoint);
		}
		return backend;
	}

	private static void connectOrFail(RedisBackend backend, RedisConnector connector,
			@Nullable RedisEndpoint endpoint) {
		try {
			backend.connect();
		}
		catch (RuntimeException ex) {
			backend.close();
			String check = (endpoint != null) ? "the DataRedisConnectionDetails bean (" + endpoint.source() + ")"
					: "larder.redis.* (or spring.data.redis.*)";
			throw new IllegalStateException("Could not connect to Redis (" + connector.topology() + " "
					+ connector.describe() + ") at startup, and larder.fail-open=false requires it. Check " + check
					+ ", or let the cache fail open.", ex);
		}
	}

	/**
	 * Spring Boot's Redis connection details, when its Redis module is on the classpath:
	 * a {@link DataRedisConnectionDetails} bean from {@code @ServiceConnection}, Docker
	 * Compose support or the application decides where the backend connects, before
	 * {@code larder.redis.*} and {@code spring.data.redis.*}. A nested class, so that its
	 * method signatures are read only when the type exists.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataRedisConnectionDetails.class)
	static class ConnectionDetailsConfiguration {

		@Bean
		RedisEndpointSource larderRedisEndpointSource(ObjectProvider<DataRedisConnectionDetails> details) {
			return () -> {
				DataRedisConnectionDetails connectionDetails = details.getIfAvailable();
				return (connectionDetails != null) ? ConnectionDetailsEndpoints.from(connectionDetails) : null;
			};
		}

	}

	/** Where the backend connects when something other than properties says so. */
	@FunctionalInterface
	interface RedisEndpointSource {

		/** The endpoint, or null to use the properties. */
		@Nullable RedisEndpoint endpoint();

	}

}

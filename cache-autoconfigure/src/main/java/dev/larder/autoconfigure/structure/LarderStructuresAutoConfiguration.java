package dev.larder.autoconfigure.structure;

import dev.larder.autoconfigure.BackendConfigurationImportSelector;
import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.autoconfigure.LarderProperties;
import dev.larder.autoconfigure.StructureSettingsConfiguration;
import dev.larder.autoconfigure.ValueSerializerConfiguration;
import dev.larder.cache.backend.CacheBackend;
import dev.larder.cache.structure.annotation.RateLimited;
import dev.larder.cache.structure.annotation.StructureAnnotationAdvisor;
import dev.larder.cache.structure.annotation.WithLock;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.SortedSets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;

/**
 * The escape hatches as beans, {@link SortedSets}, {@link Locks} and
 * {@link RateLimiters}, and the {@link RateLimited @RateLimited} and
 * {@link WithLock @WithLock} annotations. They live in the backend
 * {@code larder.structures.backend} selects, by default the cache's
 * ({@code larder.backend}); a different one is created for them alone (see
 * {@link SeparateStructuresBackendConfiguration}). They need no {@code @EnableCaching}:
 * the backend is created for them if caching did not create it.
 *
 * <p>
 * The beans exist on every backend and ask it for the structure when a handle is made: on
 * Memcached, a handle from {@code sortedSets.set(name)} throws
 * {@link dev.larder.cache.structure.UnsupportedStructureException} naming
 * {@code larder.structures.backend} from each operation. So an application that reads a
 * leaderboard only behind a feature switch still starts on Memcached.
 */
@AutoConfiguration(after = LarderCacheAutoConfiguration.class)
@EnableConfigurationProperties(LarderProperties.class)
@Import({ ValueSerializerConfiguration.class, StructureSettingsConfiguration.class,
		LarderStructuresAutoConfiguration.CacheBackendForStructures.class, SeparateStructuresBackendConfiguration.class,
		StructureAnnotationProxyRegistrar.class, RateLimitExceededHandlerConfiguration.class })
public final class LarderStructuresAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SortedSets larderSortedSets(ObjectProvider<SeparateStructuresBackend> separate,
			ObjectProvider<CacheBackend> backend) {
		return new BackendStructures.BackendSortedSets(new StructuresSource(separate, backend));
	}

	@Bean
	@ConditionalOnMissingBean
	Locks larderLocks(ObjectProvider<SeparateStructuresBackend> separate, ObjectProvider<CacheBackend> backend,
			ObjectProvider<StructureMeters> meters, ObjectProvider<StructureObservations> observations) {
		return new BackendStructures.BackendLocks(new StructuresSource(separate, backend),
				meters.getIfAvailable(() -> StructureMeters.NONE),
				observations.getIfAvailable(() -> StructureObservations.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimiters larderRateLimiters(ObjectProvider<SeparateStructuresBackend> separate,
			ObjectProvider<CacheBackend> backend, ObjectProvider<StructureMeters> meters,
			ObjectProvider<StructureObservations> observations) {
		return new BackendStructures.BackendRateLimiters(new StructuresSource(separate, backend),
				meters.getIfAvailable(() -> StructureMeters.NONE),
				observations.getIfAvailable(() -> StructureObservations.NONE));
	}

	/**
	 * The cache's backend, created here too when it carries the structures, so that they
	 * need no {@code @EnableCaching}; not when they have a backend of their own, which
	 * would leave, say, an embedded engine running for nothing.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(StructuresShareTheCacheBackend.class)
	@Import(BackendConfigurationImportSelector.class)
	static class CacheBackendForStructures {

	}

	/**
	 * With Micrometer on the classpath, rate-limit decisions and lock attempts are
	 * counted in the application's meter registry.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class StructureMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StructureMeters larderStructureMeters(ObjectProvider<MeterRegistry> registry) {
			return new MicrometerStructureMeters(registry);
		}

	}

	/**
	 * With Micrometer's observation API and an {@code ObservationRegistry} (Actuator
	 * provides one), each lock wait and rate-limit decision is an observation: a span
	 * when tracing is on, a {@code larder.structure} timer otherwise.
	 * {@code larder.observations.enabled=false} turns them off.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	@ConditionalOnProperty(name = "larder.observations.enabled", matchIfMissing = true)
	static class StructureObservationsConfiguration {

		/**
		 * The registry is looked up at each call, not when conditions are evaluated:
		 * Boot's observation auto-configuration may come after Larder's.
		 */
		@Bean
		@ConditionalOnMissingBean
		StructureObservations larderStructureObservations(ObjectProvider<ObservationRegistry> registry) {
			return new MicrometerStructureObservations(registry);
		}

	}

	/**
	 * Static and lazy: advisors are created early, by the auto-proxy creator, before
	 * other beans.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(name = "larderRateLimitedAdvisor")
	static StructureAnnotationAdvisor larderRateLimitedAdvisor(ObjectProvider<RateLimiters> rateLimiters) {
		return StructureAnnotationAdvisor.rateLimited(rateLimiters::getObject);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(name = "larderWithLockAdvisor")
	static StructureAnnotationAdvisor larderWithLockAdvisor(ObjectProvider<Locks> locks) {
		return StructureAnnotationAdvisor.withLock(locks::getObject);
	}

}

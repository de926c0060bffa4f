package dev.larder.autoconfigure.health;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCacheManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code larder} health indicator ({@code /actuator/health/larder}) when Spring
 * Boot's health support is present and {@code management.health.larder.enabled} is not
 * false.
 */
@AutoConfiguration(after = LarderCacheAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(LarderCacheManager.class)
@ConditionalOnEnabledHealthIndicator("larder")
public final class LarderHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "larderHealthIndicator")
	HealthIndicator larderHealthIndicator(LarderCacheManager cacheManager) {
		return new LarderHealthIndicator(cacheManager);
	}

}

package dev.larder.autoconfigure.actuate;

import dev.larder.autoconfigure.LarderCacheAutoConfiguration;
import dev.larder.cache.LarderCacheManager;
import dev.larder.engine.Engine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code larder} endpoint, when Actuator is present, a Larder cache manager runs and
 * the endpoint is exposed ({@code management.endpoints.web.exposure.include=larder}).
 */
@AutoConfiguration(after = LarderCacheAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, LarderCacheManager.class })
@ConditionalOnBean(LarderCacheManager.class)
@ConditionalOnAvailableEndpoint(LarderEndpoint.class)
public final class LarderEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LarderEndpoint larderEndpoint(LarderCacheManager cacheManager, ObjectProvider<EngineReport> engineReport) {
		return new LarderEndpoint(cacheManager, engineReport.getIfAvailable());
	}

	/** The engine's part of the report, where the engine is on the classpath and runs. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Engine.class)
	static class EngineReportConfiguration {

		@Bean
		@ConditionalOnBean(Engine.class)
		EngineReport larderEngineReport(Engine engine) {
			return new EngineReport(engine);
		}

	}

}

package dev.larder.autoconfigure.structure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In Spring MVC applications, answers {@code @RateLimited} rejections with 429 and
 * Retry-After.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
class RateLimitExceededHandlerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateLimitExceededHandler larderRateLimitExceededHandler() {
		return new RateLimitExceededHandler();
	}

}

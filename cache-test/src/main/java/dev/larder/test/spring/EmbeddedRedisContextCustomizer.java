package dev.larder.test.spring;

import dev.larder.test.EmbeddedRedisServer;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers two beans: the {@link EmbeddedRedisServer}, started when the context
 * refreshes and stopped when it closes, and the {@link DataRedisConnectionDetails} that
 * point at it. Every instance is equal, so that test classes that differ only in where
 * the annotation sits share one cached context.
 */
final class EmbeddedRedisContextCustomizer implements ContextCustomizer {

	/** The name of the {@link EmbeddedRedisServer} bean. */
	static final String SERVER_BEAN = "larderEmbeddedRedisServer";

	static final String CONNECTION_DETAILS_BEAN = "larderEmbeddedRedisConnectionDetails";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@EmbeddedRedisConnection needs a bean factory that accepts bean "
					+ "definitions; " + beanFactory.getClass().getName() + " does not.");
		}
		RootBeanDefinition server = new RootBeanDefinition(EmbeddedRedisServer.class);
		server.setInstanceSupplier(EmbeddedRedisServer::start);
		server.setDestroyMethodName("close");
		registry.registerBeanDefinition(SERVER_BEAN, server);
		RootBeanDefinition details = new RootBeanDefinition(EmbeddedRedisConnectionDetails.class);
		details.setInstanceSupplier(
				() -> new EmbeddedRedisConnectionDetails(beanFactory.getBean(SERVER_BEAN, EmbeddedRedisServer.class)));
		details.setDependsOn(SERVER_BEAN);
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN, details);
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}

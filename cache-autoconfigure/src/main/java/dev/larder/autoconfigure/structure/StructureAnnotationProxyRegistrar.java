package dev.larder.autoconfigure.structure;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Makes sure an auto-proxy creator applies the annotation advisors, as
 * {@code @EnableCaching} does: one is registered only if none is (Boot's AOP
 * auto-configuration or {@code @EnableCaching} usually did already, and its class-proxy
 * setting is kept).
 */
class StructureAnnotationProxyRegistrar implements ImportBeanDefinitionRegistrar {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
	}

}

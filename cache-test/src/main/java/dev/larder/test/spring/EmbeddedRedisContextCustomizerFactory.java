package dev.larder.test.spring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Adds the embedded engine to the context of a test class annotated with
 * {@link EmbeddedRedisConnection} (registered in {@code META-INF/spring.factories}, so
 * every Spring test consults it; classes without the annotation are left alone).
 */
class EmbeddedRedisContextCustomizerFactory implements ContextCustomizerFactory {

	static final String CONNECTION_DETAILS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedRedisConnection.class) == null) {
			return null;
		}
		if (!ClassUtils.isPresent(CONNECTION_DETAILS, testClass.getClassLoader())) {
			throw new IllegalStateException("@EmbeddedRedisConnection on " + testClass.getName()
					+ " registers Spring Boot's DataRedisConnectionDetails, which is not on the test classpath: add "
					+ "org.springframework.boot:spring-boot-starter-data-redis (or spring-boot-data-redis).");
		}
		return new EmbeddedRedisContextCustomizer();
	}

}

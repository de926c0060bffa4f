package dev.larder.test.spring;

import java.util.Set;

import dev.larder.test.EmbeddedRedis;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The resource lock of {@link EmbeddedRedisConnection} classes under JUnit's parallel
 * execution: exclusive for classes whose tests flush the engine, shared otherwise. One
 * key for all of them, because Spring's context cache may hand the same context, and so
 * the same engine, to several classes.
 */
public final class EmbeddedRedisConnectionResourceLocks implements ResourceLocksProvider {

	/** The lock key of the engines of {@link EmbeddedRedisConnection}. */
	public static final String ENGINES = "dev.larder.test.spring.EmbeddedRedisConnection.engines";

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		EmbeddedRedisConnection settings = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EmbeddedRedisConnection.class);
		if (settings == null) {
			return Set.of();
		}
		return Set.of(new Lock(ENGINES, (settings.reset() == EmbeddedRedis.Reset.FLUSHALL)
				? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ));
	}

}

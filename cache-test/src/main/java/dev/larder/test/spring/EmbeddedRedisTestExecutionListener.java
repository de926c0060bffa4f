package dev.larder.test.spring;

import dev.larder.test.EmbeddedRedis;
import dev.larder.test.EmbeddedRedisServer;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Flushes the engine of an {@link EmbeddedRedisConnection} test before each test method,
 * unless the annotation says {@code reset = NONE}. Runs before the test's own
 * {@code @BeforeEach} methods, so data they write is kept.
 */
class EmbeddedRedisTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// after dependency injection (2000), before transactions (4000) and SQL scripts
		return 3500;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		EmbeddedRedisConnection settings = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				EmbeddedRedisConnection.class);
		if (settings == null || settings.reset() != EmbeddedRedis.Reset.FLUSHALL) {
			return;
		}
		testContext.getApplicationContext()
			.getBean(EmbeddedRedisContextCustomizer.SERVER_BEAN, EmbeddedRedisServer.class)
			.flushAll();
	}

}

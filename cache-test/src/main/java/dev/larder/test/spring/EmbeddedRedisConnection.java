package dev.larder.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.larder.test.EmbeddedRedis;
import dev.larder.test.EmbeddedRedisServer;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Points a Spring Boot test's Redis at Larder's embedded engine: the application context
 * gets an engine started on a free loopback port and a Spring Boot
 * {@code DataRedisConnectionDetails} bean for it, the contract that
 * {@code @ServiceConnection} and Docker Compose support fill. Boot's Redis
 * auto-configuration ({@code RedisTemplate}, {@code @RedisHash} repositories, Spring
 * Session, the health indicator) and Larder's {@code larder.backend=redis} then connect
 * to the engine, whatever {@code spring.data.redis.*} says. No Docker, no redis-server.
 *
 * <p>
 * For example, {@code @SpringBootTest @EmbeddedRedisConnection class OrderServiceTests}.
 *
 * <p>
 * The engine is a bean ({@link EmbeddedRedisServer}) that lives as long as the context,
 * which Spring's test context cache shares between test classes with the same
 * configuration. Needs spring-boot-data-redis (spring-boot-starter-data-redis) on the
 * test classpath.
 *
 * <p>
 * Safe under JUnit's parallel execution: classes whose tests flush hold an exclusive lock
 * on the engines of this annotation (a cached context, and its engine, may serve several
 * classes), classes that do not flush a shared one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(providers = EmbeddedRedisConnectionResourceLocks.class)
public @interface EmbeddedRedisConnection {

	/**
	 * What happens to the data before each test method: {@code FLUSHALL} (the default)
	 * starts every test with an empty engine; {@code NONE} keeps it.
	 */
	EmbeddedRedis.Reset reset() default EmbeddedRedis.Reset.FLUSHALL;

}

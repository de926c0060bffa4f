package dev.larder.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the annotated test class against Larder's embedded engine, started on a free
 * loopback port: no Docker, no redis-server binary. Test methods, constructors and
 * lifecycle methods can take:
 * <ul>
 * <li>an {@link EmbeddedRedisServer} ({@code port()}, {@code uri()},
 * {@code engine()});</li>
 * <li>the {@link dev.larder.engine.Engine}, to run commands in-process;</li>
 * <li>an {@code int} annotated {@link EmbeddedRedisPort};</li>
 * <li>a {@code String} or {@link java.net.URI} annotated {@link EmbeddedRedisUri}:
 * {@code redis://127.0.0.1:<port>}.</li>
 * </ul>
 *
 * <p>
 * Safe under JUnit's parallel execution: a test class holds a resource lock on the engine
 * it uses, exclusive when its tests flush it ({@link Reset#FLUSHALL}), shared otherwise,
 * so a flush never lands in the middle of another class's test (see
 * {@link EmbeddedRedisResourceLocks}).
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedRedisExtension.class)
@ResourceLock(providers = EmbeddedRedisResourceLocks.class)
public @interface EmbeddedRedis {

	/**
	 * How long an engine lives: one per test class (the default), or one for the whole
	 * test run, shared by every class that asks for {@link Scope#JVM}.
	 */
	Scope scope() default Scope.CLASS;

	/**
	 * What happens to the data before each test: {@link Reset#FLUSHALL} (the default)
	 * starts every test with an empty engine; {@link Reset#NONE} keeps what earlier tests
	 * wrote.
	 */
	Reset reset() default Reset.FLUSHALL;

	/** How long an engine lives. */
	enum Scope {

		/**
		 * A new engine for the test class (and its {@code @Nested} classes), stopped
		 * after it.
		 */
		CLASS,

		/**
		 * One engine for the test run, shared by every class with this scope, stopped
		 * when the run ends.
		 */
		JVM

	}

	/** What happens to the data before each test. */
	enum Reset {

		/**
		 * {@code FLUSHALL} before each test method, so every test starts empty. Data
		 * written in {@code @BeforeAll} is gone by the first test: write it in
		 * {@code @BeforeEach}, or use {@link #NONE}.
		 */
		FLUSHALL,

		/** Nothing: tests see what earlier tests left. */
		NONE

	}

}

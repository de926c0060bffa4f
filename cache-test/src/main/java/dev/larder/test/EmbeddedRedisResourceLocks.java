package dev.larder.test;

import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The resource locks that make {@link EmbeddedRedis} safe under JUnit's parallel
 * execution. A {@code FLUSHALL} wipes every test's data on the engine, so a class whose
 * tests flush holds its engine exclusively while it runs:
 * <ul>
 * <li>{@link EmbeddedRedis.Scope#JVM} with {@link EmbeddedRedis.Reset#FLUSHALL}: an
 * exclusive lock on the shared engine, so such classes run one at a time (other classes
 * still run in parallel with them);</li>
 * <li>{@link EmbeddedRedis.Scope#JVM} with {@link EmbeddedRedis.Reset#NONE}: a shared
 * lock on it, so these classes run in parallel with each other but never during a
 * flush;</li>
 * <li>{@link EmbeddedRedis.Scope#CLASS} with {@link EmbeddedRedis.Reset#FLUSHALL}: an
 * exclusive lock of the class's own, so its test methods do not run concurrently with
 * each other (other classes are unaffected: each has its own engine);</li>
 * <li>{@link EmbeddedRedis.Scope#CLASS} with {@link EmbeddedRedis.Reset#NONE}: no
 * lock.</li>
 * </ul>
 * JUnit reads these through the {@code @ResourceLock} on {@link EmbeddedRedis}; they are
 * ignored when tests run sequentially.
 */
public final class EmbeddedRedisResourceLocks implements ResourceLocksProvider {

	/**
	 * The lock key of the engine shared by every {@link EmbeddedRedis.Scope#JVM} class.
	 */
	public static final String SHARED_ENGINE = "dev.larder.test.EmbeddedRedis.shared-engine";

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		EmbeddedRedis settings = EmbeddedRedisExtension.find(testClass);
		if (settings == null) {
			return Set.of();
		}
		boolean flushes = settings.reset() == EmbeddedRedis.Reset.FLUSHALL;
		if (settings.scope() == EmbeddedRedis.Scope.JVM) {
			return Set.of(new Lock(SHARED_ENGINE, flushes ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ));
		}
		if (flushes) {
			return Set.of(new Lock("dev.larder.test.EmbeddedRedis.class-engine:" + testClass.getName(),
					ResourceAccessMode.READ_WRITE));
		}
		return Set.of();
	}

}

package dev.larder.cache.structure.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method only while holding a distributed lock, so at most one call runs at a
 * time across every application instance on the same backend (a nightly job, a per-order
 * workflow). The lock is released when the method returns or throws.
 *
 * <p>
 * <b>When the lock cannot be had</b> within {@link #waitTime()}, the method does not run
 * and the call throws {@link dev.larder.cache.structure.lock.LockNotAcquiredException}.
 * With the default wait of zero that is one attempt: a scheduled job on several instances
 * runs on one of them and the others skip it (catch the exception, or let the scheduler
 * log it).
 *
 * <p>
 * The lease bounds how long a crashed holder blocks others. A method that may outrun its
 * lease should set {@link #watchdog()}, which extends the lease while it runs. The lock
 * covers the method's own execution: a method returning a {@code CompletableFuture}
 * releases it when it returns, not when the future completes.
 *
 * <pre>{@code
 * &#64;Scheduled(cron = "0 0 3 * * *")
 *

&#64;WithLock(name = "nightly-report", leaseTime = "10m")
 * public void nightlyReport() { ... }
 * }</pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithLock {

	/** The lock's name; empty: the method's {@code Class.method}. */
	String name() default "";

	/**
	 * A SpEL expression over the method's arguments whose value is appended to the name
	 * ({@code name:value}), for one lock per order, per account; empty: one lock for all
	 * calls.
	 */
	String key() default "";

	/**
	 * How long to wait for the lock, e.g. {@code 5s}; {@code 0s}: one attempt. (Not
	 * {@code wait}: an annotation cannot redeclare {@code Object.wait()}.)
	 */
	String waitTime() default "0s";

	/**
	 * How long the lock is held at most unless extended, e.g. {@code 30s}, {@code 10m}.
	 */
	String leaseTime() default "30s";

	/** Whether to extend the lease while the method runs (every third of the lease). */
	boolean watchdog() default false;

}

package dev.larder.cache.structure.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.larder.cache.structure.ratelimit.RateLimitAlgorithm;

/**
 * Limits how often a bean method runs, per key: each call takes one permit of the named
 * limiter for the key the {@link #key()} expression gives; a call over the limit does not
 * run and throws {@link dev.larder.cache.structure.ratelimit.RateLimitExceededException},
 * which a Spring MVC application answers with HTTP 429 and a {@code Retry-After} header.
 * The limit is shared by every application instance on the same backend.
 *
 * <pre>{@code
 * &#64;RateLimited(name = "search", key = "#request.remoteAddr", permits = 10, period = "1m")
 * public Results search(HttpServletRequest request, String query) { ... }
 * }</pre>
 *
 * <p>
 * Bad values (a non-positive {@code permits}, an unparsable {@code period} or
 * {@code key}) fail when the bean is created, naming the method and the attribute. Like
 * {@code @Cacheable}, it works through a Spring proxy: calls from within the same object
 * are not limited.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

	/**
	 * The limiter's name; empty: the method's {@code Class.method}. Methods sharing a
	 * name share budgets.
	 */
	String name() default "";

	/**
	 * A SpEL expression over the method's arguments ({@code #name}, {@code #p0},
	 * {@code #a0}), beans ({@code @bean}) and {@code #root.method}/{@code #root.target},
	 * whose value is the key to limit by: a user, a client address, an API token. Empty:
	 * one key, shared by all callers.
	 */
	String key() default "";

	/** Permits per {@link #period()}; each call takes one. */
	long permits();

	/**
	 * The period, as {@code 500ms}, {@code 10s}, {@code 1m}, {@code 1h}, {@code 1d} or
	 * ISO-8601 ({@code PT1M}); {@code ${...}} placeholders are resolved.
	 */
	String period();

	/** How the permits are counted. */
	RateLimitAlgorithm algorithm() default RateLimitAlgorithm.TOKEN_BUCKET;

}

package dev.larder.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code larder.structures.backend} names a backend other than the cache's
 * ({@code larder.backend}), so the structures need a backend of their own. Unset, or the
 * same as the cache's, it does not match: the cache's backend carries the structures. A
 * value that is not a backend fails startup, naming the property and the allowed values.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnSeparateStructuresBackendCondition.class)
public @interface ConditionalOnSeparateStructuresBackend {

}

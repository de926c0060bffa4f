package dev.larder.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link String} or {@link java.net.URI} parameter that receives the
 * {@code redis://127.0.0.1:<port>} URI of the {@link EmbeddedRedis} engine.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmbeddedRedisUri {

}

/**
 * {@code @WithLock} and {@code @RateLimited}: method annotations applied by an AOP
 * advisor.
 */
@NullMarked
package dev.larder.cache.structure.annotation;

import org.jspecify.annotations.NullMarked;

/**
 * The Redis backend's configuration: {@code larder.redis.*} layered over
 * {@code spring.data.redis.*}, Lettuce connectors and the Lettuce customizer.
 */
@NullMarked
package dev.larder.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;

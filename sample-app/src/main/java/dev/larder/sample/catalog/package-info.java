/**
 * A product catalog over a slow repository, cached with {@code @Cacheable}.
 */
@NullMarked
package dev.larder.sample.catalog;

import org.jspecify.annotations.NullMarked;

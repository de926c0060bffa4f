/**
 * Value serializers for remote and store-by-value caches, and the allow-list of types
 * they may read.
 */
@NullMarked
package dev.larder.cache.serialization;

import org.jspecify.annotations.NullMarked;

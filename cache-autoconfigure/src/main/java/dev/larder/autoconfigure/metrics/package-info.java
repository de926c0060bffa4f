/**
 * Cache meters for every Larder cache, including those created after startup.
 */
@NullMarked
package dev.larder.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;

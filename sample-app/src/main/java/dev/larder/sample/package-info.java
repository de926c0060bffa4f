/**
 * A sample application showing Larder's caching and structures.
 */
@NullMarked
package dev.larder.sample;

import org.jspecify.annotations.NullMarked;

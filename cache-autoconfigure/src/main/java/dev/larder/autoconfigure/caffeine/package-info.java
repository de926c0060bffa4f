/**
 * The Caffeine backend's configuration and its builder customizer.
 */
@NullMarked
package dev.larder.autoconfigure.caffeine;

import org.jspecify.annotations.NullMarked;

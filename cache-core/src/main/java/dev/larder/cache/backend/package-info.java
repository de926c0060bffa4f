/**
 * The backend SPI: a backend's lifecycle and health, and the stores that only store.
 */
@NullMarked
package dev.larder.cache.backend;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code larder} health indicator.
 */
@NullMarked
package dev.larder.autoconfigure.health;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code larder} Actuator endpoint: what each cache is set to and how it does, and
 * the embedded engine's own figures.
 */
@NullMarked
package dev.larder.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;

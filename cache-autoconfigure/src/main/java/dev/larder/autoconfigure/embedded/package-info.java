/**
 * The embedded engine's configuration and its {@code larder.embedded.*} properties.
 */
@NullMarked
package dev.larder.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;

/**
 * Ahead-of-time processing: the hints that let a Larder application run AOT-processed on
 * the JVM or as a native image.
 */
@NullMarked
package dev.larder.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;

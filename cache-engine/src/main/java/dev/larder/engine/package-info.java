/**
 * The embedded Redis-compatible engine: its entry point, configuration, clock and
 * replies.
 */
@NullMarked
package dev.larder.engine;

import org.jspecify.annotations.NullMarked;

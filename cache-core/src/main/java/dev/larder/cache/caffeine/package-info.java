/**
 * The in-process Caffeine backend; its structures run on a private engine started on
 * first use.
 */
@NullMarked
package dev.larder.cache.caffeine;

import org.jspecify.annotations.NullMarked;

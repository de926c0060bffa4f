/**
 * Rate limiters: the API, its algorithms and decisions.
 */
@NullMarked
package dev.larder.cache.structure.ratelimit;

import org.jspecify.annotations.NullMarked;

/**
 * Eviction under a memory budget: the policies of Redis's maxmemory-policy plus the
 * engine's own TinyLFU, their settings, and the evictor that frees memory before a write.
 */
@NullMarked
package dev.larder.engine.eviction;

import org.jspecify.annotations.NullMarked;

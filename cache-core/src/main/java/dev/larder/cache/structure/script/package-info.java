/**
 * Structures for every backend that speaks Redis commands: native sorted sets, locks and
 * rate limiters as Lua scripts.
 */
@NullMarked
package dev.larder.cache.structure.script;

import org.jspecify.annotations.NullMarked;

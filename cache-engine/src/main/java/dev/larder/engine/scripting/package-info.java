/**
 * Lua scripting: EVAL, EVALSHA and SCRIPT on a sandboxed, pooled Lua runtime.
 */
@NullMarked
package dev.larder.engine.scripting;

import org.jspecify.annotations.NullMarked;

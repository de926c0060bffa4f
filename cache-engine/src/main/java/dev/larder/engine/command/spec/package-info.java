/**
 * The command table: each command's metadata (flags, key specs, arity, docs) declared
 * once.
 */
@NullMarked
package dev.larder.engine.command.spec;

import org.jspecify.annotations.NullMarked;

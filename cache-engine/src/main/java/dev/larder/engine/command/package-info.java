/**
 * Command execution: the executor, the command families and their argument objects.
 */
@NullMarked
package dev.larder.engine.command;

import org.jspecify.annotations.NullMarked;

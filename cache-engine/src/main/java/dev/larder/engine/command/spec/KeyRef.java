package dev.larder.engine.command.spec;

import java.util.Set;

/**
 * A key argument found in a command line: its position in the arguments (the command name
 * is position 0) and how the command uses it (empty when a key-finding procedure does not
 * say, as Redis's genericGetKeys).
 */
public record KeyRef(int position, Set<KeySpecFlag> flags) {
}

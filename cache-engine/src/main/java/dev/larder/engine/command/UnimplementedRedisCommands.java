package dev.larder.engine.command;

import java.util.Locale;
import java.util.Set;

/**
 * Redis 7.0.15's commands (COMMAND LIST) that the engine does not implement. Each is an
 * unknown command to the engine's clients already, so renaming or disabling one (DEBUG,
 * SAVE, SHUTDOWN, ...) is accepted and changes nothing, where a name Redis does not know
 * either is a mistake.
 */
final class UnimplementedRedisCommands {

	private static final Set<String> NAMES = Set.of("asking", "cluster", "failover", "lolwut", "migrate", "module",
			"psync", "replconf", "replicaof", "restore-asking", "shutdown", "slaveof", "sync");

	private UnimplementedRedisCommands() {
	}

	static boolean contains(String name) {
		return NAMES.contains(name.toLowerCase(Locale.ROOT));
	}

}

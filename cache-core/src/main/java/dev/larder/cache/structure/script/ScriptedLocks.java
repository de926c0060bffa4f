package dev.larder.cache.structure.script;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.Locks;

/**
 * Locks as a key set with {@code NX PX} holding the grant's unique token, plus a counter
 * beside it that issues fencing tokens; every step that reads and writes is one Lua
 * script, so the check of the holder and the change are atomic.
 */
final class ScriptedLocks implements Locks {

	private final RespCommands commands;

	private final StructureKeys keys;

	ScriptedLocks(RespCommands commands, StructureKeys keys) {
		this.commands = commands;
		this.keys = keys;
	}

	@Override
	public DistributedLock lock(String name) {
		return new ScriptedLock(name, this.keys.lock(name), this.keys.lockFence(name), this.commands);
	}

}

package dev.larder.cache.structure.script;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.lock.DistributedLock;
import dev.larder.cache.structure.lock.LockWatchdog;
import dev.larder.cache.structure.lock.Locks;

/**
 * Locks as a key set with {@code NX PX} holding the grant's unique token, plus a counter
 * beside it that issues fencing tokens; every step that reads and writes is one Lua
 * script, so the check of the holder and the change are atomic.
 */
final class ScriptedLocks implements Locks {

	/**
	 * One for the JVM: these structures have no close of their own (their backends close
	 * connections, not structures), so the watchdog lives as long as the JVM, on a daemon
	 * thread.
	 */
	private static final LockWatchdog WATCHDOG = new LockWatchdog("larder-lock-watchdog");

	private final RespCommands commands;

	private final StructureKeys keys;

	ScriptedLocks(RespCommands commands, StructureKeys keys) {
		this.commands = commands;
		this.keys = keys;
	}

	@Override
	public DistributedLock lock(String name) {
		return new ScriptedLock(name, this.keys.lock(name), this.keys.lockFence(name), this.commands, WATCHDOG);
	}

}

package dev.larder.engine.scripting;

/**
 * Aborts a script that ran past the time limit. An {@link Error}, not a LuaError or
 * Exception, on purpose: LuaJ's pcall/xpcall and the interpreter catch those, and a
 * script must not be able to swallow its own abort and keep the shards it locked (Redis
 * likewise makes SCRIPT KILL uncatchable).
 */
final class ScriptTimeoutError extends Error {

	private static final long serialVersionUID = 1L;

	ScriptTimeoutError() {
		super(null, null, false, false);
	}

}

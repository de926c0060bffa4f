package dev.larder.engine.scripting;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The global table of a pooled Lua runtime. Once set up it is read-only, as in Redis 7
 * ({@code x = 1} fails with "Attempt to modify a readonly table"), so a script cannot
 * leave globals behind for the next script that runs on the same runtime. Only the
 * runtime itself writes KEYS and ARGV, through {@link #setProtected}.
 */
final class SandboxGlobals extends Globals {

	private boolean locked;

	void lock() {
		locked = true;
	}

	/** Writes a global although the table is locked (KEYS, ARGV before each run). */
	void setProtected(LuaValue key, LuaValue value) {
		super.rawset(key, value);
	}

	@Override
	public void rawset(int key, LuaValue value) {
		check();
		super.rawset(key, value);
	}

	@Override
	public void rawset(LuaValue key, LuaValue value) {
		check();
		super.rawset(key, value);
	}

	@Override
	public LuaValue setmetatable(LuaValue metatable) {
		check();
		return super.setmetatable(metatable);
	}

	private void check() {
		if (locked) {
			throw new LuaError(ReadOnlyTable.READONLY);
		}
	}

}

package dev.larder.engine.scripting;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A library table scripts can read but not change (string, math, table, redis,
 * metatables), as Redis 7 makes them read-only: the sandbox is reused by the next script,
 * so nothing a script writes may outlive it. Every mutation of a LuaTable ends in
 * {@code rawset} or {@code setmetatable}, so those are the gates.
 */
final class ReadOnlyTable extends LuaTable {

	static final String READONLY = "Attempt to modify a readonly table";

	private boolean locked;

	/** A locked copy of {@code source}'s entries. */
	static ReadOnlyTable copyOf(LuaValue source) {
		ReadOnlyTable t = new ReadOnlyTable();
		LuaValue k = LuaValue.NIL;
		while (true) {
			var next = source.next(k);
			k = next.arg1();
			if (k.isnil()) {
				break;
			}
			t.rawset(k, next.arg(2));
		}
		t.locked = true;
		return t;
	}

	/** A locked table of the given key/value pairs. */
	static ReadOnlyTable of(LuaValue... keysAndValues) {
		ReadOnlyTable t = new ReadOnlyTable();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			t.rawset(keysAndValues[i], keysAndValues[i + 1]);
		}
		t.locked = true;
		return t;
	}

	/** A locked table of the given key/value pairs with a (locked) metatable. */
	static ReadOnlyTable withMetatable(LuaValue metatable, LuaValue... keysAndValues) {
		ReadOnlyTable t = new ReadOnlyTable();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			t.rawset(keysAndValues[i], keysAndValues[i + 1]);
		}
		t.setmetatable(metatable);
		t.locked = true;
		return t;
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
			throw new LuaError(READONLY);
		}
	}

}

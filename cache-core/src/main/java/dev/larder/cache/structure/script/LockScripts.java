package dev.larder.cache.structure.script;

/** The lock's three scripts, read once per JVM. */
final class LockScripts {

	static final LuaScript ACQUIRE = LuaScript.load(LockScripts.class, "lock-acquire");

	static final LuaScript RELEASE = LuaScript.load(LockScripts.class, "lock-release");

	static final LuaScript EXTEND = LuaScript.load(LockScripts.class, "lock-extend");

	private LockScripts() {
	}

}

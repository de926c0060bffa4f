package dev.larder.autoconfigure.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What Larder reads from its own jars at run time: the Lua scripts behind locks and rate
 * limiters, and the engine's catalogue of Redis commands for ACL categories. A native
 * image leaves out every resource nobody declared.
 */
class LarderRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("dev/larder/cache/structure/script/*.lua");
		hints.resources().registerPattern("dev/larder/engine/acl/*.txt");
	}

}

package dev.larder.cache.caffeine;

import dev.larder.cache.embedded.EngineRespCommands;
import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.script.ScriptedStructures;
import dev.larder.engine.Engine;
import dev.larder.engine.EngineConfig;

/**
 * The structures of the Caffeine backend: a private in-process engine, started on first
 * use, so sorted sets, locks and rate limiters behave exactly as on the embedded backend.
 * Caffeine itself has no atomic multi-step operations on shared keys to build them on.
 * Single-instance by nature: nothing outside this JVM sees the engine. Only this class
 * touches the engine's classes, so the Caffeine backend runs without the engine on the
 * classpath until structures are asked for.
 */
final class LocalEngineStructures implements AutoCloseable {

	private final Engine engine;

	private final Structures structures;

	LocalEngineStructures(StructureSettings settings) {
		this.engine = Engine.start(EngineConfig.defaults());
		this.structures = new ScriptedStructures(new EngineRespCommands(this.engine), settings, "caffeine");
	}

	Structures structures() {
		return this.structures;
	}

	@Override
	public void close() {
		this.engine.close();
	}

}

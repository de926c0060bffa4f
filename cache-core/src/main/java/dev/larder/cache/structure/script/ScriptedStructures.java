package dev.larder.cache.structure.script;

import dev.larder.cache.structure.StructureSettings;
import dev.larder.cache.structure.Structures;
import dev.larder.cache.structure.lock.Locks;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import dev.larder.cache.structure.sortedset.SortedSets;

/**
 * The structures of every backend that speaks Redis's commands and scripts (Redis, the
 * embedded engine, the engine behind Caffeine): native sorted sets, and locks and rate
 * limiters as one Lua script per operation. Written once here, over {@link RespCommands}.
 */
public final class ScriptedStructures implements Structures {

	private final SortedSets sortedSets;

	private final Locks locks;

	private final RateLimiters rateLimiters;

	/**
	 * @param commands how to reach the backend
	 * @param settings key prefix, member serializer, clock
	 * @param backend the backend's name, for error messages
	 */
	public ScriptedStructures(RespCommands commands, StructureSettings settings, String backend) {
		this.sortedSets = new RespSortedSets(commands, settings.keys(), settings.serializer(), backend);
		this.locks = new ScriptedLocks(commands, settings.keys());
		this.rateLimiters = new ScriptedRateLimiters(commands, settings.keys(), settings.clock());
	}

	@Override
	public SortedSets sortedSets() {
		return this.sortedSets;
	}

	@Override
	public Locks locks() {
		return this.locks;
	}

	@Override
	public RateLimiters rateLimiters() {
		return this.rateLimiters;
	}

}

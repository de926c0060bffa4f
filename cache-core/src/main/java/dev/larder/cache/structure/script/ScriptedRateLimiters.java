package dev.larder.cache.structure.script;

import java.time.InstantSource;

import dev.larder.cache.structure.StructureKeys;
import dev.larder.cache.structure.ratelimit.RateLimit;
import dev.larder.cache.structure.ratelimit.RateLimiter;
import dev.larder.cache.structure.ratelimit.RateLimiters;
import org.jspecify.annotations.Nullable;

/**
 * Rate limiters as one Lua script per decision, keyed
 * {@code <prefix>rate:{<name>:<key>}}.
 */
final class ScriptedRateLimiters implements RateLimiters {

	private final RespCommands commands;

	private final StructureKeys keys;

	private final @Nullable InstantSource clock;

	ScriptedRateLimiters(RespCommands commands, StructureKeys keys, @Nullable InstantSource clock) {
		this.commands = commands;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public RateLimiter limiter(String name, RateLimit limit) {
		this.keys.rateLimit(name, ""); // refuse a blank name now, not at the first
										// request
		return new ScriptedRateLimiter(name, limit, this.keys, this.commands, this.clock);
	}

}

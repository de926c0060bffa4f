package dev.larder.engine.config;

import dev.larder.engine.command.EngineCore;

/**
 * Redis 7.0.15's parameter table (config.c's static_configs, plus the parameters 7.0's
 * patch releases added), grouped by what the parameters are about. Every name
 * redis-server 7.0.15 answers CONFIG GET with is here, with its type, bounds, default,
 * flags and alias; those the engine has a setting for are bound to it, the others are
 * kept at Redis's default until set.
 */
public final class RedisParameters {

	private RedisParameters() {
	}

	public static ConfigTable table(EngineCore core) {
		ConfigTable.Builder b = ConfigTable.builder();
		ServerParameters.addTo(b, core);
		ClientParameters.addTo(b, core);
		EvictionParameters.addTo(b, core.eviction());
		EncodingParameters.addTo(b, core.encodingLimits());
		PersistenceParameters.addTo(b);
		ReplicationParameters.addTo(b);
		ClusterParameters.addTo(b);
		TlsParameters.addTo(b, core);
		return b.build();
	}

}

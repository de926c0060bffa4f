package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.LONG_MAX;
import static dev.larder.engine.config.CLimits.UINT_MAX;
import static dev.larder.engine.config.ConfigFlag.IMMUTABLE;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.MEMORY;
import static dev.larder.engine.config.NumericFormat.MEMORY_OR_PERCENT;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.LONG_LONG;
import static dev.larder.engine.config.NumericType.SIZE_T;

import dev.larder.engine.command.EngineCore;
import java.util.List;

/**
 * What clients may send and get: requirepass, proto-max-bulk-len,
 * client-query-buffer-limit, client-output-buffer-limit, notify-keyspace-events,
 * maxclients, timeout and maxmemory-clients are the engine's own settings; limits it does
 * not enforce yet (tracking table) are kept.
 */
final class ClientParameters {

	private static final long ONE_MB = 1024 * 1024;

	private ClientParameters() {
	}

	/** acl-pubsub-default's names, in Redis's order: allchannels means true. */
	private static java.util.Map<String, Boolean> aclPubsubDefaults() {
		java.util.Map<String, Boolean> choices = new java.util.LinkedHashMap<>();
		choices.put("allchannels", true);
		choices.put("resetchannels", false);
		return choices;
	}

	static void addTo(ConfigTable.Builder b, EngineCore core) {
		b.add(new StringParameter("requirepass", null, Binding.of(() -> {
			String pass = core.requirePass();
			return pass == null ? "" : ConfigArgs.fromUtf8(pass);
		}, v -> core.requirePass(ConfigArgs.toUtf8(v))), Check.none()));
		b.add(new NumericParameter("proto-max-bulk-len", null, LONG_LONG, ONE_MB, LONG_MAX, MEMORY,
				Binding.of(core::protoMaxBulkLen, core::protoMaxBulkLen), Check.none()));
		b.add(new NumericParameter("client-query-buffer-limit", null, SIZE_T, ONE_MB, LONG_MAX, MEMORY,
				Binding.of(core::clientQueryBufferLimit, core::clientQueryBufferLimit), Check.none()));
		var in = core.introspection();
		b.add(new NumericParameter("maxclients", null, NumericType.UINT, 1, UINT_MAX, INTEGER,
				Binding.of(() -> (long) in.maxClients(), v -> in.maxClients((int) Math.min(v, Integer.MAX_VALUE))),
				Check.none()));
		b.add(new NumericParameter("timeout", null, INT, 0, INT_MAX, INTEGER,
				Binding.of(() -> (long) in.idleTimeoutSeconds(), v -> in.idleTimeoutSeconds(v.intValue())),
				Check.none()));
		b.add(new OutputBufferLimitParameter(core.outputBufferLimits()));
		b.add(new NumericParameter("maxmemory-clients", null, NumericType.SSIZE_T, -100, LONG_MAX, MEMORY_OR_PERCENT,
				Binding.of(core.memory()::maxmemoryClients, core.memory()::maxmemoryClients), Check.none()));
		b.add(new NumericParameter("tracking-table-max-keys", null, SIZE_T, 0, LONG_MAX, INTEGER,
				Binding.of(core.tracking()::maxKeys, core.tracking()::maxKeys), Check.none()));
		b.add(new NumericParameter("acllog-max-len", null, NumericType.ULONG, 0, LONG_MAX, INTEGER,
				Binding.of(core.acl()::logMaxLen, core.acl()::logMaxLen), Check.none()));
		b.add(StringParameter.stored("aclfile", "", IMMUTABLE));
		b.add(new EnumParameter<>("acl-pubsub-default", null, aclPubsubDefaults(),
				Binding.of(core.acl()::pubsubAllChannels, core.acl()::pubsubAllChannels), Check.none()));
		b.add(new NotifyKeyspaceEventsParameter(core.keyspace().changes()));
	}

}

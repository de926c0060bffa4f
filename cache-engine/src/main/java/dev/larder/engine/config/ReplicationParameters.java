package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.LONG_MAX;
import static dev.larder.engine.config.ConfigFlag.IMMUTABLE;
import static dev.larder.engine.config.ConfigFlag.MULTI_ARG;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.MEMORY;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.LONG_LONG;
import static dev.larder.engine.config.NumericType.TIME_T;

import java.util.List;

/**
 * Replication. The engine is always a master without replicas: replicaof is empty (and
 * immutable, as in Redis), min-replicas-to-write is refused unless 0 since no write could
 * then succeed, and the rest is kept.
 */
final class ReplicationParameters {

	private ReplicationParameters() {
	}

	static void addTo(ConfigTable.Builder b) {
		b.add(StringParameter.readOnly("replicaof", "slaveof", () -> "", IMMUTABLE, MULTI_ARG));
		b.add(StringParameter.stored("masterauth", ""));
		b.add(StringParameter.stored("masteruser", ""));
		b.add(BoolParameter.stored("replica-serve-stale-data", "slave-serve-stale-data", true));
		b.add(BoolParameter.stored("replica-read-only", "slave-read-only", true));
		b.add(BoolParameter.stored("replica-lazy-flush", "slave-lazy-flush", false));
		b.add(BoolParameter.stored("replica-ignore-maxmemory", "slave-ignore-maxmemory", true));
		b.add(BoolParameter.stored("replica-announced", true));
		b.add(BoolParameter.stored("replica-ignore-disk-write-errors", false));
		b.add(NumericParameter.stored("replica-priority", "slave-priority", INT, 0, INT_MAX, 100, INTEGER));
		b.add(StringParameter.stored("replica-announce-ip", "slave-announce-ip", ""));
		b.add(NumericParameter.stored("replica-announce-port", "slave-announce-port", INT, 0, 65535, 0, INTEGER));
		b.add(BoolParameter.stored("repl-diskless-sync", true));
		b.add(NumericParameter.stored("repl-diskless-sync-delay", INT, 0, INT_MAX, 5, INTEGER));
		b.add(NumericParameter.stored("repl-diskless-sync-max-replicas", INT, 0, INT_MAX, 0, INTEGER));
		b.add(EnumParameter.stored("repl-diskless-load", List.of("disabled", "on-empty-db", "swapdb"), "disabled"));
		b.add(BoolParameter.stored("repl-disable-tcp-nodelay", false));
		Binding<Long> backlog = Binding.stored(1024L * 1024);
		// resizeReplicationBacklog raises a smaller size to CONFIG_REPL_BACKLOG_MIN_SIZE
		b.add(new NumericParameter("repl-backlog-size", null, LONG_LONG, 1, LONG_MAX, MEMORY,
				Binding.of(backlog::get, v -> backlog.set(Math.max(v, 16 * 1024))), Check.none()));
		b.add(NumericParameter.stored("repl-backlog-ttl", TIME_T, 0, LONG_MAX, 3600, INTEGER));
		b.add(NumericParameter.stored("repl-timeout", INT, 1, INT_MAX, 60, INTEGER));
		b.add(NumericParameter.stored("repl-ping-replica-period", "repl-ping-slave-period", INT, 1, INT_MAX, 10,
				INTEGER));
		b.add(new NumericParameter("min-replicas-to-write", "min-slaves-to-write", INT, 0, INT_MAX, INTEGER,
				Binding.stored(0L), Unsupported.unless(0L, Unsupported.REPLICATION)));
		b.add(NumericParameter.stored("min-replicas-max-lag", "min-slaves-max-lag", INT, 0, INT_MAX, 10, INTEGER));
		b.add(EnumParameter.stored("propagation-error-behavior", List.of("ignore", "panic", "panic-on-replicas"),
				"ignore"));
	}

}

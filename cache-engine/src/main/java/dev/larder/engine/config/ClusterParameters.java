package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.LONG_MAX;
import static dev.larder.engine.config.CLimits.ULLONG_MAX;
import static dev.larder.engine.config.ConfigFlag.IMMUTABLE;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.MEMORY;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.LONG_LONG;
import static dev.larder.engine.config.NumericType.ULONG_LONG;

import java.util.List;

/**
 * Redis Cluster. cluster-enabled is no and immutable, as on a standalone redis-server;
 * the cluster's tuning is kept.
 */
final class ClusterParameters {

	private ClusterParameters() {
	}

	static void addTo(ConfigTable.Builder b) {
		b.add(BoolParameter.stored("cluster-enabled", false, IMMUTABLE));
		b.add(StringParameter.stored("cluster-config-file", "nodes.conf", IMMUTABLE));
		b.add(NumericParameter.stored("cluster-port", INT, 0, 65535, 0, INTEGER, IMMUTABLE));
		b.add(NumericParameter.stored("cluster-node-timeout", LONG_LONG, 0, LONG_MAX, 15000, INTEGER));
		b.add(StringParameter.stored("cluster-announce-ip", ""));
		b.add(new StringParameter("cluster-announce-hostname", null, Binding.stored(""),
				RedisChecks.announcedHostname()));
		b.add(NumericParameter.stored("cluster-announce-port", INT, 0, 65535, 0, INTEGER));
		b.add(NumericParameter.stored("cluster-announce-bus-port", INT, 0, 65535, 0, INTEGER));
		b.add(NumericParameter.stored("cluster-announce-tls-port", INT, 0, 65535, 0, INTEGER));
		b.add(NumericParameter.stored("cluster-replica-validity-factor", "cluster-slave-validity-factor", INT, 0,
				INT_MAX, 10, INTEGER));
		b.add(NumericParameter.stored("cluster-migration-barrier", INT, 0, INT_MAX, 1, INTEGER));
		b.add(BoolParameter.stored("cluster-require-full-coverage", true));
		b.add(BoolParameter.stored("cluster-replica-no-failover", "cluster-slave-no-failover", false));
		b.add(BoolParameter.stored("cluster-allow-reads-when-down", false));
		b.add(BoolParameter.stored("cluster-allow-pubsubshard-when-down", true));
		b.add(BoolParameter.stored("cluster-allow-replica-migration", true));
		b.add(NumericParameter.stored("cluster-link-sendbuf-limit", ULONG_LONG, 0, ULLONG_MAX, 0, MEMORY));
		b.add(EnumParameter.stored("cluster-preferred-endpoint-type", List.of("ip", "hostname", "unknown-endpoint"),
				"ip"));
	}

}

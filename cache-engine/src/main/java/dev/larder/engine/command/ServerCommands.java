package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Server introspection: INFO, TIME (CONFIG is dev.larder.engine.config's). */
final class ServerCommands {

	private static final List<String> DEFAULT_SECTIONS = List.of("server", "clients", "memory", "stats", "replication",
			"keyspace");

	private ServerCommands() {
	}

	static void register(CommandTable t) {
		t.bindWalkingKeyspace(ServerCommandSpecs.INFO, ServerCommands::info);
		t.bind(ServerCommandSpecs.TIME, ServerCommands::time);
	}

	private static Reply time(CommandContext c) {
		long ms = c.now();
		return Reply.array(Reply.bulk(Long.toString(ms / 1000)), Reply.bulk(Long.toString(ms % 1000 * 1000)));
	}

	// ---------------------------------------------------------------- INFO

	private static Reply info(CommandContext c) {
		Set<String> sections = new LinkedHashSet<>();
		if (c.argc() == 1) {
			sections.addAll(DEFAULT_SECTIONS);
		}
		for (int i = 1; i < c.argc(); i++) {
			String s = Args.lower(c.arg(i));
			if (s.equals("all") || s.equals("everything") || s.equals("default")) {
				sections.addAll(DEFAULT_SECTIONS);
			}
			else {
				sections.add(s);
			}
		}
		StringBuilder sb = new StringBuilder();
		for (String s : DEFAULT_SECTIONS) {
			if (!sections.contains(s)) {
				continue;
			}
			if (sb.length() > 0) {
				sb.append("\r\n");
			}
			section(c, s, sb);
		}
		return new Reply.VerbatimString("txt", sb.toString());
	}

	private static void section(CommandContext c, String name, StringBuilder sb) {
		switch (name) {
			case "server" -> serverSection(c, sb);
			case "clients" -> clientsSection(c, sb);
			case "memory" -> memorySection(c, sb);
			case "stats" -> statsSection(c, sb);
			case "replication" -> replicationSection(sb);
			case "keyspace" -> keyspaceSection(c, sb);
			default -> {
			}
		}
	}

	private static void serverSection(CommandContext c, StringBuilder sb) {
		EngineCore core = c.core();
		long uptime = (System.currentTimeMillis() - core.stats().startMillis) / 1000;
		sb.append("# Server\r\n");
		field(sb, "redis_version", ConnectionCommands.REDIS_VERSION);
		field(sb, "larder_engine", "1");
		field(sb, "redis_mode", "standalone");
		field(sb, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		field(sb, "arch_bits", "64");
		field(sb, "multiplexing_api", "netty");
		field(sb, "java_version", System.getProperty("java.version"));
		field(sb, "process_id", Long.toString(ProcessHandle.current().pid()));
		field(sb, "tcp_port", Integer.toString(core.boundPort()));
		field(sb, "server_time_usec", Long.toString(c.now() * 1000));
		field(sb, "uptime_in_seconds", Long.toString(uptime));
		field(sb, "uptime_in_days", Long.toString(uptime / 86400));
		field(sb, "hz", Integer.toString(core.hz()));
		field(sb, "configured_hz", Integer.toString(core.hz()));
		field(sb, "executable", "");
		field(sb, "config_file", "");
	}

	private static void clientsSection(CommandContext c, StringBuilder sb) {
		sb.append("# Clients\r\n");
		field(sb, "connected_clients", Integer.toString(c.core().stats().connectedClients.get()));
		field(sb, "maxclients", "10000");
		field(sb, "blocked_clients", Integer.toString(c.core().blocking().blockedClients()));
		field(sb, "tracking_clients", "0");
	}

	/**
	 * Redis 7.0.15's fields, in its order, over the engine's figures (see
	 * {@link EngineMemory}): the JVM's heap stands in for the allocator and the RSS, Lua
	 * memory and the features the engine lacks (replication, AOF, cluster, functions) are
	 * 0.
	 */
	private static void memorySection(CommandContext c, StringBuilder sb) {
		EngineMemory.Report r = c.core().memory().report(c.core().scripting().cache().size());
		long totalSystem = totalSystemMemory();
		sb.append("# Memory\r\n");
		field(sb, "used_memory", r.used());
		field(sb, "used_memory_human", human(r.used()));
		field(sb, "used_memory_rss", r.heapCommitted());
		field(sb, "used_memory_rss_human", human(r.heapCommitted()));
		field(sb, "used_memory_peak", r.peak());
		field(sb, "used_memory_peak_human", human(r.peak()));
		field(sb, "used_memory_peak_perc", percent(r.peakPercent()));
		field(sb, "used_memory_overhead", r.overhead());
		field(sb, "used_memory_startup", r.startup());
		field(sb, "used_memory_dataset", r.dataset());
		field(sb, "used_memory_dataset_perc", percent(r.datasetPercent()));
		field(sb, "allocator_allocated", r.heapUsed());
		field(sb, "allocator_active", r.heapCommitted());
		field(sb, "allocator_resident", r.heapCommitted());
		field(sb, "total_system_memory", totalSystem);
		field(sb, "total_system_memory_human", human(totalSystem));
		field(sb, "used_memory_lua", 0);
		field(sb, "used_memory_vm_eval", 0);
		field(sb, "used_memory_lua_human", human(0));
		field(sb, "used_memory_scripts_eval", 0);
		field(sb, "number_of_cached_scripts", r.cachedScripts());
		field(sb, "number_of_functions", 0);
		field(sb, "number_of_libraries", 0);
		field(sb, "used_memory_vm_functions", 0);
		field(sb, "used_memory_vm_total", 0);
		field(sb, "used_memory_vm_total_human", human(0));
		field(sb, "used_memory_functions", 0);
		field(sb, "used_memory_scripts", 0);
		field(sb, "used_memory_scripts_human", human(0));
		long maxmemory = c.core().eviction().maxmemory();
		field(sb, "maxmemory", maxmemory);
		field(sb, "maxmemory_human", human(maxmemory));
		field(sb, "maxmemory_policy", c.core().eviction().policy().configName());
		field(sb, "allocator_frag_ratio", ratio(r.allocatorFragmentation()));
		field(sb, "allocator_frag_bytes", r.heapCommitted() - r.heapUsed());
		field(sb, "allocator_rss_ratio", ratio(1));
		field(sb, "allocator_rss_bytes", 0);
		field(sb, "rss_overhead_ratio", ratio(1));
		field(sb, "rss_overhead_bytes", 0);
		field(sb, "mem_fragmentation_ratio", ratio(r.fragmentation()));
		field(sb, "mem_fragmentation_bytes", r.heapCommitted() - r.used());
		field(sb, "mem_not_counted_for_evict", 0);
		field(sb, "mem_replication_backlog", 0);
		field(sb, "mem_total_replication_buffers", 0);
		field(sb, "mem_clients_slaves", 0);
		// TODO issue 15: output buffers and per-client state; only unexecuted input so
		// far
		field(sb, "mem_clients_normal", r.clientsNormal());
		field(sb, "mem_cluster_links", 0);
		field(sb, "mem_aof_buffer", 0);
		field(sb, "mem_allocator", "jvm");
		field(sb, "active_defrag_running", 0);
		field(sb, "lazyfree_pending_objects", 0);
		field(sb, "lazyfreed_objects", 0);
	}

	/** The machine's memory, as the JVM reads it; 0 where it cannot. */
	private static long totalSystemMemory() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize();
		}
		return 0;
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f%%", value);
	}

	private static String ratio(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static void statsSection(CommandContext c, StringBuilder sb) {
		var stats = c.core().stats();
		sb.append("# Stats\r\n");
		field(sb, "total_connections_received", Long.toString(stats.connectionsReceived.sum()));
		field(sb, "total_commands_processed", Long.toString(stats.commandsProcessed.sum()));
		field(sb, "rejected_connections", Long.toString(stats.rejectedConnections.sum()));
		field(sb, "expired_keys", Long.toString(stats.expiredKeys.sum()));
		field(sb, "evicted_keys", Long.toString(stats.evictedKeys.sum()));
		field(sb, "keyspace_hits", Long.toString(stats.keyspaceHits.sum()));
		field(sb, "keyspace_misses", Long.toString(stats.keyspaceMisses.sum()));
		field(sb, "total_error_replies", Long.toString(stats.errorReplies.sum()));
	}

	private static void replicationSection(StringBuilder sb) {
		sb.append("# Replication\r\n");
		field(sb, "role", "master");
		field(sb, "connected_slaves", "0");
	}

	/** One line per non-empty database, as Redis prints them. */
	private static void keyspaceSection(CommandContext c, StringBuilder sb) {
		sb.append("# Keyspace\r\n");
		Keyspace ks = c.core().keyspace();
		for (int i = 0; i < ks.databaseCount(); i++) {
			long[] counts = counts(ks, ks.db(i));
			if (counts[0] > 0) {
				field(sb, "db" + i, "keys=" + counts[0] + ",expires=" + counts[1] + ",avg_ttl=0");
			}
		}
	}

	private static long[] counts(Keyspace ks, Database db) {
		long[] out = new long[2];
		for (int s = 0; s < ks.shardCount(); s++) {
			Shard shard = ks.shard(s);
			shard.lock();
			try {
				out[0] += db.size(s);
				out[1] += db.volatileCount(s);
			}
			finally {
				shard.unlock();
			}
		}
		return out;
	}

	private static void field(StringBuilder sb, String name, String value) {
		sb.append(name).append(':').append(value).append("\r\n");
	}

	private static void field(StringBuilder sb, String name, long value) {
		sb.append(name).append(':').append(value).append("\r\n");
	}

	private static String human(long bytes) {
		if (bytes < 1024) {
			return bytes + "B";
		}
		String[] units = { "K", "M", "G", "T" };
		double v = bytes;
		int u = -1;
		while (v >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format(Locale.ROOT, "%.2f%s", v, units[u]);
	}

}

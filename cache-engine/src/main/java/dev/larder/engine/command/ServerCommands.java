package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.ServerCommandSpecs;
import dev.larder.engine.keyspace.Bytes;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Server introspection: INFO, CONFIG, TIME. */
final class ServerCommands {

	private static final List<String> DEFAULT_SECTIONS = List.of("server", "clients", "memory", "stats", "replication",
			"keyspace");

	private ServerCommands() {
	}

	static void register(CommandTable t) {
		t.bindWalkingKeyspace(ServerCommandSpecs.INFO, ServerCommands::info);
		t.bind(ServerCommandSpecs.TIME, ServerCommands::time);
		t.bindContainer(ServerCommandSpecs.CONFIG);
		t.bind(ServerCommandSpecs.CONFIG_GET, ServerCommands::configGet);
		t.bind(ServerCommandSpecs.CONFIG_SET, ServerCommands::configSet);
		t.bind(ServerCommandSpecs.CONFIG_RESETSTAT, c -> Reply.OK);
		t.bind(ServerCommandSpecs.CONFIG_HELP,
				c -> ConnectionCommands.help("CONFIG", "GET <pattern>", "SET <directive> <value>", "RESETSTAT"));
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

	// ---------------------------------------------------------------- CONFIG

	/**
	 * The engine's own settings, plus read-only answers tools commonly ask for (save,
	 * appendonly).
	 */
	private static Map<String, String> configValues(EngineCore core) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("port", Integer.toString(core.boundPort()));
		m.put("bind", core.config().bind());
		m.put("databases", Integer.toString(core.config().databases()));
		m.put("requirepass", core.requirePass() == null ? "" : core.requirePass());
		m.put("proto-max-bulk-len", Long.toString(core.protoMaxBulkLen()));
		m.put("client-query-buffer-limit", Long.toString(core.config().clientQueryBufferLimit()));
		m.put("hz", Integer.toString(core.hz()));
		m.put("maxmemory", "0");
		m.put("maxmemory-policy", "noeviction");
		m.put("save", "");
		m.put("appendonly", "no");
		m.put("timeout", "0");
		return m;
	}

	private static Reply configGet(CommandContext c) {
		Map<String, String> values = configValues(c.core());
		Map<String, String> matched = new LinkedHashMap<>();
		for (int i = 2; i < c.argc(); i++) {
			byte[] pattern = Bytes.utf8(Args.lower(c.arg(i)));
			values.forEach((k, v) -> {
				if (GlobMatcher.matches(pattern, Bytes.utf8(k))) {
					matched.put(k, v);
				}
			});
		}
		List<Reply> out = new ArrayList<>();
		matched.forEach((k, v) -> {
			out.add(Reply.bulk(k));
			out.add(Reply.bulk(v));
		});
		return new Reply.MapReply(out);
	}

	/**
	 * All pairs are validated before any is applied, as Redis 7's multi-parameter CONFIG
	 * SET does.
	 */
	private static Reply configSet(CommandContext c) {
		if (c.argc() % 2 == 1) {
			return Reply.error(Errors.wrongArity("config|set"));
		}
		Map<String, String> current = configValues(c.core());
		List<Runnable> updates = new ArrayList<>();
		for (int i = 2; i < c.argc(); i += 2) {
			String name = Args.lower(c.arg(i));
			String value = Bytes.string(c.arg(i + 1));
			if (!current.containsKey(name)) {
				return Reply.error(Errors.sanitize(
						"ERR Unknown option or number of arguments for CONFIG SET - '" + Bytes.string(c.arg(i)) + "'"));
			}
			switch (name) {
				case "requirepass" -> updates.add(() -> c.core().requirePass(value));
				case "hz" -> {
					Long hz = Bytes.parseLong(c.arg(i + 1));
					if (hz == null) {
						return configSetFailed(name, "argument couldn't be parsed into an integer");
					}
					int clamped = (int) Math.max(1, Math.min(500, hz));
					updates.add(() -> c.core().hz(clamped));
				}
				case "proto-max-bulk-len" -> {
					long bytes = memory(value);
					if (bytes < 0) {
						return configSetFailed(name, "argument must be a memory value");
					}
					if (bytes < 1024 * 1024) {
						return configSetFailed(name,
								"argument must be between 1048576 and 9223372036854775807 " + "inclusive");
					}
					updates.add(() -> c.core().protoMaxBulkLen(bytes));
				}
				default -> {
					return configSetFailed(name, "can't set immutable config");
				}
			}
		}
		updates.forEach(Runnable::run);
		return Reply.OK;
	}

	private static Reply configSetFailed(String name, String why) {
		return Reply.error("ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + why);
	}

	/**
	 * Redis memory values: a number with an optional k, kb, m, mb, g or gb suffix; -1
	 * when invalid.
	 */
	private static long memory(String value) {
		String v = value.toLowerCase(Locale.ROOT);
		long multiplier = 1;
		String[][] units = { { "kb", "1024" }, { "mb", "1048576" }, { "gb", "1073741824" }, { "k", "1000" },
				{ "m", "1000000" }, { "g", "1000000000" }, { "b", "1" } };
		for (String[] u : units) {
			if (v.endsWith(u[0])) {
				multiplier = Long.parseLong(u[1]);
				v = v.substring(0, v.length() - u[0].length());
				break;
			}
		}
		Long n = Bytes.parseLong(Bytes.utf8(v));
		if (n == null || n < 0 || n > Long.MAX_VALUE / multiplier) {
			return -1;
		}
		return n * multiplier;
	}

}

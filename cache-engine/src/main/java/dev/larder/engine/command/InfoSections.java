package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.keyspace.Database;
import dev.larder.engine.keyspace.Keyspace;
import dev.larder.engine.keyspace.Shard;
import dev.larder.engine.scripting.FunctionRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * INFO (genRedisInfoString): Redis 7.0.15's sections and fields in its order, the
 * sections picked as genInfoSectionDict picks them (none or "default": the default ones;
 * "all": all; "everything": all and the modules'; several names: those, always in Redis's
 * order). Fields of features the engine does not have (persistence, replication, forks,
 * defragmentation, cluster, modules) are printed with the values Redis prints when they
 * are off or unused; see docs/backends/embedded.md for the list.
 */
final class InfoSections {

	static final List<String> ALL = List.of("server", "clients", "memory", "persistence", "stats", "replication", "cpu",
			"modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace");

	static final List<String> DEFAULT = List.of("server", "clients", "memory", "persistence", "stats", "replication",
			"cpu", "modules", "errorstats", "cluster", "keyspace");

	private InfoSections() {
	}

	static Reply info(CommandContext c) {
		Set<String> sections = new HashSet<>();
		if (c.argc() == 1) {
			sections.addAll(DEFAULT);
		}
		for (int i = 1; i < c.argc(); i++) {
			String s = Args.lower(c.arg(i));
			switch (s) {
				case "all", "everything" -> sections.addAll(ALL);
				case "default" -> sections.addAll(DEFAULT);
				case "module_list" -> sections.add("modules");
				default -> sections.add(s);
			}
		}
		StringBuilder sb = new StringBuilder(4096);
		for (String s : ALL) {
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
			case "persistence" -> persistenceSection(c, sb);
			case "stats" -> statsSection(c, sb);
			case "replication" -> replicationSection(c, sb);
			case "cpu" -> cpuSection(sb);
			case "modules" -> sb.append("# Modules\r\n");
			case "commandstats" -> commandStatsSection(c, sb);
			case "errorstats" -> errorStatsSection(c, sb);
			case "latencystats" -> latencyStatsSection(c, sb);
			case "cluster" -> sb.append("# Cluster\r\ncluster_enabled:0\r\n");
			case "keyspace" -> keyspaceSection(c, sb);
			default -> throw new IllegalArgumentException(name);
		}
	}

	private static void serverSection(CommandContext c, StringBuilder sb) {
		EngineCore core = c.core();
		Introspection in = core.introspection();
		long now = c.now();
		long uptime = (System.currentTimeMillis() - core.stats().startMillis) / 1000;
		sb.append("# Server\r\n");
		field(sb, "redis_version", ConnectionCommands.REDIS_VERSION);
		field(sb, "redis_git_sha1", "00000000");
		field(sb, "redis_git_dirty", 0);
		field(sb, "redis_build_id", "0");
		field(sb, "redis_mode", "standalone");
		field(sb, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		field(sb, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
		field(sb, "monotonic_clock", "System.nanoTime");
		field(sb, "multiplexing_api", in.multiplexingApi());
		field(sb, "atomicvar_api", "java.util.concurrent");
		field(sb, "gcc_version", "0.0.0");
		field(sb, "process_id", ProcessHandle.current().pid());
		field(sb, "process_supervised", "no");
		field(sb, "run_id", in.runId());
		field(sb, "tcp_port", core.boundPort());
		field(sb, "server_time_usec", now * 1000);
		field(sb, "uptime_in_seconds", uptime);
		field(sb, "uptime_in_days", uptime / 86400);
		field(sb, "hz", core.hz());
		field(sb, "configured_hz", core.hz());
		field(sb, "lru_clock", (now / 1000) & ((1 << 24) - 1));
		field(sb, "executable", ProcessHandle.current().info().command().orElse(""));
		field(sb, "config_file", "");
		field(sb, "io_threads_active", core.config().ioThreads() > 1 ? 1 : 0);
	}

	private static void clientsSection(CommandContext c, StringBuilder sb) {
		EngineCore core = c.core();
		RecentClientPeaks peaks = core.introspection().clientPeaks();
		sb.append("# Clients\r\n");
		field(sb, "connected_clients", core.stats().connectedClients.get());
		field(sb, "cluster_connections", 0);
		field(sb, "maxclients", core.introspection().maxClients());
		field(sb, "client_recent_max_input_buffer", peaks.maxInput());
		field(sb, "client_recent_max_output_buffer", peaks.maxOutput());
		field(sb, "blocked_clients", core.blocking().blockedClients());
		field(sb, "tracking_clients", core.tracking().clients());
		field(sb, "clients_in_timeout_table", core.blocking().blockedWithTimeout());
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
		FunctionRegistry functions = c.core().scripting().functions();
		field(sb, "number_of_functions", functions.functionCount());
		field(sb, "number_of_libraries", functions.libraryCount());
		field(sb, "used_memory_vm_functions", 0);
		field(sb, "used_memory_vm_total", 0);
		field(sb, "used_memory_vm_total_human", human(0));
		field(sb, "used_memory_functions", functions.memory());
		field(sb, "used_memory_scripts", functions.memory());
		field(sb, "used_memory_scripts_human", human(functions.memory()));
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

	private static void persistenceSection(CommandContext c, StringBuilder sb) {
		sb.append("# Persistence\r\n");
		field(sb, "loading", 0);
		field(sb, "async_loading", 0);
		field(sb, "current_cow_peak", 0);
		field(sb, "current_cow_size", 0);
		field(sb, "current_cow_size_age", 0);
		field(sb, "current_fork_perc", "0.00");
		field(sb, "current_save_keys_processed", 0);
		field(sb, "current_save_keys_total", 0);
		field(sb, "rdb_changes_since_last_save", 0);
		field(sb, "rdb_bgsave_in_progress", 0);
		field(sb, "rdb_last_save_time", c.core().stats().lastSaveMillis / 1000);
		field(sb, "rdb_last_bgsave_status", "ok");
		field(sb, "rdb_last_bgsave_time_sec", c.core().stats().bgsaveDone ? 0 : -1);
		field(sb, "rdb_current_bgsave_time_sec", -1);
		field(sb, "rdb_saves", c.core().stats().rdbSaves.sum());
		field(sb, "rdb_last_cow_size", 0);
		field(sb, "rdb_last_load_keys_expired", 0);
		field(sb, "rdb_last_load_keys_loaded", 0);
		field(sb, "aof_enabled", 0);
		field(sb, "aof_rewrite_in_progress", 0);
		field(sb, "aof_rewrite_scheduled", 0);
		field(sb, "aof_last_rewrite_time_sec", c.core().stats().aofRewriteDone ? 0 : -1);
		field(sb, "aof_current_rewrite_time_sec", -1);
		field(sb, "aof_last_bgrewrite_status", "ok");
		field(sb, "aof_rewrites", c.core().stats().aofRewrites.sum());
		field(sb, "aof_rewrites_consecutive_failures", 0);
		field(sb, "aof_last_write_status", "ok");
		field(sb, "aof_last_cow_size", 0);
		field(sb, "module_fork_in_progress", 0);
		field(sb, "module_fork_last_cow_size", 0);
	}

	private static void statsSection(CommandContext c, StringBuilder sb) {
		var stats = c.core().stats();
		Introspection in = c.core().introspection();
		sb.append("# Stats\r\n");
		field(sb, "total_connections_received", stats.connectionsReceived.sum());
		field(sb, "total_commands_processed", stats.commandsProcessed.sum());
		field(sb, "instantaneous_ops_per_sec", in.opsPerSec.perSecond());
		field(sb, "total_net_input_bytes", in.netInput.sum());
		field(sb, "total_net_output_bytes", in.netOutput.sum());
		field(sb, "total_net_repl_input_bytes", 0);
		field(sb, "total_net_repl_output_bytes", 0);
		field(sb, "instantaneous_input_kbps", kbps(in.inputKbps.perSecond()));
		field(sb, "instantaneous_output_kbps", kbps(in.outputKbps.perSecond()));
		field(sb, "instantaneous_input_repl_kbps", "0.00");
		field(sb, "instantaneous_output_repl_kbps", "0.00");
		field(sb, "rejected_connections", stats.rejectedConnections.sum());
		field(sb, "sync_full", 0);
		field(sb, "sync_partial_ok", 0);
		field(sb, "sync_partial_err", 0);
		field(sb, "expired_keys", stats.expiredKeys.sum());
		field(sb, "expired_stale_perc", "0.00");
		field(sb, "expired_time_cap_reached_count", 0);
		field(sb, "expire_cycle_cpu_milliseconds", 0);
		field(sb, "evicted_keys", stats.evictedKeys.sum());
		field(sb, "evicted_clients", c.core().memory().evictedClients().get());
		field(sb, "total_eviction_exceeded_time", 0);
		field(sb, "current_eviction_exceeded_time", 0);
		field(sb, "keyspace_hits", stats.keyspaceHits.sum());
		field(sb, "keyspace_misses", stats.keyspaceMisses.sum());
		var pubsub = c.core().pubsub();
		field(sb, "pubsub_channels", pubsub.channelCount());
		field(sb, "pubsub_patterns", pubsub.patternCount());
		field(sb, "pubsubshard_channels", pubsub.shardChannelCount());
		field(sb, "latest_fork_usec", 0);
		field(sb, "total_forks", 0);
		field(sb, "migrate_cached_sockets", 0);
		field(sb, "slave_expires_tracked_keys", 0);
		field(sb, "active_defrag_hits", 0);
		field(sb, "active_defrag_misses", 0);
		field(sb, "active_defrag_key_hits", 0);
		field(sb, "active_defrag_key_misses", 0);
		field(sb, "total_active_defrag_time", 0);
		field(sb, "current_active_defrag_time", 0);
		field(sb, "tracking_total_keys", c.core().tracking().totalKeys());
		field(sb, "tracking_total_items", c.core().tracking().totalItems());
		field(sb, "tracking_total_prefixes", c.core().tracking().totalPrefixes());
		field(sb, "unexpected_error_replies", 0);
		field(sb, "total_error_replies", stats.errorReplies.sum());
		field(sb, "dump_payload_sanitizations", 0);
		field(sb, "total_reads_processed", in.readsProcessed.sum());
		field(sb, "total_writes_processed", in.writesProcessed.sum());
		field(sb, "io_threaded_reads_processed", 0);
		field(sb, "io_threaded_writes_processed", 0);
		field(sb, "reply_buffer_shrinks", 0);
		field(sb, "reply_buffer_expands", 0);
	}

	/** Bytes per second as Redis's "%.2f" kilobytes. */
	private static String kbps(long bytesPerSecond) {
		return String.format(Locale.ROOT, "%.2f", bytesPerSecond / 1024.0);
	}

	private static void replicationSection(CommandContext c, StringBuilder sb) {
		var backlog = c.core().parameters().lookup("repl-backlog-size");
		sb.append("# Replication\r\n");
		field(sb, "role", "master");
		field(sb, "connected_slaves", 0);
		field(sb, "master_failover_state", "no-failover");
		field(sb, "master_replid", c.core().introspection().replId());
		field(sb, "master_replid2", "0000000000000000000000000000000000000000");
		field(sb, "master_repl_offset", 0);
		field(sb, "second_repl_offset", -1);
		field(sb, "repl_backlog_active", 0);
		field(sb, "repl_backlog_size", backlog == null ? "1048576" : backlog.parameter().get());
		field(sb, "repl_backlog_first_byte_offset", 0);
		field(sb, "repl_backlog_histlen", 0);
	}

	/**
	 * The process's CPU time from the JVM (user and system apart where the platform's
	 * bean tells them, else all counted as user); the "main thread" is the thread serving
	 * this INFO, the one event loop that runs this client's commands.
	 */
	private static void cpuSection(StringBuilder sb) {
		long[] process = ProcessCpu.userAndSystemNanos();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long threadCpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
		long threadUser = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadUserTime() : 0;
		sb.append("# CPU\r\n");
		field(sb, "used_cpu_sys", seconds(process[1]));
		field(sb, "used_cpu_user", seconds(process[0]));
		field(sb, "used_cpu_sys_children", "0.000000");
		field(sb, "used_cpu_user_children", "0.000000");
		field(sb, "used_cpu_sys_main_thread", seconds(Math.max(0, threadCpu - threadUser)));
		field(sb, "used_cpu_user_main_thread", seconds(threadUser));
	}

	/** "%ld.%06ld" seconds, as Redis prints rusage times. */
	private static String seconds(long nanos) {
		long micros = nanos / 1000;
		return (micros / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", micros % 1_000_000);
	}

	private static void commandStatsSection(CommandContext c, StringBuilder sb) {
		sb.append("# Commandstats\r\n");
		for (Command command : c.core().table().all()) {
			commandStats(command, sb);
			for (Command sub : command.subcommands().values()) {
				commandStats(sub, sb);
			}
		}
	}

	private static void commandStats(Command command, StringBuilder sb) {
		CommandStats s = command.stats;
		if (!s.used()) {
			return;
		}
		long calls = s.calls();
		long usec = s.micros();
		sb.append("cmdstat_").append(command.name()).append(":calls=").append(calls).append(",usec=").append(usec);
		sb.append(",usec_per_call=")
			.append(String.format(Locale.ROOT, "%.2f", calls == 0 ? 0.0 : (double) usec / calls));
		sb.append(",rejected_calls=").append(s.rejectedCalls()).append(",failed_calls=").append(s.failedCalls());
		sb.append("\r\n");
	}

	private static void errorStatsSection(CommandContext c, StringBuilder sb) {
		sb.append("# Errorstats\r\n");
		for (Map.Entry<String, Long> e : c.core().introspection().errors().snapshot().entrySet()) {
			sb.append("errorstat_").append(e.getKey()).append(":count=").append(e.getValue()).append("\r\n");
		}
	}

	private static void latencyStatsSection(CommandContext c, StringBuilder sb) {
		sb.append("# Latencystats\r\n");
		List<Double> percentiles = c.core().introspection().percentiles();
		for (Command command : c.core().table().all()) {
			latencyStats(command, percentiles, sb);
			for (Command sub : command.subcommands().values()) {
				latencyStats(sub, percentiles, sb);
			}
		}
	}

	/**
	 * fillPercentileDistributionLatencies: p&lt;percentile&gt;=&lt;usec, 3 decimals&gt;.
	 */
	private static void latencyStats(Command command, List<Double> percentiles, StringBuilder sb) {
		Histogram h = command.stats.histogram();
		if (h == null) {
			return;
		}
		sb.append("latency_percentiles_usec_").append(command.name()).append(':');
		for (int j = 0; j < percentiles.size(); j++) {
			double p = percentiles.get(j);
			sb.append(j == 0 ? "" : ",").append('p').append(percentileName(p)).append('=');
			sb.append(String.format(Locale.ROOT, "%.3f", h.getValueAtPercentile(p) / 1000.0));
		}
		sb.append("\r\n");
	}

	/** C's "%f" with trailing zeros and point trimmed (trimDoubleString). */
	static String percentileName(double p) {
		String s = new BigDecimal(p).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
		int end = s.length();
		while (s.charAt(end - 1) == '0') {
			end--;
		}
		if (s.charAt(end - 1) == '.') {
			end--;
		}
		return s.substring(0, end);
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

package dev.larder.engine.config;

import static dev.larder.engine.config.CLimits.INT_MAX;
import static dev.larder.engine.config.CLimits.INT_MIN;
import static dev.larder.engine.config.CLimits.LONG_MAX;
import static dev.larder.engine.config.CLimits.UINT_MAX;
import static dev.larder.engine.config.ConfigFlag.HIDDEN;
import static dev.larder.engine.config.ConfigFlag.IMMUTABLE;
import static dev.larder.engine.config.NumericFormat.INTEGER;
import static dev.larder.engine.config.NumericFormat.OCTAL;
import static dev.larder.engine.config.NumericType.INT;
import static dev.larder.engine.config.NumericType.LONG_LONG;
import static dev.larder.engine.config.NumericType.OFF_T;
import static dev.larder.engine.config.NumericType.UINT;

import dev.larder.engine.command.EngineCore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process, its listener, logging and scripting: port, bind, databases, io-threads, hz
 * and busy-reply-threshold are the engine's own settings; the rest (daemonizing, logs,
 * CPU lists, process title, ...) concern a redis-server process and are kept.
 */
final class ServerParameters {

	private static final List<String> PROTECTED_ACTION = List.of("no", "yes", "local");

	/** CONFIG_MIN_HZ and CONFIG_MAX_HZ, which updateHZ clamps hz to. */
	private static final int MIN_HZ = 1;

	private static final int MAX_HZ = 500;

	private ServerParameters() {
	}

	static void addTo(ConfigTable.Builder b, EngineCore core) {
		// the listener binds once; only its own port is accepted (a no-op, as on Redis)
		b.add(new NumericParameter("port", null, INT, 0, 65535, INTEGER,
				Binding.of(() -> (long) core.boundPort(), v -> {
				}), port -> {
					if (port != core.boundPort()) {
						throw new InvalidValueException(Unsupported.MOVE_PORT);
					}
				}));
		b.add(new BindParameter(() -> core.config().bind()));
		b.add(new NumericParameter("databases", null, INT, 1, INT_MAX, INTEGER,
				Binding.readOnly(() -> (long) core.config().databases()), Check.none(), IMMUTABLE));
		b.add(new NumericParameter("io-threads", null, INT, 1, 128, INTEGER,
				Binding.readOnly(() -> (long) core.config().ioThreads()), Check.none(), IMMUTABLE));
		b.add(BoolParameter.stored("io-threads-do-reads", false, IMMUTABLE));
		b.add(new NumericParameter("hz", null, INT, 0, INT_MAX, INTEGER,
				Binding.of(() -> (long) core.hz(), v -> core.hz((int) Math.max(MIN_HZ, Math.min(MAX_HZ, v)))),
				Check.none()));
		b.add(BoolParameter.stored("dynamic-hz", true));
		b.add(new NumericParameter("busy-reply-threshold", "lua-time-limit", LONG_LONG, 0, LONG_MAX, INTEGER,
				Binding.of(() -> core.scripting().timeLimitMillis(), v -> core.scripting().timeLimitMillis(v)),
				Check.none()));
		b.add(NumericParameter.stored("tcp-backlog", INT, 0, INT_MAX, 511, INTEGER, IMMUTABLE));
		b.add(NumericParameter.stored("tcp-keepalive", INT, 0, INT_MAX, 300, INTEGER));
		b.add(NumericParameter.stored("socket-mark-id", UINT, 0, UINT_MAX, 0, INTEGER, IMMUTABLE));
		b.add(new BoolParameter("protected-mode", null, Binding.of(core::protectedMode, core::protectedMode),
				Check.none()));
		b.add(StringParameter.stored("unixsocket", "", IMMUTABLE));
		b.add(NumericParameter.stored("unixsocketperm", UINT, 0, 0777, 0, OCTAL, IMMUTABLE));
		b.add(StringParameter.stored("bind-source-addr", ""));
		b.add(BoolParameter.stored("daemonize", false, IMMUTABLE));
		b.add(EnumParameter.stored("supervised", List.of("upstart", "systemd", "auto", "no"), "no", IMMUTABLE));
		b.add(StringParameter.stored("pidfile", "", IMMUTABLE));
		b.add(EnumParameter.stored("loglevel", List.of("debug", "verbose", "notice", "warning"), "notice"));
		b.add(StringParameter.stored("logfile", "", IMMUTABLE));
		b.add(BoolParameter.stored("syslog-enabled", false, IMMUTABLE));
		b.add(StringParameter.stored("syslog-ident", "redis", IMMUTABLE));
		b.add(EnumParameter.stored("syslog-facility",
				List.of("user", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"),
				"local0", IMMUTABLE));
		b.add(BoolParameter.stored("always-show-logo", false, IMMUTABLE));
		b.add(BoolParameter.stored("set-proc-title", true, IMMUTABLE));
		b.add(new StringParameter("proc-title-template", null, Binding.stored("{title} {listen-addr} {server-mode}"),
				RedisChecks.procTitleTemplate(core::boundPort)));
		b.add(BoolParameter.stored("crash-log-enabled", true));
		b.add(BoolParameter.stored("crash-memcheck-enabled", true));
		b.add(BoolParameter.stored("use-exit-on-panic", false, HIDDEN));
		b.add(BoolParameter.stored("disable-thp", true, IMMUTABLE));
		b.add(BoolParameter.stored("jemalloc-bg-thread", true));
		b.add(oomScoreAdj());
		b.add(new OomScoreAdjValuesParameter());
		b.add(EnumParameter.stored("enable-protected-configs", PROTECTED_ACTION, "no", IMMUTABLE));
		b.add(EnumParameter.stored("enable-debug-command", PROTECTED_ACTION, "no", IMMUTABLE));
		b.add(EnumParameter.stored("enable-module-command", PROTECTED_ACTION, "no", IMMUTABLE));
		for (String cpus : List.of("server_cpulist", "bio_cpulist", "aof_rewrite_cpulist", "bgsave_cpulist")) {
			b.add(StringParameter.stored(cpus, "", IMMUTABLE));
		}
		b.add(StringParameter.stored("ignore-warnings", ""));
		b.add(NumericParameter.stored("shutdown-timeout", INT, 0, INT_MAX, 10, INTEGER));
		b.add(shutdownOn("shutdown-on-sigint"));
		b.add(shutdownOn("shutdown-on-sigterm"));
		Binding<Long> watchdog = Binding.stored(0L);
		// applyWatchdogPeriod raises a period under two hz ticks to two ticks
		b.add(new NumericParameter("watchdog-period", null, INT, 0, INT_MAX, INTEGER, Binding.of(watchdog::get, v -> {
			long minPeriod = 1000 / core.hz() * 2;
			watchdog.set(v != 0 && v < minPeriod ? minPeriod : v);
		}), Check.none(), HIDDEN));
		b.add(NumericParameter.stored("rdb-key-save-delay", INT, INT_MIN, INT_MAX, 0, INTEGER, HIDDEN));
		b.add(NumericParameter.stored("key-load-delay", INT, INT_MIN, INT_MAX, 0, INTEGER, HIDDEN));
		b.add(NumericParameter.stored("loading-process-events-interval-bytes", OFF_T, 1024, INT_MAX, 2 * 1024 * 1024,
				INTEGER, HIDDEN));
		var in = core.introspection();
		b.add(new NumericParameter("slowlog-log-slower-than", null, LONG_LONG, -1, LONG_MAX, INTEGER,
				Binding.of(in.slowLog()::slowerThanMicros, in.slowLog()::slowerThanMicros), Check.none()));
		b.add(new NumericParameter("slowlog-max-len", null, NumericType.ULONG, 0, LONG_MAX, INTEGER,
				Binding.of(in.slowLog()::maxLen, in.slowLog()::maxLen), Check.none()));
		b.add(new NumericParameter("latency-monitor-threshold", null, LONG_LONG, 0, LONG_MAX, INTEGER,
				Binding.of(in.latency()::thresholdMillis, in.latency()::thresholdMillis), Check.none()));
		b.add(new BoolParameter("latency-tracking", null, Binding.of(in::latencyTracking, in::latencyTracking),
				Check.none()));
		b.add(new LatencyPercentilesParameter(Binding.of(in::percentiles, in::percentiles)));
	}

	/** oom-score-adj: {@code yes} and {@code relative} are one value, printed yes. */
	private static EnumParameter<String> oomScoreAdj() {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("no", "no");
		choices.put("yes", "relative");
		choices.put("relative", "relative");
		choices.put("absolute", "absolute");
		return new EnumParameter<>("oom-score-adj", null, choices, Binding.stored("no"), Check.none());
	}

	/** shutdown_on_sig_enum, with isValidShutdownOnSigFlags. */
	private static FlagsParameter shutdownOn(String name) {
		Map<String, Integer> choices = new LinkedHashMap<>();
		choices.put("default", 0);
		choices.put("save", 1);
		choices.put("nosave", 2);
		choices.put("now", 4);
		choices.put("force", 8);
		return new FlagsParameter(name, null, choices, Binding.stored(0), RedisChecks.shutdownFlags());
	}

}

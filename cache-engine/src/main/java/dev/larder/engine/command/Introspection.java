package dev.larder.engine.command;

import dev.larder.engine.Reply;
import dev.larder.engine.command.spec.CommandFlag;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server knows about itself beyond the keyspace (INFO stats, commandstats,
 * errorstats, latencystats, SLOWLOG, LATENCY, CLIENT PAUSE, maxclients, timeout): the
 * executor reports each command here, the server cron samples the rates, and the settings
 * CONFIG SET changes live here.
 */
public final class Introspection {

	private final EngineCore core;

	private final SlowLog slowLog = new SlowLog();

	private final LatencyMonitor latency = new LatencyMonitor();

	private final ErrorStats errors = new ErrorStats();

	private final RecentClientPeaks clientPeaks = new RecentClientPeaks();

	private final ClientPause pause;

	final InstantaneousMetric opsPerSec = new InstantaneousMetric();

	final InstantaneousMetric inputKbps = new InstantaneousMetric();

	final InstantaneousMetric outputKbps = new InstantaneousMetric();

	/** Bytes read from and written to client sockets; reads and flushes. */
	public final LongAdder netInput = new LongAdder();

	public final LongAdder netOutput = new LongAdder();

	public final LongAdder readsProcessed = new LongAdder();

	public final LongAdder writesProcessed = new LongAdder();

	private final String runId = randomHex();

	private volatile String replId = randomHex();

	private volatile String multiplexingApi = "none";

	private volatile boolean latencyTracking = true;

	private volatile List<Double> percentiles = List.of(50.0, 99.0, 99.9);

	private volatile int maxClients = 10_000;

	private volatile int idleTimeoutSeconds;

	Introspection(EngineCore core, ClientPause.Scheduler scheduler) {
		this.core = core;
		this.pause = new ClientPause(core::now, scheduler);
	}

	/** 40 random hex characters, as Redis's getRandomHexChars for run_id and replid. */
	private static String randomHex() {
		byte[] b = new byte[20];
		new java.security.SecureRandom().nextBytes(b);
		return java.util.HexFormat.of().formatHex(b);
	}

	String runId() {
		return runId;
	}

	String replId() {
		return replId;
	}

	/** DEBUG CHANGE-REPL-ID (changeReplicationId, with no second id to clear). */
	void changeReplId() {
		replId = randomHex();
	}

	/** The RESP listener's transport (INFO multiplexing_api): epoll, nio, or none. */
	public String multiplexingApi() {
		return multiplexingApi;
	}

	public void multiplexingApi(String api) {
		this.multiplexingApi = api;
	}

	public SlowLog slowLog() {
		return slowLog;
	}

	public LatencyMonitor latency() {
		return latency;
	}

	public ErrorStats errors() {
		return errors;
	}

	public ClientPause pause() {
		return pause;
	}

	public boolean latencyTracking() {
		return latencyTracking;
	}

	public void latencyTracking(boolean on) {
		this.latencyTracking = on;
	}

	/** latency-tracking-info-percentiles. */
	public List<Double> percentiles() {
		return percentiles;
	}

	public void percentiles(List<Double> percentiles) {
		this.percentiles = List.copyOf(percentiles);
	}

	public int maxClients() {
		return maxClients;
	}

	public void maxClients(int maxClients) {
		this.maxClients = maxClients;
	}

	/** timeout: idle clients are closed after this many seconds; 0 never. */
	public int idleTimeoutSeconds() {
		return idleTimeoutSeconds;
	}

	public void idleTimeoutSeconds(int seconds) {
		this.idleTimeoutSeconds = seconds;
	}

	/**
	 * Whether a new connection may be served: false when maxclients are connected already
	 * (acceptCommonHandler); the refusal is counted in rejected_connections.
	 */
	public boolean admit() {
		if (core.stats().connectedClients.get() >= maxClients) {
			core.stats().rejectedConnections.increment();
			return false;
		}
		return true;
	}

	/**
	 * A command ran (call() in server.c): its stats, the slow log, the latency monitor.
	 */
	void ran(Command command, ClientSession session, byte[][] args, long nanos, Reply reply) {
		CommandStats stats = command.stats;
		stats.record(nanos, latencyTracking);
		if (reply.isError()) {
			stats.failed.increment();
		}
		if (!command.skipSlowlog) {
			slowLog.logIfSlow(session, args, nanos);
		}
		latency.addSampleIfNeeded(command.fast ? "fast-command" : "command", nanos);
	}

	/**
	 * A command a script called ran: counted in its stats (Redis's call() from
	 * scriptCall), not logged as slow on its own (the script is).
	 */
	void ranFromScript(Command command, long nanos, Reply reply) {
		command.stats.record(nanos, latencyTracking);
		if (reply.isError()) {
			command.stats.failed.increment();
		}
	}

	/** An error reply was sent (afterErrorReply). */
	void errorReplied(String message) {
		errors.count(message);
	}

	/** INFO clients' recent largest buffers, sampled by the server cron. */
	RecentClientPeaks clientPeaks() {
		return clientPeaks;
	}

	/** One tick of the server cron (serverCron's 100 ms metrics). */
	void sampleMetrics(long nowMillis) {
		opsPerSec.sample(nowMillis, core.stats().commandsProcessed.sum());
		inputKbps.sample(nowMillis, netInput.sum());
		outputKbps.sample(nowMillis, netOutput.sum());
	}

	/**
	 * CONFIG RESETSTAT's share (resetServerStats, resetCommandTableStats,
	 * resetErrorTableStats).
	 */
	public void reset() {
		errors.reset();
		netInput.reset();
		netOutput.reset();
		readsProcessed.reset();
		writesProcessed.reset();
		long now = core.now();
		opsPerSec.reset(now, 0);
		inputKbps.reset(now, 0);
		outputKbps.reset(now, 0);
		for (Command c : core.table().all()) {
			c.stats.reset();
			for (Command sub : c.subcommands().values()) {
				sub.stats.reset();
			}
		}
	}

}

package dev.larder.benchmarks.hitratio;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Replays each trace against each contender and prints one Markdown table per trace: hit
 * ratio, entries held after the warm-up, keys evicted. Servers run one at a time, a fresh
 * process per replay. See {@code bench/eviction-hit-ratio.sh} and docs/benchmarks.md.
 */
public final class HitRatioBenchmark {

	private final Options options;

	private final RedisClient client;

	private final Replayer replayer;

	private final PrintStream out;

	private final PrintStream progress;

	/**
	 * Why the engine rows are skipped (no start command, or CONFIG SET maxmemory refused:
	 * a build without the evictor); null while the engine is worth trying.
	 */
	private @Nullable String engineUnavailable;

	private HitRatioBenchmark(Options options, RedisClient client) {
		this.options = options;
		this.client = client;
		this.replayer = new Replayer(options.batch());
		this.out = System.out;
		this.progress = System.err;
		this.engineUnavailable = options.engineCommand().isEmpty() ? "no --engine-command given" : null;
	}

	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(Options.USAGE);
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(Options.USAGE);
			System.exit(2);
			return;
		}
		RedisClient client = RedisClient.create();
		try {
			new HitRatioBenchmark(options, client).run();
		}
		finally {
			client.shutdown();
		}
	}

	private void run() throws IOException, InterruptedException {
		List<Contender> contenders = this.options.contenders().stream().map(Contender::byId).toList();
		for (String name : this.options.traces()) {
			if (!TraceCatalog.known(name)) {
				throw new IllegalArgumentException("unknown trace " + name + "; known: " + TraceCatalog.NAMES);
			}
		}
		long maxmemory = this.options.maxmemory();
		long capacity = calibrate(maxmemory);
		this.out.printf(Locale.ROOT,
				"maxmemory %,d bytes: redis-server holds %,d entries (%d-byte keys, %d-byte values, %.1f%% of the "
						+ "%,d Zipf keys); batches of %d requests (GETs pipelined, then the misses' SETs); "
						+ "%,d requests per trace, the first %,d not counted%n",
				maxmemory, capacity, KeyNames.of(0).length, this.options.valueSize(),
				100.0 * capacity / this.options.keys(), this.options.keys(), this.options.batch(),
				this.options.requests(), this.options.warmup());
		TraceCatalog catalog = new TraceCatalog(this.options);
		for (String name : this.options.traces()) {
			Trace trace = catalog.build(name, capacity);
			List<Row> rows = new ArrayList<>();
			long redisEntries = -1;
			for (Contender contender : contenders) {
				Row row = switch (contender.kind()) {
					case REDIS -> replayOnRedis(trace, contender, maxmemory);
					case ENGINE -> replayOnEngine(trace, contender, maxmemory);
					case CAFFEINE -> replayOnCaffeine(trace, (redisEntries > 0) ? redisEntries : capacity);
					case BOUND ->
						StaticTopBound.row(contender.label(), trace, (redisEntries > 0) ? redisEntries : capacity);
				};
				if (contender == Contender.REDIS_LRU && row.measured() && row.full()) {
					redisEntries = row.entries();
				}
				this.progress.printf(Locale.ROOT, "[%s] %s%n", trace.name(), row.markdown());
				rows.add(row);
			}
			print(trace, rows);
		}
	}

	/**
	 * How many entries of this trace shape redis-server holds under maxmemory: distinct
	 * keys stored until evictions start, then as many again so that the content turns
	 * over once, then DBSIZE. The loop trace is sized from it.
	 */
	private long calibrate(long maxmemory) throws IOException, InterruptedException {
		try (ServerProcess server = ServerProcess.redis(this.options.redisServer());
				RespCache cache = new RespCache(this.client, server.port(), this.options.valueSize())) {
			cache.configSet("maxmemory", Long.toString(maxmemory));
			cache.configSet("maxmemory-policy", "allkeys-lru");
			int batch = this.options.batch();
			int[] ids = new int[batch];
			int next = 0;
			long extra = -1;
			while (extra != 0) {
				for (int i = 0; i < batch; i++) {
					ids[i] = next++;
				}
				cache.set(ids, batch);
				if (extra < 0 && cache.evictedKeys() > 0) {
					extra = cache.dbsize();
				}
				else if (extra > 0) {
					extra = Math.max(0, extra - batch);
				}
				if (next > KeyNames.MAX_ID - batch) {
					throw new IllegalStateException("redis-server never evicted: is maxmemory " + maxmemory + " set?");
				}
			}
			return cache.dbsize();
		}
	}

	private Row replayOnRedis(Trace trace, Contender contender, long maxmemory)
			throws IOException, InterruptedException {
		try (ServerProcess server = ServerProcess.redis(this.options.redisServer());
				RespCache cache = new RespCache(this.client, server.port(), this.options.valueSize())) {
			cache.configSet("maxmemory", Long.toString(maxmemory));
			cache.configSet("maxmemory-policy", contender.policy());
			return replayOverResp(trace, contender.label(), cache);
		}
	}

	private Row replayOnEngine(Trace trace, Contender contender, long maxmemory)
			throws IOException, InterruptedException {
		String unavailable = this.engineUnavailable;
		if (unavailable != null) {
			return Row.skipped(contender.label(), unavailable);
		}
		try (ServerProcess server = ServerProcess.engine(this.options.engineCommand());
				RespCache cache = new RespCache(this.client, server.port(), this.options.valueSize())) {
			try {
				cache.configSet("maxmemory", Long.toString(maxmemory));
			}
			catch (RedisCommandExecutionException ex) {
				String why = "the engine refused CONFIG SET maxmemory (no evictor in this build)";
				this.engineUnavailable = why;
				this.progress.println("NOTE: " + why + ": it answered \"" + ex.getMessage()
						+ "\". Every engine row is skipped; the other contenders run.");
				return Row.skipped(contender.label(), why);
			}
			try {
				cache.configSet("maxmemory-policy", contender.policy());
			}
			catch (RedisCommandExecutionException ex) {
				String why = "the engine refused CONFIG SET maxmemory-policy " + contender.policy();
				this.progress.println("NOTE: " + why + ": it answered \"" + ex.getMessage() + "\". Row skipped.");
				return Row.skipped(contender.label(), why);
			}
			return replayOverResp(trace, contender.label(), cache);
		}
	}

	private Row replayOverResp(Trace trace, String label, RespCache cache) {
		long start = System.nanoTime();
		this.replayer.replay(trace.keys(), 0, trace.warmup(), cache);
		long entries = cache.dbsize();
		boolean full = cache.evictedKeys() > 0;
		long hits = this.replayer.replay(trace.keys(), trace.warmup(), trace.length(), cache);
		double seconds = (System.nanoTime() - start) / 1e9;
		long evicted = cache.evictedKeys();
		// A server that evicted nothing ignored maxmemory: its hit ratio is that of an
		// unbounded cache, so the row says so instead of passing for a result.
		String note = (evicted == 0) ? "WARNING: nothing evicted, maxmemory not enforced"
				: full ? null : "WARNING: the warm-up did not fill the cache";
		return new Row(label, hits, trace.measured(), entries, full, evicted, seconds, note);
	}

	private Row replayOnCaffeine(Trace trace, long maximumSize) {
		CaffeineCache cache = new CaffeineCache(maximumSize, this.options.valueSize());
		long start = System.nanoTime();
		this.replayer.replay(trace.keys(), 0, trace.warmup(), cache);
		long entries = cache.entries();
		boolean full = cache.evictions() > 0;
		long hits = this.replayer.replay(trace.keys(), trace.warmup(), trace.length(), cache);
		double seconds = (System.nanoTime() - start) / 1e9;
		String label = String.format(Locale.ROOT, "Caffeine (maximumSize %,d)", maximumSize);
		return new Row(label, hits, trace.measured(), entries, full, cache.evictions(), seconds,
				full ? null : "WARNING: the warm-up did not fill the cache");
	}

	private void print(Trace trace, List<Row> rows) {
		this.out.printf(Locale.ROOT, "%n%s: %s; %,d requests, the first %,d not counted%n%n", trace.name(),
				trace.description(), trace.length(), trace.warmup());
		this.out.println("| contender | hit ratio | entries held | evicted keys | seconds |");
		this.out.println("|---|---:|---:|---:|---:|");
		rows.forEach((row) -> this.out.println(row.markdown()));
		this.out.flush();
	}

}

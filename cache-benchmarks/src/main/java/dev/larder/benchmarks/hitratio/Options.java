package dev.larder.benchmarks.hitratio;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link HitRatioBenchmark}: {@code --name value} pairs, each with a
 * default, so a bare run is the documented one.
 */
final class Options {

	static final String USAGE = """
			Usage: HitRatioBenchmark [--name value]...
			  --maxmemory 16mb          maxmemory of redis-server and the engine (bytes, or kb/mb/gb as Redis reads them)
			  --keys 1000000            distinct keys of the Zipf traces
			  --requests 3000000        requests per trace, warm-up included
			  --warmup 1000000          leading requests that fill the cache and are not counted
			  --scan-every 100000       polluted traces: Zipf requests between two scans
			  --scan-length 50000       polluted traces: never-repeated keys per scan
			  --loop-factor 1.2         loop trace: loop length / entries redis-server holds under maxmemory
			  --loop-length 0           loop trace: a fixed loop length instead (0: from --loop-factor)
			  --batch 500               requests per pipelined batch (GETs, then the misses' SETs)
			  --value-size 100          bytes per value
			  --seed 42                 seed of the Zipf generator
			  --traces LIST             comma-separated, default zipf-0.8,zipf-1.0,zipf-0.8-scans,zipf-1.0-scans,loop
			  --contenders LIST         comma-separated, default redis-lru,redis-lfu,engine-lru,engine-lfu,engine-tinylfu,caffeine,bound
			  --redis-server PATH       default redis-server
			  --engine-command CMD      how to start the engine (whitespace-separated; --port n is appended),
			                            e.g. "java -Xmx512m -jar larder-cache-engine.jar"; without it the engine rows are skipped
			""";

	private static final Set<String> NAMES = Set.of("maxmemory", "keys", "requests", "warmup", "scan-every",
			"scan-length", "loop-factor", "loop-length", "batch", "value-size", "seed", "traces", "contenders",
			"redis-server", "engine-command");

	private final Map<String, String> values = new HashMap<>();

	private Options() {
		this.values.put("maxmemory", "16mb");
		this.values.put("keys", "1000000");
		this.values.put("requests", "3000000");
		this.values.put("warmup", "1000000");
		this.values.put("scan-every", "100000");
		this.values.put("scan-length", "50000");
		this.values.put("loop-factor", "1.2");
		this.values.put("loop-length", "0");
		this.values.put("batch", "500");
		this.values.put("value-size", "100");
		this.values.put("seed", "42");
		this.values.put("traces", "zipf-0.8,zipf-1.0,zipf-0.8-scans,zipf-1.0-scans,loop");
		this.values.put("contenders", "redis-lru,redis-lfu,engine-lru,engine-lfu,engine-tinylfu,caffeine,bound");
		this.values.put("redis-server", "redis-server");
		this.values.put("engine-command", "");
	}

	static Options parse(String[] args) {
		Options options = new Options();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--") || !NAMES.contains(arg.substring(2))) {
				throw new IllegalArgumentException("unknown option " + arg);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + arg);
			}
			options.values.put(arg.substring(2), args[++i]);
		}
		return options;
	}

	long maxmemory() {
		return memory(string("maxmemory"));
	}

	int keys() {
		return integer("keys");
	}

	int requests() {
		return integer("requests");
	}

	int warmup() {
		return integer("warmup");
	}

	int scanEvery() {
		return integer("scan-every");
	}

	int scanLength() {
		return integer("scan-length");
	}

	double loopFactor() {
		return Double.parseDouble(string("loop-factor"));
	}

	int loopLength() {
		return integer("loop-length");
	}

	int batch() {
		return integer("batch");
	}

	int valueSize() {
		return integer("value-size");
	}

	long seed() {
		return Long.parseLong(string("seed"));
	}

	List<String> traces() {
		return list("traces");
	}

	List<String> contenders() {
		return list("contenders");
	}

	String redisServer() {
		return string("redis-server");
	}

	/** The engine's start command split at whitespace; empty when none was given. */
	List<String> engineCommand() {
		String command = string("engine-command").trim();
		return command.isEmpty() ? List.of() : List.of(command.split("\\s+"));
	}

	private String string(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalStateException("no default for " + name);
		}
		return value;
	}

	private int integer(String name) {
		return Integer.parseInt(string(name).replace("_", ""));
	}

	private List<String> list(String name) {
		return Arrays.stream(string(name).split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	/** Redis's memory units: k/m/g are powers of 1000, kb/mb/gb powers of 1024. */
	static long memory(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		String[][] units = { { "gb", "1073741824" }, { "mb", "1048576" }, { "kb", "1024" }, { "g", "1000000000" },
				{ "m", "1000000" }, { "k", "1000" }, { "b", "1" } };
		for (String[] unit : units) {
			if (value.endsWith(unit[0])) {
				return Long.parseLong(value.substring(0, value.length() - unit[0].length())) * Long.parseLong(unit[1]);
			}
		}
		return Long.parseLong(value);
	}

}

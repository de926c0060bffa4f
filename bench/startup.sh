#!/usr/bin/env bash
# Start-up time of @EmbeddedRedis's engine vs a redis-server process started by a test: from "start" to the first PING
# answered over a socket (StartupBenchmark, JMH SingleShotTime, one start per iteration).
#   warm: one JVM, 5 warm-up starts, then RUNS measured starts: what each test class after the first pays.
#   cold: RUNS fresh JVMs, one measured start each: what the first class of a test run pays (class loading included).
# Prints the median of each and the ratio redis-server / engine (above 1.0: the engine starts faster).
#
# Env: RUNS (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-20}"
command -v redis-server >/dev/null || { echo "missing: redis-server" >&2; exit 1; }
out=cache-benchmarks/target/jmh
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
warm="$out/startup-warm-$stamp.json"
cold="$out/startup-cold-$stamp.json"
bench/jmh.sh 'StartupBenchmark' -f 1 -wi 5 -i "$RUNS" -rf json -rff "$warm"
JMH_REBUILD=0 bench/jmh.sh 'StartupBenchmark' -f "$RUNS" -wi 0 -i 1 -rf json -rff "$cold"
python3 - "$warm" "$cold" <<'PY'
import json, statistics, sys
print("\n| reading | redis-server (ms, median) | engine (ms, median) | redis-server / engine |")
print("|---|---:|---:|---:|")
for label, path in (("warm", sys.argv[1]), ("cold", sys.argv[2])):
    medians = {}
    for r in json.load(open(path)):
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        medians[r["params"]["server"]] = statistics.median(raw)
    print("| %s | %.2f | %.2f | %.1f |" % (label, medians["redis-server"], medians["embedded"],
                                        medians["redis-server"] / medians["embedded"]))
PY

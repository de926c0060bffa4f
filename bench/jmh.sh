#!/usr/bin/env bash
# Runs Larder's JMH benchmarks (module cache-benchmarks).
#
# Usage:
#   bench/jmh.sh                 every benchmark in dev.larder.benchmarks, with the defaults below
#   bench/jmh.sh [JMH args...]   the arguments go to org.openjdk.jmh.Main unchanged, e.g.
#       bench/jmh.sh 'CacheableBenchmark\.hit$' -p implementation=larder -prof stack
#       bench/jmh.sh CacheableBenchmark -t 2          (two threads; expect noise on 2 cores)
#       bench/jmh.sh -h                               (JMH's own help; -l lists the benchmarks)
#
# Defaults (no args): -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -prof gc 'dev\.larder\.benchmarks\..*'
#   One fork, short iterations, one thread: about 4 minutes, sized for a shared 2-core machine.
#   The benchmark classes carry the same settings as annotations, so a bare regex gets them too.
#
# Build: the module (and cache-core) is rebuilt with
#   mvn -B -q -pl cache-benchmarks -am package -DskipTests
# when it has never been built or a pom or source under cache-core/cache-benchmarks is newer
# than the last build. JMH_REBUILD=1 forces it, JMH_REBUILD=0 skips it.
#
# Results: JSON to cache-benchmarks/target/jmh/results-<UTC timestamp>.json, unless the
# arguments choose their own result file (-rf / -rff). The path is printed at the end, followed
# (if python3 is installed) by a table of medians and ratios against the reference implementation.
set -euo pipefail

cd "$(dirname "$0")/.."
module=cache-benchmarks
target="$module/target"
stamp="$target/.jmh-built"

needs_build() {
  case "${JMH_REBUILD:-}" in
    1) return 0 ;;
    0) return 1 ;;
  esac
  [[ -f "$stamp" && -f "$target/benchmark.classpath" && -d "$target/classes/META-INF" ]] || return 0
  [[ -n "$(find pom.xml cache-core/pom.xml cache-core/src/main "$module/pom.xml" "$module/src" \
      -newer "$stamp" -type f -print -quit)" ]]
}

if needs_build; then
  echo "Building $module ..." >&2
  mvn -B -q -pl "$module" -am package -DskipTests
  touch "$stamp"
fi

if [[ $# -eq 0 ]]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -prof gc 'dev\.larder\.benchmarks\..*'
fi

result_args=()
result_file=""
has_result_option=false
for arg in "$@"; do
  case "$arg" in
    -rf|-rff|-rf=*|-rff=*) has_result_option=true ;;
    -h|-help|--help|-l|-lp|-lprof|-lrf|-v) has_result_option=true ;;
  esac
done
if [[ "$has_result_option" == false ]]; then
  mkdir -p "$target/jmh"
  result_file="$target/jmh/results-$(date -u +%Y%m%dT%H%M%SZ).json"
  result_args=(-rf json -rff "$result_file")
fi

java -cp "$target/classes:$(cat "$target/benchmark.classpath")" org.openjdk.jmh.Main \
  "${result_args[@]}" "$@"

if [[ -n "$result_file" ]]; then
  echo "JMH results: $result_file" >&2
  if command -v python3 >/dev/null 2>&1; then
    # Medians of the measurement iterations, and Larder/Spring ratios where both ran: the numbers
    # docs/benchmarks.md reports (JMH's own table shows means).
    python3 - "$result_file" <<'PY'
import json, statistics, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    if r["threads"] != 1:
        name += " (%d threads)" % r["threads"]
    impl = r.get("params", {}).get("implementation", "-")
    rows.setdefault(name, {})[impl] = (statistics.median(raw), r["primaryMetric"]["scoreUnit"],
                                       r["mode"] in ("thrpt",))
# Ratios are against the reference of each benchmark (spring, else bare), oriented so that
# above 1.0 means faster than the reference, for throughput and time modes alike.
print("\n| benchmark | implementation | median | vs reference |")
print("|---|---|---:|---:|")
for name, by_impl in rows.items():
    ref_name = next((n for n in ("spring", "bare") if n in by_impl), None)
    ref = by_impl.get(ref_name)
    for impl, (median, unit, higher_is_better) in by_impl.items():
        if ref and impl != ref_name:
            ratio = "%.2f" % (median / ref[0] if higher_is_better else ref[0] / median)
        else:
            ratio = "reference" if ref else "-"
        print("| %s | %s | %.1f %s | %s |" % (name, impl, median, unit, ratio))
PY
  fi
fi

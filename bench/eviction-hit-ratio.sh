#!/usr/bin/env bash
# Hit ratio of eviction policies, side by side (issue 13): the same key traces replayed as cache-aside
# (GET; on a miss SET of a 100-byte value) against
#   redis-server with maxmemory M and allkeys-lru, then allkeys-lfu (a fresh process each),
#   the engine's standalone server with the same M (CONFIG SET maxmemory / maxmemory-policy) and
#     allkeys-lru, allkeys-lfu, allkeys-tinylfu (a fresh process each),
#   Caffeine in process with maximumSize = the entries redis-server (allkeys-lru) held after the warm-up.
# Traces (seeded, generated in Java, identical for every contender): Zipf alpha 0.8 and 1.0 over 1M keys, the same
# Zipf draws polluted by periodic scans of never-repeated keys, and a loop 1.2x the entries redis-server holds.
# Prints one Markdown table per trace: hit ratio, entries held after the warm-up, keys evicted, seconds.
# An engine that refuses CONFIG SET maxmemory (a build without the evictor) is reported and skipped; the other
# contenders still run. Method and figures: docs/benchmarks.md, "Eviction: hit ratio and throughput at maxmemory".
#
# Usage: bench/eviction-hit-ratio.sh [HitRatioBenchmark options]   e.g.
#   bench/eviction-hit-ratio.sh --traces zipf-1.0-scans,loop --contenders redis-lfu,engine-tinylfu,caffeine
#   bench/eviction-hit-ratio.sh --help      (the options and their defaults)
# Env: ENGINE_JAVA_OPTS (default "-Xms512m -Xmx512m -XX:+UseParallelGC"), ENGINE_ARGS (extra engine options),
#      ENGINE_JAR (default: cache-engine/target's jar), CLIENT_JAVA_OPTS (default "-Xmx1g"),
#      REBUILD=1 forces the build, REBUILD=0 skips it (default: build when sources are newer than the last build).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
module=cache-benchmarks
target="$module/target"
stamp="$target/.hitratio-built"
ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
ENGINE_ARGS="${ENGINE_ARGS:-}"
CLIENT_JAVA_OPTS="${CLIENT_JAVA_OPTS:--Xmx1g}"

for tool in redis-server java mvn; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

needs_build() {
  case "${REBUILD:-}" in
    1) return 0 ;;
    0) return 1 ;;
  esac
  [[ -f "$stamp" && -f "$target/benchmark.classpath" ]] || return 0
  ls cache-engine/target/larder-cache-engine-*.jar >/dev/null 2>&1 || return 0
  # The engine is in the list: the evictor the engine rows measure lives there.
  [[ -n "$(find pom.xml cache-engine/pom.xml cache-engine/src/main cache-core/pom.xml cache-core/src/main \
      "$module/pom.xml" "$module/src/main" -newer "$stamp" -type f -print -quit)" ]]
}

if needs_build; then
  echo "Building $module and the engine ..." >&2
  mvn -B -q -pl "$module" -am package -DskipTests
  touch "$stamp"
fi

JAR="$(realpath "${ENGINE_JAR:-$(ls cache-engine/target/larder-cache-engine-*.jar | grep -v -- '-tests.jar' | head -1)}")"

# shellcheck disable=SC2086
exec java $CLIENT_JAVA_OPTS -cp "$target/classes:$(cat "$target/benchmark.classpath")" \
  dev.larder.benchmarks.hitratio.HitRatioBenchmark \
  --engine-command "java $ENGINE_JAVA_OPTS -jar $JAR $ENGINE_ARGS" "$@"

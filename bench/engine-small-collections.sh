#!/usr/bin/env bash
# Small hashes and sorted sets, in-process (SmallCollectionBenchmark): HSET/HGET and ZADD/ZREM/ZSCORE/ZRANK/ZREVRANGE
# on KEYS keys of MEMBERS members (16-byte fields, values and members), median of 5 rounds, ns/op.
#
# Env: MEMBERS (comma-separated member counts, default 16,128), KEYS (1000),
#      ENGINE_CLASSES (the engine's compiled classes, default cache-engine/target/classes: point it at another build's
#      classes to time that build with the same benchmark, e.g. before and after a change).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ENGINE="$ROOT/cache-engine"
CLASSES="${ENGINE_CLASSES:-$ENGINE/target/classes}"

if [[ ! -f "$ENGINE/target/test-classes/dev/larder/engine/bench/SmallCollectionBenchmark.class" || ! -d "$ENGINE/target/lib" ]]; then
  (cd "$ROOT" && mvn -q -pl cache-engine -am package -DskipTests)
fi

java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "$CLASSES:$ENGINE/target/test-classes:$ENGINE/target/lib/*" \
  dev.larder.engine.bench.SmallCollectionBenchmark "${MEMBERS:-16,128}" "${KEYS:-1000}"
